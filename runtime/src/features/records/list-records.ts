import { apiGet, query } from "../../shared/api.ts";
import type { ResponseRecord } from "../../shared/types.ts";
import { useApi } from "../../shared/use-api.ts";

export const PAGE_SIZE = 50;

export type RecordsPage = { records: ResponseRecord[]; hasMore: boolean };

/** One page of records, newest first; one more is asked to know whether another page follows. */
export async function listRecords(grid: string, page: number): Promise<RecordsPage> {
  const records = await apiGet<ResponseRecord[]>(
    `/responses${query({ grid, limit: String(PAGE_SIZE + 1), offset: String(page * PAGE_SIZE) })}`,
  );
  return { records: records.slice(0, PAGE_SIZE), hasMore: records.length > PAGE_SIZE };
}

export function useRecords(grid: string, page: number) {
  return useApi(`records:${grid}:${page}`, () => listRecords(grid, page));
}
