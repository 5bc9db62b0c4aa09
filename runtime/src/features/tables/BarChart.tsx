import type { ComputedTable } from "./types.ts";

// A horizontal bar per row of the table, split by column when there are few
// columns; drawn in SVG, no chart library. Masked figures are left out and said so.

const COLOURS = [
  "#1f5f8b",
  "#e07b39",
  "#3a8f5c",
  "#8c4f9f",
  "#c23b4a",
  "#5b7083",
  "#b8912f",
  "#2a9d9b",
];
const MAX_SEGMENTS = COLOURS.length;
const numbers = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Whether each row's cells add up to its total, so that they can be stacked
 * into its bar. They do not when a young person counts in several columns
 * (several domains, several months), when a cell is masked, or when federation
 * figures are rounded: the bar then shows the row's total alone.
 */
export function cellsAddUp(table: ComputedTable): boolean {
  return table.rows.every((_, r) => {
    const total = table.totals.rows[r];
    const cells = table.cells[r] ?? [];
    if (total === null || total === undefined || cells.includes(null)) return false;
    return cells.reduce<number>((sum, v) => sum + (v ?? 0), 0) === total;
  });
}

export function BarChart({ table }: { table: ComputedTable }) {
  const split =
    table.columns.length > 1 &&
    table.columns.length <= MAX_SEGMENTS &&
    table.percentages !== null &&
    cellsAddUp(table);
  const bars = table.rows.map((row, r) => {
    const total = table.totals.rows[r] ?? null;
    const segments = split ? table.columns.map((_, c) => table.cells[r]?.[c] ?? 0) : [total ?? 0];
    return {
      label: row.label,
      segments,
      // The row's own total: what the table says, masked or not.
      total,
      masked: total === null || table.masked[r]?.some(Boolean),
    };
  });
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((a, v) => a + v, 0)));
  const labelWidth = 200;
  const barArea = 240;
  const lineHeight = 30;
  const height = bars.length * lineHeight + 8;

  return (
    <figure className="bar-chart">
      <svg
        viewBox={`0 0 ${labelWidth + barArea + 70} ${height}`}
        role="img"
        aria-label={`Graphique en barres : ${table.title}`}
      >
        {bars.map((bar, i) => {
          let x = labelWidth;
          const y = 4 + i * lineHeight;
          return (
            <g key={i}>
              <text x={labelWidth - 6} y={y + 18} textAnchor="end" fontSize="14" fill="#1d2433">
                <title>{bar.label}</title>
                {shorten(bar.label, 22)}
              </text>
              {bar.segments.map((value, s) => {
                const width = (value / max) * barArea;
                const rect = (
                  <rect
                    key={s}
                    x={x}
                    y={y + 3}
                    width={width}
                    height={lineHeight - 8}
                    fill={COLOURS[s % COLOURS.length]}
                  >
                    <title>{`${bar.label}${split ? ` · ${table.columns[s]!.label}` : ""} : ${numbers.format(value)}`}</title>
                  </rect>
                );
                x += width;
                return rect;
              })}
              <text x={x + 4} y={y + 18} fontSize="14" fill="#5a6477">
                {bar.total === null ? "masqué" : numbers.format(bar.total)}
                {bar.total !== null && bar.masked ? " *" : ""}
              </text>
            </g>
          );
        })}
      </svg>
      {split && (
        <figcaption>
          <ul className="legend">
            {table.columns.map((column, c) => (
              <li key={c}>
                <span
                  className="swatch"
                  style={{ background: COLOURS[c % COLOURS.length] }}
                  aria-hidden="true"
                />
                {column.label}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
      {bars.some((b) => b.masked) && (
        <p className="hint">
          « masqué » ou * : tout ou partie de la barre est masqué (petits effectifs).
        </p>
      )}
    </figure>
  );
}
