import { apiPut } from "../../shared/api.ts";
import type { Sex, Youth } from "../../shared/types.ts";
import { useMutation } from "../../shared/use-mutation.ts";

/** PUT replaces the identity fields: a field left out is cleared; the code is kept. */
export type YouthIdentity = {
  first_name?: string;
  birth_year?: number;
  birth_month?: number;
  sex?: Sex;
  commune?: string;
  neighbourhood?: string;
};

export function updateYouth(id: string, identity: YouthIdentity): Promise<Youth> {
  return apiPut<Youth>(`/subjects/${encodeURIComponent(id)}`, identity);
}

export function useUpdateYouth() {
  return useMutation(updateYouth);
}
