import { apiPost } from "../../shared/api.ts";
import { useMutation } from "../../shared/use-mutation.ts";

export type AnonymiseResult = {
  subject: string;
  responses: number;
  revisions: number;
  values_removed: number;
};

export function anonymiseYouth(id: string): Promise<AnonymiseResult> {
  return apiPost<AnonymiseResult>(`/subjects/${encodeURIComponent(id)}/anonymise`, {});
}

export function useAnonymiseYouth() {
  return useMutation(anonymiseYouth);
}
