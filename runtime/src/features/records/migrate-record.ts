import { apiGet, apiPost } from "../../shared/api.ts";
import type { ResponseRecord } from "../../shared/types.ts";
import type { GridChange } from "../../../../engine/grid/diff.ts";

/** What changed between the record's version and the newest one (no record counts for educators). */
export function getVersionChanges(
  grid: string,
  from: number,
  to: number,
): Promise<{ changes: GridChange[] }> {
  return apiGet(`/grids/${encodeURIComponent(grid)}/diff?from=${from}&to=${to}`);
}

/**
 * Moves the record to the grid's newest version; its answers (or the completed
 * ones given) are validated against it.
 */
export function migrateRecord(
  id: string,
  revision: number,
  data?: Record<string, unknown>,
): Promise<ResponseRecord> {
  return apiPost<ResponseRecord>(
    `/responses/${encodeURIComponent(id)}/migrate`,
    data ? { revision, data } : { revision },
  );
}
