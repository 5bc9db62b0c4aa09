import { apiGet } from "../../shared/api.ts";
import { useApi } from "../../shared/use-api.ts";
import type { TableSummary } from "./types.ts";

export function listTables(): Promise<TableSummary[]> {
  return apiGet<TableSummary[]>("/tables");
}

export function useTables() {
  return useApi("tables", listTables);
}
