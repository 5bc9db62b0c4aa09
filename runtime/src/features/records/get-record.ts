import { apiGet } from "../../shared/api.ts";
import type { ResponseRecord } from "../../shared/types.ts";
import { useApi } from "../../shared/use-api.ts";

export function getRecord(id: string): Promise<ResponseRecord> {
  return apiGet<ResponseRecord>(`/responses/${encodeURIComponent(id)}`);
}

export function useRecord(id: string | undefined) {
  return useApi(id ? `record:${id}` : null, () => getRecord(id ?? ""));
}
