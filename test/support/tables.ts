import type { ApiClient } from "./client.ts";

// Reading computed tables in tests by keys, as a person reads them by labels.

type Entry = { keys: string[]; label: string };
export type Table = {
  rows: Entry[];
  columns: Entry[];
  cells: (number | null)[][];
  totals: { rows: (number | null)[]; columns: (number | null)[]; all: number | null };
  masked: boolean[][];
  [key: string]: unknown;
};

const same = (entry: Entry, keys: string | string[]) =>
  entry.keys.join("|") === (Array.isArray(keys) ? keys : [keys]).join("|");

export function rowIndex(table: Table, keys: string | string[]): number {
  const index = table.rows.findIndex((e) => same(e, keys));
  if (index < 0)
    throw new Error(`no row ${keys} in ${table.rows.map((r) => r.keys.join("|")).join(", ")}`);
  return index;
}

export function columnIndex(table: Table, keys: string | string[]): number {
  const index = table.columns.findIndex((e) => same(e, keys));
  if (index < 0)
    throw new Error(
      `no column ${keys} in ${table.columns.map((c) => c.keys.join("|")).join(", ")}`,
    );
  return index;
}

/** The cell at a row and a column given by their keys; [] for the single "Total" entry. */
export function cell(
  table: Table,
  row: string | string[],
  column: string | string[] = [],
): number | null {
  return table.cells[rowIndex(table, row)]![columnIndex(table, column)]!;
}

/** Row keys → figure in the first column, for a one-column table. */
export function column(table: Table): Record<string, number | null> {
  return Object.fromEntries(table.rows.map((r, i) => [r.keys.join("|"), table.cells[i]![0]!]));
}

/** Computes a definition without saving it (code, title and columns filled in when left out). */
export async function previewTable(
  client: ApiClient,
  definition: Record<string, unknown>,
  query = "",
): Promise<Table> {
  const base = { code: "essai", title: "Essai", columns: [] as unknown[] };
  const result = await client.post(`/api/tables/preview${query}`, { ...base, ...definition });
  if (result.status !== 200) throw new Error(`preview failed: ${result.text}`);
  return result.body;
}
