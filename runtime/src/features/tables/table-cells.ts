import type { ComputedTable } from "./types.ts";

export const MASKED = "masqué";
const numbers = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

function show(value: number | null | undefined): string {
  return value === null || value === undefined ? MASKED : numbers.format(value);
}

/**
 * The table as the grid shows it: one line per row plus a "Total" line, one
 * column per column plus a "Total" column; a suppressed (null) cell reads "masqué".
 */
export function toGridCells(table: ComputedTable) {
  const body = table.rows.map((_, r) => [
    ...table.columns.map((_, c) => show(table.cells[r]?.[c])),
    show(table.totals.rows[r]),
  ]);
  const totalLine = [...table.columns.map((_, c) => show(table.totals.columns[c])), show(table.totals.all)];
  return {
    rowHeaders: [...table.rows.map((row) => row.label), "Total"],
    columnHeaders: [...table.columns.map((column) => column.label), "Total"],
    cells: [...body, totalLine],
    totalRow: table.rows.length,
    totalColumn: table.columns.length,
  };
}

export function hasMaskedCells(table: ComputedTable): boolean {
  return table.masked.some((row) => row.some(Boolean)) || table.cells.some((row) => row.includes(null));
}
