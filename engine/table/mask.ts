// Small-cell masking for federation-scope tables, so nobody can be singled out.
//
// Primary: a figure under the threshold, but not zero, is hidden (cells and
// margins alike). Secondary: a table is a set of equations — each row's cells
// add up to its total, each column's to its total, and the margins to the
// grand total. A line (row or column, margin included) holding exactly one
// hidden figure gives it away by subtraction, so another figure of that line
// is hidden too, chosen to hide as little as possible: first a figure whose
// other line also holds a single hidden figure (one mask settles both), then
// the smallest non-zero cell, else the line's total, else a zero cell. This
// repeats until no line holds exactly one hidden figure. It is a heuristic
// (optimal suppression is NP-hard), conservative rather than minimal.
// TODO(masking across tables): two published tables sharing a margin can still
// be combined to recover a masked figure; that needs an audit of a whole pack.

export type MaskInput = {
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  all: number;
};

export type MaskResult = {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  all: boolean;
};

type Entry = {
  get: () => number;
  isMasked: () => boolean;
  mask: () => void;
  margin: boolean;
  lines: Entry[][];
};

export function isSmall(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

export function maskTable(input: MaskInput, threshold: number): MaskResult {
  const result: MaskResult = {
    cells: input.cells.map((row) => row.map((v) => isSmall(v, threshold))),
    rowTotals: input.rowTotals.map((v) => isSmall(v, threshold)),
    columnTotals: input.columnTotals.map((v) => isSmall(v, threshold)),
    all: isSmall(input.all, threshold),
  };

  const cell = (r: number, c: number): Entry => ({
    get: () => input.cells[r]![c]!,
    isMasked: () => result.cells[r]![c]!,
    mask: () => (result.cells[r]![c] = true),
    margin: false,
    lines: [],
  });
  const rowTotal = (r: number): Entry => ({
    get: () => input.rowTotals[r]!,
    isMasked: () => result.rowTotals[r]!,
    mask: () => (result.rowTotals[r] = true),
    margin: true,
    lines: [],
  });
  const columnTotal = (c: number): Entry => ({
    get: () => input.columnTotals[c]!,
    isMasked: () => result.columnTotals[c]!,
    mask: () => (result.columnTotals[c] = true),
    margin: true,
    lines: [],
  });
  const all: Entry = {
    get: () => input.all,
    isMasked: () => result.all,
    mask: () => (result.all = true),
    margin: true,
    lines: [],
  };

  const rowCount = input.cells.length;
  const columnCount = input.columnTotals.length;
  const cells = input.cells.map((row, r) => row.map((_, c) => cell(r, c)));
  const rowTotals = input.rowTotals.map((_, r) => rowTotal(r));
  const columnTotals = input.columnTotals.map((_, c) => columnTotal(c));
  const lines: Entry[][] = [];
  for (let r = 0; r < rowCount; r++) lines.push([...cells[r]!, rowTotals[r]!]);
  for (let c = 0; c < columnCount; c++)
    lines.push([...cells.map((row) => row[c]!), columnTotals[c]!]);
  lines.push([...rowTotals, all]);
  lines.push([...columnTotals, all]);
  for (const line of lines) for (const entry of line) entry.lines.push(line);

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.filter((e) => e.isMasked()).length !== 1) continue;
      const partner = pickPartner(
        line,
        line.filter((e) => !e.isMasked()),
      );
      if (partner) {
        partner.mask();
        changed = true;
      }
    }
  }
  return result;
}

const maskedIn = (line: Entry[]) => line.filter((e) => e.isMasked()).length;

function pickPartner(line: Entry[], open: Entry[]): Entry | undefined {
  const settles = (e: Entry) =>
    e.lines.filter((other) => other !== line && maskedIn(other) === 1).length;
  const best = Math.max(0, ...open.filter((e) => e.get() > 0).map(settles));
  const smallest = (entries: Entry[]) =>
    entries.reduce<Entry | undefined>(
      (found, e) => (!found || e.get() < found.get() ? e : found),
      undefined,
    );
  if (best > 0) {
    const settling = open.filter((e) => e.get() > 0 && settles(e) === best);
    return smallest(settling.filter((e) => !e.margin)) ?? smallest(settling);
  }
  return (
    smallest(open.filter((e) => !e.margin && e.get() > 0)) ??
    smallest(open.filter((e) => e.margin && e.get() > 0)) ??
    open.find((e) => !e.margin)
  );
}

/**
 * Rounds a shown federation count to the nearest multiple of `base`, after masking.
 * Without it, two neighbouring tables (a filter value or a few days apart) would
 * give a masked cell away by difference: 39 boys with four categories, 38 with
 * three. Rounded, both read 40. Zero stays zero; a base of 1 or less keeps the
 * exact figure.
 */
export function roundCount(value: number, base: number): number {
  if (base <= 1 || value === 0) return value;
  return Math.round(value / base) * base;
}

/** The federation note, in the words public statistics use. */
export function federationNote(threshold: number, rounding: number, counts = true): string {
  if (!counts)
    return `Tableau fédération : cases calculées sur moins de ${threshold} valeurs masquées.`;
  return rounding > 1
    ? `Tableau fédération : effectifs inférieurs à ${threshold} masqués, autres effectifs arrondis à ${rounding} près.`
    : `Tableau fédération : effectifs inférieurs à ${threshold} masqués.`;
}
