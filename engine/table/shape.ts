import { NOT_ANSWERED, NOT_ASKED, type ResolvedDimension } from "./axis.ts";
import type { CompiledTable, ResultLine } from "./compile.ts";
import { federationNote, maskTable, roundCount } from "./mask.ts";

// Turns the compiled query's result lines into the table the API returns:
// ordered row and column entries with their labels, cells, totals,
// percentages, and — at federation scope — masked small cells and counts
// rounded (sums and means are masked on the records that gave them a value).

export type AxisEntry = { keys: string[]; labels: string[]; label: string };

export type Figure = number | null;

export type TableResult = {
  /** Titles of the row dimensions, then of the column dimensions. */
  rowDimensions: string[];
  columnDimensions: string[];
  rows: AxisEntry[];
  columns: AxisEntry[];
  /** A masked figure is null. */
  cells: Figure[][];
  totals: { rows: Figure[]; columns: Figure[]; all: Figure };
  /** Percent, one decimal: of the row total, the column total, the grand total. Null for a mean. */
  percentages: { ofRow: Figure[][]; ofColumn: Figure[][]; ofAll: Figure[][] } | null;
  masked: boolean[][];
  notes: string[];
};

const TOTAL_ENTRY: AxisEntry = { keys: [], labels: [], label: "Total" };

/** Rank of a key on its dimension: known headers, keys met in the data, then the special keys. */
function ranker(dim: ResolvedDimension, seen: string[]): (key: string) => number {
  const special = new Set([NOT_ANSWERED, NOT_ASKED]);
  const known = new Map(dim.headers.map((h, i) => [h.key, special.has(h.key) ? 2_000_000 + i : i]));
  const extra = seen.filter((key) => !known.has(key));
  const label = (key: string) => dim.labelOf(key);
  extra.sort((a, b) =>
    dim.sortByKey ? a.localeCompare(b) : label(a).localeCompare(label(b), "fr"),
  );
  extra.forEach((key, i) => known.set(key, 1_000_000 + i));
  return (key) => known.get(key) ?? 3_000_000;
}

function labelFor(dim: ResolvedDimension, key: string): string {
  return dim.headers.find((h) => h.key === key)?.label ?? dim.labelOf(key);
}

/** The key tuples met in the data on one axis. */
function keysMet(
  dims: ResolvedDimension[],
  offset: number,
  lines: ResultLine[],
  grouped: (l: ResultLine) => boolean,
): string[][] {
  return lines.filter(grouped).map((line) => dims.map((_, i) => String(line[`k${offset + i}`])));
}

function buildAxis(dims: ResolvedDimension[], met: string[][]): AxisEntry[] {
  if (dims.length === 0) return [TOTAL_ENTRY];
  const tuples = new Map<string, string[]>();
  for (const keys of met) tuples.set(keys.join("\u0000"), keys);
  if (dims.length === 1) {
    // One dimension: every regular header shows, even at zero; optional ones only when met.
    for (const header of dims[0]!.headers) {
      if (!dims[0]!.optional.has(header.key)) tuples.set(header.key, [header.key]);
    }
  }
  const ranks = dims.map((dim, i) =>
    ranker(
      dim,
      [...tuples.values()].map((keys) => keys[i]!),
    ),
  );
  const entries = [...tuples.values()].sort((a, b) => {
    for (let i = 0; i < dims.length; i++) {
      const d = ranks[i]!(a[i]!) - ranks[i]!(b[i]!);
      if (d !== 0) return d;
    }
    return 0;
  });
  return entries.map((keys) => {
    const labels = keys.map((key, i) => labelFor(dims[i]!, key));
    return { keys, labels, label: labels.join(" · ") };
  });
}

