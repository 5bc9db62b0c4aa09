import { apiPut } from "../../shared/api.ts";
import type { ResponseRecord } from "../../shared/types.ts";
import { useMutation } from "../../shared/use-mutation.ts";

/** Sends the revision the edit started from: the server answers 409 stale_revision if it moved. */
export function updateRecord(
  id: string,
  revision: number,
  data: Record<string, unknown>,
): Promise<ResponseRecord> {
  return apiPut<ResponseRecord>(`/responses/${encodeURIComponent(id)}`, { revision, data });
}

export function useUpdateRecord() {
  return useMutation(updateRecord);
}
