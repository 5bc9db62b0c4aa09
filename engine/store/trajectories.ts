import type { Knex } from "knex";
import { hasRole, recordReadPrefixes, type Caller } from "../access/caller.ts";
import { inBranches } from "../access/organisations.ts";
import { ApiError, apiError } from "../http/errors.ts";
import type { Header } from "../table/axis.ts";
import type { PublishedVersion } from "../table/labels.ts";
import { federationNote, maskTable, roundCount } from "../table/mask.ts";
import {
  ACCOMPANIMENT_GRID,
  axisKeySql,
  checkTransitionShape,
  combineHeaders,
  DOMAINS_QUESTION,
  ENTRY_MOMENT,
  MOMENT_FIELD,
  resolveTransitionDimensions,
  situationColumnsSql,
  TransitionCodeError,
  type TransitionTableDefinition,
} from "../table/trajectory.ts";

// Transition tables computed in one SQL query: the situation records of each
// young person ranked by a window (entry, latest), one row per young person,
// crossed with the domains of their accompaniments, counted distinct.

export type TransitionTable = {
  code: string;
  title: string;
  kind: "transition";
  measure: "count_distinct";
  scope: "branch" | "federation";
  rows: Header[];
  columns: Header[];
  cells: (number | null)[][];
  totals: { rows: (number | null)[]; columns: (number | null)[]; all: number | null };
  masked: boolean[][];
  notes: string[];
};

export type Scope = { kind: "branch"; prefixes: string[] } | { kind: "federation" };

/**
 * Record readers see their branch; the COPIL and analysts see the whole
 * federation, with small cells masked.
 * NOTE: store/tables.ts (scopeOf) is the twin of this rule.
 */
export function scopeOf(caller: Caller): Scope {
  const prefixes = recordReadPrefixes(caller);
  if (prefixes.length > 0) return { kind: "branch", prefixes };
  if (hasRole(caller, "analyst", "copil")) return { kind: "federation" };
  throw apiError("forbidden");
}

async function publishedVersions(db: Knex, gridId: number): Promise<PublishedVersion[]> {
  return db("grid_versions")
    .where({ grid_id: gridId, status: "published" })
    .select("id", "number", "survey");
}

async function gridId(db: Knex, code: string, field: string): Promise<number> {
  const grid = await db("grids").where({ code }).first("id");
  if (!grid) {
    throw new ApiError("invalid_request", {
      errors: [{ field, message: `La grille « ${code} » n'existe pas.` }],
    });
  }
  return grid.id;
}

