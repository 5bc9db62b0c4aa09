import { apiGet } from "../../shared/api.ts";
import { useApi } from "../../shared/use-api.ts";
import type { ComputedTable } from "./types.ts";

export function getTable(code: string): Promise<ComputedTable> {
  return apiGet<ComputedTable>(`/tables/${encodeURIComponent(code)}`);
}

export function useTable(code: string | undefined) {
  return useApi(code ? `table:${code}` : null, () => getTable(code ?? ""));
}
