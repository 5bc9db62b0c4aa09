import type { AxisEntry, Figure } from "./shape.ts";
import { periodAndScope, type Period } from "./period-text.ts";

// CSV for spreadsheets: UTF-8 with a BOM so Excel reads the accents, `;` by
// default (French spreadsheets read `,` as the decimal mark), and any cell a
// spreadsheet would run as a formula is neutralised with a leading quote.

const FORMULA_START = /^[=+\-@\t\r]/;
export const BOM = "\uFEFF";
const QUOTE_SEMICOLON = /["\n\r;]/;
const QUOTE_COMMA = /["\n\r,]/;

/** A text a spreadsheet will not run: `=SOMME(…)` becomes `'=SOMME(…)`. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(
  value: string | number | boolean | null | undefined,
  separator: string,
): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutralise(value) : String(value);
  const special = separator === ";" ? QUOTE_SEMICOLON : QUOTE_COMMA;
  return special.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(
  values: (string | number | boolean | null | undefined)[],
  separator: string,
): string {
  return `${values.map((v) => csvCell(v, separator)).join(separator)}\r\n`;
}

export type TableLike = {
  title: string;
  rowDimensions: string[];
  columnDimensions?: string[];
  rows: AxisEntry[];
  columns: AxisEntry[];
  cells: Figure[][];
  totals: { rows: Figure[]; columns: Figure[]; all: Figure };
  notes: string[];
  /** A computed table's period and scope, written under its title. */
  period?: Period;
  scope?: string;
};

/** The title, then the period and scope when known: a download says what it counts. */
export function headingLines(table: TableLike): string[][] {
  const lines = [[table.title]];
  if (table.period && table.scope)
    lines.push([periodAndScope({ period: table.period, scope: table.scope })]);
  return lines;
}

export const MASKED_LABEL = "masqué";

/** The table as lines of cells: header, one line per row entry, the totals line. */
export function tableGrid(table: TableLike): (string | number)[][] {
  const shown = (v: Figure | undefined) => (v === null || v === undefined ? MASKED_LABEL : v);
  const rowHeads = Math.max(1, table.rowDimensions.length);
  const pad = (labels: string[]) => [...labels, ...Array(rowHeads - labels.length).fill("")];
  // Without column dimensions the single column is the total already.
  const totalColumn = table.columnDimensions?.length !== 0;
  const total = (v: Figure | undefined) => (totalColumn ? [shown(v)] : []);
  return [
    [
      ...pad(table.rowDimensions),
      ...table.columns.map((c) => c.label),
      ...(totalColumn ? ["Total"] : []),
    ],
    ...table.rows.map((row, r) => [
      ...pad(row.labels.length ? row.labels : [row.label]),
      ...table.cells[r]!.map(shown),
      ...total(table.totals.rows[r]),
    ]),
    [...pad(["Total"]), ...table.totals.columns.map(shown), ...total(table.totals.all)],
  ];
}

/** A computed table as CSV; a masked figure is written « masqué »; notes follow the table. */
export function tableToCsv(table: TableLike, separator: "," | ";" = ";"): string {
  const lines = tableGrid(table).map((line) => csvLine(line, separator));
  const notes = table.notes.map((note) => csvLine([note], separator));
  const heading = headingLines(table).map((line) => csvLine(line, separator));
  return `${BOM}${heading.join("")}${lines.join("")}${notes.length ? `\r\n${notes.join("")}` : ""}`;
}
