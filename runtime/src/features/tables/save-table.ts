import { apiPost } from "../../shared/api.ts";
import type { TableDefinition } from "./types.ts";

export function saveTable(definition: TableDefinition): Promise<TableDefinition> {
  return apiPost<TableDefinition>("/tables", definition);
}
