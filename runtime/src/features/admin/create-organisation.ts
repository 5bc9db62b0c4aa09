import { apiPost } from "../../shared/api.ts";
import { useMutation } from "../../shared/use-mutation.ts";
import type { ManagedOrganisation, OrganisationKind } from "./types.ts";

export type NewOrganisation = {
  kind: OrganisationKind;
  code: string;
  name: string;
  parent_id: number;
};

export function createOrganisation(input: NewOrganisation): Promise<ManagedOrganisation> {
  return apiPost<ManagedOrganisation>("/organisations", input);
}

export function useCreateOrganisation() {
  return useMutation(createOrganisation);
}
