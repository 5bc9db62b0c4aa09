import type { Knex } from "knex";
import { hasRole, recordReadPrefixes, type Caller } from "../access/caller.ts";
import { inBranches } from "../access/organisations.ts";
import { ApiError, apiError, notFound } from "../http/errors.ts";
import { checkDefinitionShape, type TableDefinition } from "../table/definition.ts";
import { resolveAxis, UnknownCodeError, type Header } from "../table/axis.ts";
import type { PublishedVersion } from "../table/labels.ts";
import { maskSmallCells } from "../table/mask.ts";

// Table definitions and their computation: one SQL query over the JSONB
// answers of every published version of the grid, scoped to the caller.

export type ComputedTable = {
  code: string;
  title: string;
  grid: string;
  measure: TableDefinition["measure"]["kind"];
  scope: "branch" | "federation";
  rows: Header[];
  columns: Header[];
  cells: (number | null)[][];
  totals: { rows: (number | null)[]; columns: (number | null)[]; all: number | null };
  masked: boolean[][];
};

export async function listTables(db: Knex): Promise<{ code: string; title: string }[]> {
  return db("table_definitions").orderBy("title").select("code", "title");
}

export async function findTableDefinition(db: Knex, code: string): Promise<TableDefinition> {
  const row = await db("table_definitions").where({ code }).first("definition");
  if (!row) throw notFound(`Le tableau « ${code} »`);
  return row.definition as TableDefinition;
}

/** Inserts shipped definitions that are not in the database yet. */
export async function importShippedTables(db: Knex, definitions: TableDefinition[]): Promise<void> {
  for (const def of definitions) {
    const errors = checkDefinitionShape(def);
    if (errors.length > 0) throw new Error(`shipped table ${def.code} is invalid: ${JSON.stringify(errors)}`);
    await db("table_definitions")
      .insert({ code: def.code, title: def.title, definition: JSON.stringify(def), source: "shipped" })
      .onConflict("code")
      .ignore();
  }
}

type Scope = { kind: "branch"; prefixes: string[] } | { kind: "federation" };

function scopeOf(caller: Caller): Scope {
  const prefixes = recordReadPrefixes(caller);
  if (prefixes.length > 0) return { kind: "branch", prefixes };
  if (hasRole(caller, "analyst", "copil")) return { kind: "federation" };
  throw apiError("forbidden");
}

export async function computeTable(
  db: Knex,
  caller: Caller,
  def: TableDefinition,
  smallCellThreshold: number,
): Promise<ComputedTable> {
  const shapeErrors = checkDefinitionShape(def);
  if (shapeErrors.length > 0) throw new ApiError("invalid_request", { errors: shapeErrors });
  const scope = scopeOf(caller);

  const grid = await db("grids").where({ code: def.grid }).first("id");
  if (!grid) {
    throw new ApiError("invalid_request", {
      errors: [{ field: "grid", message: `La grille « ${def.grid} » n'existe pas.` }],
    });
  }
  const versions: PublishedVersion[] = await db("grid_versions")
    .where({ grid_id: grid.id, status: "published" })
    .select("id", "number", "survey");

  let rowAxis, columnAxis;
  try {
    rowAxis = resolveAxis(def.rows[0], versions, "rows[0]");
    columnAxis = resolveAxis(def.columns[0], versions, "columns[0]");
  } catch (error) {
    if (error instanceof UnknownCodeError) {
      throw new ApiError("invalid_request", { errors: [{ field: error.field, message: error.message }] });
    }
    throw error;
  }

  const measure = def.measure.kind === "count_distinct" ? "count(distinct subject_id)" : "count(*)";
  const keyed = db("responses as r")
    .leftJoin("subjects as s", "s.id", "r.subject_id")
    .where("r.grid_id", grid.id)
    .select(
      db.raw(`${rowAxis.sql} as row_key`, rowAxis.bindings),
      db.raw(`${columnAxis.sql} as col_key`, columnAxis.bindings),
      "r.subject_id",
    );
  if (scope.kind === "branch") keyed.andWhere(inBranches(db, "r.organisation_id", scope.prefixes));

  const result = await db
    .from(keyed.as("k"))
    .select(
      "row_key",
      "col_key",
      db.raw(`${measure}::int as value`),
      db.raw("grouping(row_key) as total_row"),
      db.raw("grouping(col_key) as total_col"),
    )
    .groupByRaw("grouping sets ((row_key, col_key), (row_key), (col_key), ())");

  return shape(def, scope, rowAxis.headers, columnAxis.headers, result, smallCellThreshold);
}

function shape(
  def: TableDefinition,
  scope: Scope,
  rowHeaders: Header[],
  columnHeaders: Header[],
  result: { row_key: string; col_key: string; value: number; total_row: number; total_col: number }[],
  threshold: number,
): ComputedTable {
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
    grid: def.grid,
    measure: def.measure.kind,
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
    };
  }
  const masked = maskSmallCells(cells, threshold);
  const hideSmall = (v: number) => (v > 0 && v < threshold ? null : v);
  return {
    ...base,
    scope: "federation",
    cells: masked.cells,
    totals: { rows: rowTotals.map(hideSmall), columns: columnTotals.map(hideSmall), all: hideSmall(all) },
    masked: masked.masked,
  };
}
