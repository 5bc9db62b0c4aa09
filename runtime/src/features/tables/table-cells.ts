import type { ComputedTable, Figure } from "./types.ts";

export const MASKED = "masqué";
const numbers = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const percents = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

export type Display = "counts" | "ofAll" | "ofRow" | "ofColumn";

export const DISPLAY_LABELS: Record<Display, string> = {
  counts: "Effectifs",
  ofAll: "Effectifs et % du total",
  ofRow: "Effectifs et % de la ligne",
  ofColumn: "Effectifs et % de la colonne",
};

function show(value: Figure | undefined): string {
  return value === null || value === undefined ? MASKED : numbers.format(value);
}

function withPercent(value: Figure | undefined, percent: Figure | undefined): string {
  if (value === null || value === undefined) return MASKED;
  return percent === null || percent === undefined
    ? show(value)
    : `${show(value)} (${percents.format(percent)} %)`;
}

function ratio(part: Figure | undefined, whole: Figure | undefined): Figure {
  if (part === null || part === undefined || whole === null || whole === undefined || whole === 0)
    return null;
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * The table as the grid shows it: one line per row plus a "Total" line, one
 * column per column plus a "Total" column; a suppressed (null) cell reads "masqué".
 */
export function toGridCells(table: ComputedTable, display: Display = "counts") {
  const p = display === "counts" ? null : table.percentages;
  const cell = (r: number, c: number) => {
    const value = table.cells[r]?.[c];
    if (!p) return show(value);
    return withPercent(
      value,
      display === "ofAll"
        ? p.ofAll[r]?.[c]
        : display === "ofRow"
          ? p.ofRow[r]?.[c]
          : p.ofColumn[r]?.[c],
    );
  };
  // A total line or column reads as a share of the grand total where that is what
  // the view compares.
  const rowTotal = (r: number) =>
    p && display !== "ofRow"
      ? withPercent(table.totals.rows[r], ratio(table.totals.rows[r], table.totals.all))
      : show(table.totals.rows[r]);
  const columnTotal = (c: number) =>
    p && display !== "ofColumn"
      ? withPercent(table.totals.columns[c], ratio(table.totals.columns[c], table.totals.all))
      : show(table.totals.columns[c]);
  // An axis without dimensions is a single "Total" entry already: no second total for it.
  const totalColumn = table.columnDimensions.length > 0;
  const totalRow = table.rowDimensions.length > 0;
  const body = table.rows.map((_, r) => [
    ...table.columns.map((_, c) => cell(r, c)),
    ...(totalColumn ? [rowTotal(r)] : []),
  ]);
  const totalLine = [
    ...table.columns.map((_, c) => columnTotal(c)),
    ...(totalColumn ? [show(table.totals.all)] : []),
  ];
  return {
    rowHeaders: [...table.rows.map((row) => row.label), ...(totalRow ? ["Total"] : [])],
    columnHeaders: [
      ...table.columns.map((column) => column.label),
      ...(totalColumn ? ["Total"] : []),
    ],
    cells: totalRow ? [...body, totalLine] : body,
    totalRow: totalRow ? table.rows.length : undefined,
    totalColumn: totalColumn ? table.columns.length : undefined,
  };
}