export async function computeTransitionTable(
  db: Knex,
  caller: Caller,
  def: TransitionTableDefinition,
  smallCellThreshold: number,
  /** Federation counts are rounded to a multiple of it, after masking. */
  rounding: number,
): Promise<TransitionTable> {
  const shapeErrors = checkTransitionShape(def);
  if (shapeErrors.length > 0) throw new ApiError("invalid_request", { errors: shapeErrors });
  const scope = scopeOf(caller);
  const situationGridId = await gridId(db, def.grid, "grid");
  const accompanimentGridId = await gridId(db, ACCOMPANIMENT_GRID, "grid");
  const situationVersions = await publishedVersions(db, situationGridId);
  const accompanimentVersions = await publishedVersions(db, accompanimentGridId);

  let rowDims, columnDims;
  try {
    rowDims = resolveTransitionDimensions(
      def.rows,
      "rows",
      situationVersions,
      accompanimentVersions,
    );
    columnDims = resolveTransitionDimensions(
      def.columns,
      "columns",
      situationVersions,
      accompanimentVersions,
    );
  } catch (error) {
    if (error instanceof TransitionCodeError) {
      throw new ApiError("invalid_request", {
        errors: [{ field: error.field, message: error.message }],
      });
    }
    throw error;
  }
  const all = [...rowDims, ...columnDims];

  // 1. Each young person's situation records, ranked for entry and for latest.
  const ranked = db("responses as r")
    .where("r.grid_id", situationGridId)
    .whereNotNull("r.subject_id")
    .select(
      "r.subject_id",
      "r.organisation_id",
      "r.grid_version_id",
      "r.data",
      db.raw(
        "row_number() over (partition by r.subject_id order by " +
          "case when r.data->>? = ? then 0 else 1 end, r.occurred_on, r.created_at, r.id) as entry_rank",
        [MOMENT_FIELD, ENTRY_MOMENT],
      ),
      db.raw(
        "row_number() over (partition by r.subject_id " +
          "order by r.occurred_on desc, r.created_at desc, r.id desc) as latest_rank",
      ),
    );
  if (scope.kind === "branch") ranked.andWhere(inBranches(db, "r.organisation_id", scope.prefixes));

  // 2. One row per young person with the situations asked for.
  const columns = situationColumnsSql(all);
  const perYouth = db
    .from(ranked.as("k"))
    .groupBy("k.subject_id")
    .select("k.subject_id", ...(columns.sql ? [db.raw(columns.sql, columns.bindings)] : []));

  // 3. Crossed with the domains of their accompaniments, when asked: a young
  // person counts once in each domain (multiple counting, made explicit).
  const keyed = db.from(perYouth.as("p"));
  if (all.some((d) => d.needsDomains)) {
    const domains = db("responses as a")
      .joinRaw(
        "cross join lateral jsonb_array_elements_text(case when jsonb_typeof(a.data->?) = 'array' " +
          "then a.data->? else '[]'::jsonb end) as d(value)",
        [DOMAINS_QUESTION, DOMAINS_QUESTION],
      )
      .where("a.grid_id", accompanimentGridId)
      .whereNotNull("a.subject_id")
      .distinct("a.subject_id", "d.value as domain");
    if (scope.kind === "branch")
      domains.andWhere(inBranches(db, "a.organisation_id", scope.prefixes));
    keyed.leftJoin(domains.as("dom"), "dom.subject_id", "p.subject_id");
  }
  keyed.select(
    "p.subject_id",
    db.raw(`${axisKeySql(rowDims)} as row_key`),
    db.raw(`${axisKeySql(columnDims)} as col_key`),
  );

  const result = await db
    .from(keyed.as("x"))
    .select(
      "row_key",
      "col_key",
      db.raw("count(distinct subject_id)::int as value"),
      db.raw("grouping(row_key) as total_row"),
      db.raw("grouping(col_key) as total_col"),
    )
    .groupByRaw("grouping sets ((row_key, col_key), (row_key), (col_key), ())");

  return shape(
    def,
    scope,
    combineHeaders(rowDims),
    combineHeaders(columnDims),
    result,
    smallCellThreshold,
    rounding,
  );
}

function shape(
  def: TransitionTableDefinition,
  scope: Scope,
  rowHeaders: Header[],
  columnHeaders: Header[],
  result: {
    row_key: string;
    col_key: string;
    value: number;
    total_row: number;
    total_col: number;
  }[],
  threshold: number,
  rounding: number,
): TransitionTable {
  const rowIndex = new Map(rowHeaders.map((h, i) => [h.key, i]));
  const columnIndex = new Map(columnHeaders.map((h, i) => [h.key, i]));
  const cells = rowHeaders.map(() => columnHeaders.map(() => 0));
  const rowTotals = rowHeaders.map(() => 0);
  const columnTotals = columnHeaders.map(() => 0);
  let all = 0;
  for (const line of result) {
    const r = rowIndex.get(line.row_key);
    const c = columnIndex.get(line.col_key);
    if (line.total_row && line.total_col) all = line.value;
    else if (line.total_col && r !== undefined) rowTotals[r] = line.value;
    else if (line.total_row && c !== undefined) columnTotals[c] = line.value;
    else if (r !== undefined && c !== undefined) cells[r]![c] = line.value;
  }
  const base = {
    code: def.code,
    title: def.title,
    kind: "transition" as const,
    measure: "count_distinct" as const,
    rows: rowHeaders,
    columns: columnHeaders,
  };
  if (scope.kind === "branch") {
    return {
      ...base,
      scope: "branch",
      cells,
      totals: { rows: rowTotals, columns: columnTotals, all },
      masked: cells.map((row) => row.map(() => false)),
      notes: [],
    };
  }
  // Primary and secondary masking, then rounding, as for every federation-scope table.
  const mask = maskTable({ cells, rowTotals, columnTotals, all }, threshold);
  const shown = (hidden: boolean, v: number) => (hidden ? null : roundCount(v, rounding));
  return {
    ...base,
    scope: "federation",
    cells: cells.map((row, r) => row.map((v, c) => shown(mask.cells[r]![c]!, v))),
    totals: {
      rows: rowTotals.map((v, r) => shown(mask.rowTotals[r]!, v)),
      columns: columnTotals.map((v, c) => shown(mask.columnTotals[c]!, v)),
      all: shown(mask.all, all),
    },
    masked: mask.cells,
    notes: [federationNote(threshold, rounding)],
  };
}
