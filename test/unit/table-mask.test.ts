import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { maskTable, roundCount, type MaskInput } from "../../engine/table/mask.ts";

function table(cells: number[][]): MaskInput {
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = cells[0]!.map((_, c) => cells.reduce((a, row) => a + row[c]!, 0));
  return { cells, rowTotals, columnTotals, all: rowTotals.reduce((a, b) => a + b, 0) };
}

/** Lines (rows and columns with their margins) that hold exactly one masked figure. */
function linesWithOneMask(input: MaskInput, threshold: number): number {
  const m = maskTable(input, threshold);
  const lines: boolean[][] = [
    ...m.cells.map((row, r) => [...row, m.rowTotals[r]!]),
    ...m.columnTotals.map((total, c) => [...m.cells.map((row) => row[c]!), total]),
    [...m.rowTotals, m.all],
    [...m.columnTotals, m.all],
  ];
  return lines.filter((line) => line.filter(Boolean).length === 1).length;
}

describe("small-cell masking", () => {
  it("masks a count under the threshold but not a zero", () => {
    const m = maskTable(
      table([
        [3, 0, 20],
        [10, 12, 30],
      ]),
      5,
    );
    expect(m.cells[0]![0]).toBe(true);
    expect(m.cells[0]![1]).toBe(false);
  });

  it("masks a second cell of the row and of the column so no total gives the small one away", () => {
    const m = maskTable(
      table([
        [3, 8, 20],
        [10, 12, 30],
        [9, 15, 40],
      ]),
      5,
    );
    expect(m.cells).toEqual([
      [true, true, false],
      [false, false, false],
      [true, true, false],
    ]);
    expect(m.rowTotals).toEqual([false, false, false]);
  });

  it("masks the total of a one-column row, which equals its cell", () => {
    const m = maskTable(
      { cells: [[2], [30], [40]], rowTotals: [2, 30, 40], columnTotals: [72], all: 72 },
      5,
    );
    expect(m.cells[0]![0]).toBe(true);
    expect(m.rowTotals[0]).toBe(true);
    expect(m.rowTotals.filter(Boolean).length).toBeGreaterThanOrEqual(2);
  });

  it("masks a small margin too", () => {
    const m = maskTable(
      table([
        [1, 1, 0],
        [10, 12, 30],
      ]),
      5,
    );
    expect(m.rowTotals[0]).toBe(true);
  });

  it("leaves a table with no small figure as it is", () => {
    const m = maskTable(
      table([
        [6, 8],
        [10, 12],
      ]),
      5,
    );
    expect(m.cells.flat().some(Boolean)).toBe(false);
  });

  it("never leaves a row or column with exactly one masked figure (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((rows) =>
          fc.array(
            fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }).map((r) => r),
            {
              minLength: rows,
              maxLength: rows,
            },
          ),
        ),
        (raw) => {
          const width = Math.min(...raw.map((r) => r.length));
          const cells = raw.map((r) => r.slice(0, width));
          expect(linesWithOneMask(table(cells), 5)).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("roundCount", () => {
  it("rounds a shown count to the nearest multiple of the base, zero staying zero", () => {
    expect([0, 5, 7, 8, 12, 13, 38, 39, 43].map((v) => roundCount(v, 5))).toEqual([
      0, 5, 5, 10, 10, 15, 40, 40, 45,
    ]);
  });

  it("keeps the exact figure with a base of 1", () => {
    expect(roundCount(39, 1)).toBe(39);
  });
});
