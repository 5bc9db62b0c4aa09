import { apiGet, query } from "../../shared/api.ts";
import type { ResponseRecord } from "../../shared/types.ts";
import { useApi } from "../../shared/use-api.ts";

// TODO(pagination): the server returns at most 1000 records, newest first, and the
// page shows them all; add paging or a date filter before services reach that.
export function listRecords(grid: string): Promise<ResponseRecord[]> {
  return apiGet<ResponseRecord[]>(`/responses${query({ grid })}`);
}

export function useRecords(grid: string) {
  return useApi(`records:${grid}`, () => listRecords(grid));
}
