// What the tables API returns (engine/store/tables.ts, engine/table/options.ts).

export type TableSummary = {
  code: string;
  title: string;
  description: string | null;
  grid: string;
  /** "transition": young people's paths, situation at entry × latest situation. */
  kind: "indicator" | "transition";
  source: "shipped" | "app";
  organisation: string | null;
};

export type AxisEntry = { keys: string[]; labels: string[]; label: string };
export type Figure = number | null;

export type ComputedTable = {
  code: string;
  title: string;
  description?: string;
  grid: string;
  measure: string;
  scope: "branch" | "organisation" | "federation";
  period: { from?: string; to?: string };
  rowDimensions: string[];
  columnDimensions: string[];
  rows: AxisEntry[];
  columns: AxisEntry[];
  cells: Figure[][];
  totals: { rows: Figure[]; columns: Figure[]; all: Figure };
  percentages: { ofRow: Figure[][]; ofColumn: Figure[][]; ofAll: Figure[][] } | null;
  masked: boolean[][];
  notes: string[];
};

/** A definition as the builder makes it; the server checks every code. */
export type Dimension = { kind: string; [key: string]: unknown };
export type Measure = { kind: string; question?: string };
export type Filter = { question: string; values: string[] };
export type TableDefinition = {
  code: string;
  title: string;
  /** A path table: situation at entry × latest situation, young people counted once. */
  kind?: "transition";
  grid: string;
  measure: Measure;
  rows: Dimension[];
  columns: Dimension[];
  filters?: Filter[];
  period?: { from?: string; to?: string };
};

export type TableOptions = {
  grid: { code: string; title: string; subject: string };
  /** `transition`: a path table's measure and dimensions, which go only together. */
  measures: { label: string; measure: Measure; transition?: boolean }[];
  dimensions: { group: string; label: string; dimension: Dimension; transition?: boolean }[];
  filters: { question: string; label: string; choices: { value: string; label: string }[] }[];
};
