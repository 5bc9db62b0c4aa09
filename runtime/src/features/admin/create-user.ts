import { apiPost } from "../../shared/api.ts";
import { useMutation } from "../../shared/use-mutation.ts";
import type { AdminRole, ManagedUser } from "./types.ts";

export type NewUser = {
  email: string;
  display_name: string;
  password: string;
  roles: { role: AdminRole; organisation_id: number }[];
};

export function createUser(input: NewUser): Promise<ManagedUser> {
  return apiPost<ManagedUser>("/users", input);
}

export function useCreateUser() {
  return useMutation(createUser);
}
