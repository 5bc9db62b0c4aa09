import { apiGet, query } from "../../shared/api.ts";
import type { ResponseRecord } from "../../shared/types.ts";
import { useApi } from "../../shared/use-api.ts";

export function listRecords(grid: string): Promise<ResponseRecord[]> {
  return apiGet<ResponseRecord[]>(`/responses${query({ grid })}`);
}

export function useRecords(grid: string) {
  return useApi(`records:${grid}`, () => listRecords(grid));
}
