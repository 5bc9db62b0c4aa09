import { apiPut } from "../../shared/api.ts";
import { useMutation } from "../../shared/use-mutation.ts";
import type { ManagedUser } from "./types.ts";

export function updateUser(
  id: number,
  changes: { display_name?: string; disabled?: boolean },
): Promise<ManagedUser> {
  return apiPut<ManagedUser>(`/users/${id}`, changes);
}

export function useUpdateUser() {
  return useMutation(updateUser);
}
