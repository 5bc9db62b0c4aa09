import { apiPost } from "../../shared/api.ts";
import type { ComputedTable, TableDefinition } from "./types.ts";

/** Computes a definition without saving it. */
export function previewTable(definition: TableDefinition): Promise<ComputedTable> {
  return apiPost<ComputedTable>("/tables/preview", definition);
}