function percent(part: Figure, whole: Figure): Figure {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export function shapeTable(
  compiled: CompiledTable,
  lines: ResultLine[],
  masking: { threshold: number; rounding: number } | null,
): TableResult {
  const rowCount = compiled.rows.length;
  const rowKeys = keysMet(compiled.rows, 0, lines, (l) => !l.gr);
  const columnKeys = keysMet(compiled.columns, rowCount, lines, (l) => !l.gc);
  // Same keys on both axes (a situation at entry × latest): each shows the keys met on
  // either, so the diagonal (no change) lines up.
  const rows = buildAxis(compiled.rows, compiled.alignAxes ? [...rowKeys, ...columnKeys] : rowKeys);
  const columns = buildAxis(
    compiled.columns,
    compiled.alignAxes ? [...columnKeys, ...rowKeys] : columnKeys,
  );
  const rowIndex = new Map(rows.map((e, i) => [e.keys.join("\u0000"), i]));
  const columnIndex = new Map(columns.map((e, i) => [e.keys.join("\u0000"), i]));

  // A mean over no value is no figure at all; a count or a sum over nothing is zero.
  const empty: Figure = compiled.additive ? 0 : null;
  const values: Figure[][] = rows.map(() => columns.map(() => empty));
  const counts = rows.map(() => columns.map(() => 0));
  const rowTotals = { value: rows.map((): Figure => empty), n: rows.map(() => 0) };
  const columnTotals = { value: columns.map((): Figure => empty), n: columns.map(() => 0) };
  const all: { value: Figure; n: number } = { value: empty, n: 0 };

  for (const line of lines) {
    const value = line.value ?? empty;
    const rowKey = compiled.rows.map((_, i) => String(line[`k${i}`])).join("\u0000");
    const columnKey = compiled.columns
      .map((_, i) => String(line[`k${rowCount + i}`]))
      .join("\u0000");
    // An axis without dimensions has one entry that is also its total.
    const rTargets: (number | "total")[] = line.gr
      ? ["total"]
      : rowCount === 0
        ? [0, "total"]
        : [rowIndex.get(rowKey)!];
    const cTargets: (number | "total")[] = line.gc
      ? ["total"]
      : compiled.columns.length === 0
        ? [0, "total"]
        : [columnIndex.get(columnKey)!];
    for (const r of rTargets) {
      for (const c of cTargets) {
        if (r === "total" && c === "total") {
          all.value = value;
          all.n = line.n;
        } else if (r === "total") {
          columnTotals.value[c as number] = value;
          columnTotals.n[c as number] = line.n;
        } else if (c === "total") {
          rowTotals.value[r] = value;
          rowTotals.n[r] = line.n;
        } else if (r !== undefined && c !== undefined) {
          values[r]![c] = value;
          counts[r]![c] = line.n;
        }
      }
    }
  }

  let cells: Figure[][] = values;
  let totals: TableResult["totals"] = {
    rows: rowTotals.value,
    columns: columnTotals.value,
    all: all.value,
  };
  let masked = rows.map(() => columns.map(() => false));
  const byValue = compiled.maskOn === "value";
  if (masking) {
    // Counts are masked on themselves; sums and means on how many records gave them a value.
    const num = (v: Figure) => v ?? 0;
    const mask = maskTable(
      {
        cells: byValue ? values.map((row) => row.map(num)) : counts,
        rowTotals: byValue ? rowTotals.value.map(num) : rowTotals.n,
        columnTotals: byValue ? columnTotals.value.map(num) : columnTotals.n,
        all: byValue ? num(all.value) : all.n,
      },
      masking.threshold,
    );
    // Then every count shown is rounded, so that two neighbouring tables cannot be subtracted.
    const shown = (hidden: boolean, v: Figure): Figure =>
      hidden || v === null ? null : byValue ? roundCount(v, masking.rounding) : v;
    masked = mask.cells;
    cells = values.map((row, r) => row.map((v, c) => shown(mask.cells[r]![c]!, v)));
    totals = {
      rows: rowTotals.value.map((v, r) => shown(mask.rowTotals[r]!, v)),
      columns: columnTotals.value.map((v, c) => shown(mask.columnTotals[c]!, v)),
      all: shown(mask.all, all.value),
    };
  }

  const percentages = compiled.additive
    ? {
        ofRow: cells.map((row, r) => row.map((v) => percent(v, totals.rows[r]!))),
        ofColumn: cells.map((row) => row.map((v, c) => percent(v, totals.columns[c]!))),
        ofAll: cells.map((row) => row.map((v) => percent(v, totals.all))),
      }
    : null;
  const notes = [...compiled.notes];
  if (masking) notes.push(federationNote(masking.threshold, masking.rounding, byValue));
  if (masking && masked.some((row) => row.includes(true))) {
    notes.push(
      `Les effectifs inférieurs à ${masking.threshold} sont masqués, ainsi que les cases qui permettraient de les retrouver par différence.`,
    );
  }
  return {
    rowDimensions: compiled.rows.map((d) => d.title),
    columnDimensions: compiled.columns.map((d) => d.title),
    rows,
    columns,
    cells,
    totals,
    percentages,
    masked,
    notes,
  };
}
