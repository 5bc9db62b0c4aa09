import { apiGet } from "../../shared/api.ts";
import { useApi } from "../../shared/use-api.ts";
import type { ManagedOrganisation } from "./types.ts";

export function listOrganisations(): Promise<ManagedOrganisation[]> {
  return apiGet<ManagedOrganisation[]>("/organisations");
}

export function useOrganisations() {
  return useApi("admin-organisations", listOrganisations);
}
