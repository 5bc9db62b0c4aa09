import type { TablePeriod } from "./get-table.ts";
import type { Axis } from "./AxisFields.tsx";
import type { Filter, TableDefinition, TableOptions } from "./types.ts";

// The definition the builder's choices make, as the server reads it.

/** A table code from its title: « Jeunes par âge » → jeunes_par_age. */
export function codeFromTitle(title: string): string {
  const code = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
  return /^[a-z]/.test(code) ? code : `tableau_${code}`;
}

/** Dimensions per axis: three, two in a path table. */
export function maxPerAxis(options: TableOptions, measureIndex: number): number {
  return options.measures[measureIndex]?.transition ? 2 : 3;
}

/**
 * A breakdown's rows or columns go only with the sum of that breakdown; a path
 * table's situations only with the path measure.
 */
export function dimensionFits(
  options: TableOptions,
  measureIndex: number,
  dimensionIndex: number,
): boolean {
  const measure = options.measures[measureIndex]?.measure;
  const option = options.dimensions[dimensionIndex];
  const d = option?.dimension;
  if (!d) return false;
  if (!!option.transition !== !!options.measures[measureIndex]?.transition) return false;
  return (
    !d.kind.startsWith("breakdown_") ||
    (measure?.kind === "breakdown_sum" && measure.question === d.question)
  );
}

/** The definition the choices make; dimensions that no longer fit the measure are left out. */
export function buildDefinition(
  options: TableOptions,
  state: {
    measure: number;
    axes: Record<Axis, number[]>;
    filters: Filter[];
    period: TablePeriod;
    title: string;
  },
): TableDefinition {
  const measure = options.measures[state.measure]?.measure ?? { kind: "count" };
  const path = !!options.measures[state.measure]?.transition;
  const max = maxPerAxis(options, state.measure);
  const fits = (index: number) => dimensionFits(options, state.measure, index);
  const title = state.title.trim() || "Tableau sans titre";
  const period = {
    ...(state.period.from ? { from: state.period.from } : {}),
    ...(state.period.to ? { to: state.period.to } : {}),
  };
  return {
    code: codeFromTitle(title),
    title,
    ...(path ? { kind: "transition" as const } : {}),
    grid: options.grid.code,
    measure,
    rows: state.axes.rows
      .filter(fits)
      .slice(0, max)
      .map((i) => options.dimensions[i]!.dimension),
    columns: state.axes.columns
      .filter(fits)
      .slice(0, max)
      .map((i) => options.dimensions[i]!.dimension),
    // A path table follows each young person over all their records: no filter on answers.
    ...(!path && state.filters.some((f) => f.values.length > 0)
      ? { filters: state.filters.filter((f) => f.values.length > 0) }
      : {}),
    ...(Object.keys(period).length > 0 ? { period } : {}),
  };
}
