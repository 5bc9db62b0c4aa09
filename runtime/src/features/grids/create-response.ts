import { apiPost } from "../../shared/api.ts";
import type { ResponseRecord } from "../../shared/types.ts";
import { useMutation } from "../../shared/use-mutation.ts";

export type NewResponse = {
  /** Made by the browser and kept across retries, so a resent record is stored once. */
  id: string;
  grid: string;
  version: number;
  subject?: string;
  data: Record<string, unknown>;
};

export function createResponse(input: NewResponse): Promise<ResponseRecord> {
  return apiPost<ResponseRecord>("/responses", input);
}

export function useCreateResponse() {
  return useMutation(createResponse);
}
