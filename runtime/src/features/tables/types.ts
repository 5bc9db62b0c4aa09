export type TableSummary = { code: string; title: string };

export type ComputedTable = {
  code: string;
  title: string;
  grid: string;
  measure: unknown;
  scope: unknown;
  rows: { key: string; label: string }[];
  columns: { key: string; label: string }[];
  cells: (number | null)[][];
  totals: { rows: (number | null)[]; columns: (number | null)[]; all: number | null };
  masked: boolean[][];
};
