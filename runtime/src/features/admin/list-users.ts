import { apiGet } from "../../shared/api.ts";
import { useApi } from "../../shared/use-api.ts";
import type { ManagedUser } from "./types.ts";

export function listUsers(): Promise<ManagedUser[]> {
  return apiGet<ManagedUser[]>("/users");
}

export function useUsers() {
  return useApi("admin-users", listUsers);
}
