// Small-cell masking for federation-scope tables: a count under the
// threshold (but not zero) is hidden, so nobody can be singled out.
// TODO(issue 6): secondary masking so totals cannot give a masked cell away.

export function maskSmallCells(
  cells: number[][],
  threshold: number,
): { cells: (number | null)[][]; masked: boolean[][] } {
  const masked = cells.map((row) => row.map((value) => value > 0 && value < threshold));
  return {
    cells: cells.map((row, r) => row.map((value, c) => (masked[r]![c] ? null : value))),
    masked,
  };
}
