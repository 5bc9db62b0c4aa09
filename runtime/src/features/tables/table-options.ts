import { apiGet } from "../../shared/api.ts";
import { useApi } from "../../shared/use-api.ts";
import type { TableOptions } from "./types.ts";

export function getTableOptions(grid: string): Promise<TableOptions> {
  return apiGet<TableOptions>(`/tables/options?grid=${encodeURIComponent(grid)}`);
}

export function useTableOptions(grid: string) {
  return useApi(grid ? `table-options:${grid}` : null, () => getTableOptions(grid));
}
