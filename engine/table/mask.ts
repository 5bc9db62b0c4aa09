// Small-cell masking for federation-scope tables, so nobody can be singled out.
//
// Primary: a figure under the threshold, but not zero, is hidden (cells and
// margins alike). Secondary: a table is a set of equations — each row's cells
// add up to its total, each column's to its total, and the margins to the
// grand total. A line (row or column, margin included) holding exactly one
// hidden figure gives it away by subtraction, so another figure of that line
// is hidden too: the smallest non-zero cell, else the line's total, else a
// zero cell. This repeats until no line holds exactly one hidden figure.

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

type Entry = { get: () => number; isMasked: () => boolean; mask: () => void; margin: boolean };

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
  });
  const rowTotal = (r: number): Entry => ({
    get: () => input.rowTotals[r]!,
    isMasked: () => result.rowTotals[r]!,
    mask: () => (result.rowTotals[r] = true),
    margin: true,
  });
  const columnTotal = (c: number): Entry => ({
    get: () => input.columnTotals[c]!,
    isMasked: () => result.columnTotals[c]!,
    mask: () => (result.columnTotals[c] = true),
    margin: true,
  });
  const all: Entry = {
    get: () => input.all,
    isMasked: () => result.all,
    mask: () => (result.all = true),
    margin: true,
  };

  const lines: Entry[][] = [];
  const rowCount = input.cells.length;
  const columnCount = input.columnTotals.length;
  for (let r = 0; r < rowCount; r++) {
    lines.push([...Array.from({ length: columnCount }, (_, c) => cell(r, c)), rowTotal(r)]);
  }
  for (let c = 0; c < columnCount; c++) {
    lines.push([...Array.from({ length: rowCount }, (_, r) => cell(r, c)), columnTotal(c)]);
  }
  lines.push([...input.rowTotals.map((_, r) => rowTotal(r)), all]);
  lines.push([...input.columnTotals.map((_, c) => columnTotal(c)), all]);

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.filter((e) => e.isMasked()).length !== 1) continue;
      const partner = pickPartner(line.filter((e) => !e.isMasked()));
      if (partner) {
        partner.mask();
        changed = true;
      }
    }
  }
  return result;
}

function pickPartner(open: Entry[]): Entry | undefined {
  const smallest = (entries: Entry[]) =>
    entries.reduce<Entry | undefined>((best, e) => (!best || e.get() < best.get() ? e : best), undefined);
  return (
    smallest(open.filter((e) => !e.margin && e.get() > 0)) ??
    smallest(open.filter((e) => e.margin && e.get() > 0)) ??
    open.find((e) => !e.margin)
  );
}
