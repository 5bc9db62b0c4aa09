import { describe, expect, it } from "vitest";
import { cellsAddUp } from "../../runtime/src/features/tables/BarChart.tsx";
import type { ComputedTable } from "../../runtime/src/features/tables/types.ts";

// The bar chart stacks a row's cells only when they add up to its total.

function table(cells: (number | null)[][], rowTotals: (number | null)[]): ComputedTable {
  return {
    cells,
    totals: { rows: rowTotals, columns: [], all: null },
    rows: cells.map(() => ({})),
  } as unknown as ComputedTable;
}

describe("stacking a row's cells in its bar", () => {
  it("is done when the cells add up to the row's total", () => {
    expect(
      cellsAddUp(
        table(
          [
            [2, 3],
            [1, 0],
          ],
          [5, 1],
        ),
      ),
    ).toBe(true);
  });

  it("is not done when a young person counts in several columns (domains)", () => {
    expect(cellsAddUp(table([[2, 3]], [4]))).toBe(false);
  });

  it("is not done when a cell or a row's total is masked", () => {
    expect(cellsAddUp(table([[null, 10]], [15]))).toBe(false);
    expect(cellsAddUp(table([[5, 10]], [null]))).toBe(false);
  });
});
