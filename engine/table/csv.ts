import type { Header } from "./axis.ts";

// CSV for spreadsheets: UTF-8 with a BOM so Excel reads the accents, and any
// cell that a spreadsheet would run as a formula is neutralised.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[";\n\r,]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

type Cell = number | null;
type TableLike = {
  rows: Header[];
  columns: Header[];
  cells: Cell[][];
  totals: { rows: Cell[]; columns: Cell[]; all: Cell };
};

/** A computed table as CSV; a masked (null) count is written "masqué". */
export function tableToCsv(table: TableLike, separator: "," | ";" = ";"): string {
  const shown = (v: Cell | undefined) => (v === null || v === undefined ? "masqué" : v);
  const lines: (string | number | null)[][] = [
    ["", ...table.columns.map((c) => c.label), "Total"],
    ...table.rows.map((row, r) => [row.label, ...table.cells[r]!.map(shown), shown(table.totals.rows[r])]),
    ["Total", ...table.totals.columns.map(shown), shown(table.totals.all)],
  ];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(separator)).join("\r\n")}\r\n`;
}
