import type { Knex } from "knex";
import { hasRole, recordReadPrefixes, type Caller } from "../access/caller.ts";
import { audit } from "../access/audit.ts";
import { ApiError, apiError, notFound } from "../http/errors.ts";
import {
  checkDefinitionShape,
  type TableDefinition,
  type TableScope,
} from "../table/definition.ts";
import { DefinitionCodeError, type OrganisationRow, type ResolveContext } from "../table/axis.ts";
import { compileTable, type ResultLine, type TableScopeFilter } from "../table/compile.ts";
import type { PublishedVersion } from "../table/labels.ts";
import { shapeTable, type TableResult } from "../table/shape.ts";
import { loadTerritory } from "./territory.ts";
import { tableOptions, type TableOptions } from "../table/options.ts";

// Table definitions and their computation: one SQL statement over the JSONB
// answers of every published version of the grid, scoped to the caller.

export type ComputedTable = TableResult & {
  code: string;
  title: string;
  description?: string;
  grid: string;
  measure: TableDefinition["measure"]["kind"];
  scope: "branch" | "organisation" | "federation";
  period: { from?: string; to?: string };
};

export type TableSummary = {
  code: string;
  title: string;
  description: string | null;
  grid: string;
  source: "shipped" | "app";
  organisation: string | null;
};

/** Roles that may save a table definition in the app. */
const TABLE_AUTHOR_ROLES = [
  "service_head",
  "association_admin",
  "copil",
  "analyst",
  "platform_admin",
] as const;

/** Paths of the caller's organisations, whatever the role. */
function callerPaths(caller: Caller): string[] {
  return [...new Set(caller.roles.map((r) => r.organisationPath))];
}

/** Shipped tables, and tables saved by an organisation on the caller's line (above or below). */
function visibleTables(db: Knex, caller: Caller) {
  const paths = callerPaths(caller);
  return db("table_definitions as t")
    .leftJoin("organisations as o", "o.id", "t.organisation_id")
    .where((q) => {
      q.where("t.source", "shipped").orWhereNull("t.organisation_id");
      for (const path of paths) {
        q.orWhereRaw("? like o.path || '%'", [path]).orWhereRaw("o.path like ?", [`${path}%`]);
      }
    });
}

export async function listTables(db: Knex, caller: Caller): Promise<TableSummary[]> {
  const rows = await visibleTables(db, caller)
    .orderBy([{ column: "t.source", order: "desc" }, { column: "t.title" }])
    .select("t.code", "t.title", "t.definition", "t.source", "o.code as organisation");
  return rows.map((row) => ({
    code: row.code,
    title: row.title,
    description: (row.definition as TableDefinition).description ?? null,
    grid: (row.definition as TableDefinition).grid,
    source: row.source,
    organisation: row.organisation ?? null,
  }));
}

export async function findTableDefinition(
  db: Knex,
  caller: Caller,
  code: string,
): Promise<TableDefinition> {
  const row = await visibleTables(db, caller).where("t.code", code).first("t.definition");
  if (!row) throw notFound(`Le tableau « ${code} »`);
  return row.definition as TableDefinition;
}

/** Inserts shipped definitions that are not in the database yet. */
export async function importShippedTables(db: Knex, definitions: TableDefinition[]): Promise<void> {
  for (const def of definitions) {
    const errors = checkDefinitionShape(def);
    if (errors.length > 0)
      throw new Error(`shipped table ${def.code} is invalid: ${JSON.stringify(errors)}`);
    await db("table_definitions")
      .insert({
        code: def.code,
        title: def.title,
        definition: JSON.stringify(def),
        source: "shipped",
      })
      .onConflict("code")
      .ignore();
  }
}

/** Saves a definition made in the app, after computing it once (which checks every code). */
export async function saveTableDefinition(
  db: Knex,
  caller: Caller,
  raw: unknown,
  threshold: number,
): Promise<TableDefinition> {
  const author = caller.roles.find((r) =>
    (TABLE_AUTHOR_ROLES as readonly string[]).includes(r.role),
  );
  if (!author) throw apiError("forbidden");
  const def = checkedDefinition(raw);
  await computeTable(db, caller, def, { threshold, rounding: 1 });
  return db.transaction(async (trx) => {
    const taken = await trx("table_definitions").where({ code: def.code }).first("id");
    if (taken) {
      throw new ApiError("invalid_request", {
        errors: [
          {
            field: "code",
            message: `Le code « ${def.code} » est déjà pris par un autre tableau : choisissez-en un autre.`,
          },
        ],
      });
    }
    await trx("table_definitions").insert({
      code: def.code,
      title: def.title,
      definition: JSON.stringify(def),
      source: "app",
      organisation_id: author.organisationId,
      created_by: caller.userId,
    });
    await audit(trx, caller, {
      action: "table.definition.create",
      targetType: "table",
      targetId: def.code,
    });
    return def;
  });
}

/** The building blocks of a table on one grid, for the table builder. */
export async function findTableOptions(db: Knex, gridCode: string): Promise<TableOptions> {
  const grid = await db("grids").where({ code: gridCode }).first("id", "code", "title", "subject");
  if (!grid) throw notFound(`La grille « ${gridCode} »`);
  const versions: PublishedVersion[] = await db("grid_versions")
    .where({ grid_id: grid.id, status: "published" })
    .select("id", "number", "survey");
  return tableOptions({ code: grid.code, title: grid.title, subject: grid.subject }, versions);
}

export function checkedDefinition(raw: unknown): TableDefinition {
  const errors = checkDefinitionShape(raw);
  if (errors.length > 0) throw new ApiError("invalid_request", { errors });
  return raw as TableDefinition;
}

export type ScopeRequest = { scope?: TableScope; organisation?: string };

type ResolvedScope = { kind: ComputedTable["scope"]; filter: TableScopeFilter; masked: boolean };

/**
 * Whose records a table counts. A caller who reads records counts its branch
 * (or one organisation inside it); the federation's analysts and COPIL count
 * every association, with small cells masked.
 */
async function resolveScope(
  db: Knex,
  caller: Caller,
  request: ScopeRequest,
): Promise<ResolvedScope> {
  const prefixes = recordReadPrefixes(caller);
  const federationRole = hasRole(caller, "analyst", "copil", "platform_admin");
  if (request.scope === "federation" || (prefixes.length === 0 && request.scope === undefined)) {
    if (!federationRole) throw apiError("forbidden");
    if (request.organisation) throw apiError("forbidden");
    return { kind: "federation", filter: { kind: "all" }, masked: true };
  }
  if (prefixes.length === 0) throw apiError("forbidden");
  if (request.organisation) {
    const org = await db("organisations")
      .where({ code: request.organisation })
      .first("path", "kind");
    if (!org || !prefixes.some((p) => org.path.startsWith(p)))
      throw notFound(`L'organisation « ${request.organisation} »`);
    if (request.scope && request.scope !== org.kind) {
      throw new ApiError("invalid_request", {
        errors: [
          {
            field: "scope",
            message: `« ${request.organisation} » n'est pas un·e ${request.scope === "service" ? "service" : "association"}.`,
          },
        ],
      });
    }
    return {
      kind: "organisation",
      filter: { kind: "branches", prefixes: [org.path] },
      masked: false,
    };
  }
  if (request.scope) {
    const ofKind = caller.roles
      .filter((r) => r.organisationKind === request.scope)
      .map((r) => r.organisationPath);
    const readable = ofKind.filter((path) => prefixes.includes(path));
    if (readable.length === 0) throw apiError("forbidden");
    return { kind: "branch", filter: { kind: "branches", prefixes: readable }, masked: false };
  }
  return { kind: "branch", filter: { kind: "branches", prefixes }, masked: false };
}

export type ComputeOptions = ScopeRequest & {
  threshold: number;
  /** Federation counts are rounded to a multiple of it (config `federationRounding`). */
  rounding: number;
  from?: string;
  to?: string;
};

/**
 * The scope asked in the request, else the definition's own. A definition's scope is a
 * default: someone who may not have it (an educator opening the département synthesis)
 * gets their own branch instead. A scope asked in the request is never widened or swapped.
 */
async function scopeFor(
  db: Knex,
  caller: Caller,
  def: TableDefinition,
  options: ComputeOptions,
): Promise<ResolvedScope> {
  const request = { scope: options.scope, organisation: options.organisation };
  if (options.scope !== undefined || def.scope === undefined)
    return resolveScope(db, caller, request);
  try {
    return await resolveScope(db, caller, { ...request, scope: def.scope });
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden")
      return resolveScope(db, caller, request);
    throw error;
  }
}

export async function computeTable(
  db: Knex,
  caller: Caller,
  def: TableDefinition,
  options: ComputeOptions,
): Promise<ComputedTable> {
  checkedDefinition(def);
  const scope = await scopeFor(db, caller, def, options);
  const period = { from: options.from ?? def.period?.from, to: options.to ?? def.period?.to };
  checkPeriod(period);
  if (scope.masked) checkFederationPeriod(period);

  const grid = await db("grids").where({ code: def.grid }).first("id", "subject");
  if (!grid) {
    throw new ApiError("invalid_request", {
      errors: [{ field: "grid", message: `La grille « ${def.grid} » n'existe pas.` }],
    });
  }
  const versions: PublishedVersion[] = await db("grid_versions")
    .where({ grid_id: grid.id, status: "published" })
    .select("id", "number", "survey");
  const organisations: OrganisationRow[] = await db("organisations").select(
    "id",
    "kind",
    "code",
    "name",
    "path",
  );
  const context: ResolveContext = {
    gridSubject: grid.subject,
    versions,
    territory: loadTerritory(),
    organisations,
    referenceYear: period.to ? Number(period.to.slice(0, 4)) : undefined,
  };

  let compiled;
  try {
    compiled = compileTable(def, context, { gridId: grid.id, scope: scope.filter, period });
  } catch (error) {
    if (error instanceof DefinitionCodeError) {
      throw new ApiError("invalid_request", {
        errors: [{ field: error.field, message: error.message }],
      });
    }
    throw error;
  }
  const lines = await runReportingQuery(db, compiled.query.text, compiled.query.bindings);
  const shaped = shapeTable(
    compiled,
    lines,
    scope.masked ? { threshold: options.threshold, rounding: options.rounding } : null,
  );
  return {
    code: def.code,
    title: def.title,
    ...(def.description ? { description: def.description } : {}),
    grid: def.grid,
    measure: def.measure.kind,
    scope: scope.kind,
    period,
    ...shaped,
  };
}

/**
 * Runs a table's statement with reporting settings, local to its transaction:
 * no JIT (on PostgreSQL 15 its compilation took seconds, longer than the query:
 * a checkbox's set-returning join makes the planner expect 100 lines per record),
 * and room to sort the distinct counts in memory.
 */
export async function runReportingQuery(
  db: Knex,
  text: string,
  bindings: readonly unknown[],
): Promise<ResultLine[]> {
  return db.transaction(async (trx) => {
    await trx.raw("set local jit = off");
    await trx.raw("set local work_mem = '32MB'");
    const result = await trx.raw(text, bindings as Knex.RawBinding[]);
    return (result.rows ?? result) as ResultLine[];
  });
}

function checkPeriod(period: { from?: string; to?: string }): void {
  const errors = checkDefinitionShape({
    code: "x",
    title: "x",
    grid: "x",
    measure: { kind: "count" },
    rows: [],
    columns: [],
    period,
  });
  if (errors.length > 0) {
    throw new ApiError("invalid_request", {
      errors: errors.map((e) => ({ ...e, field: e.field.replace("period.", "") })),
    });
  }
}

/**
 * At federation scope a period is made of whole calendar years: two overlapping
 * periods a few days apart would otherwise give away, by difference, the handful
 * of records between them.
 */
export function checkFederationPeriod(period: { from?: string; to?: string }): void {
  const errors: { field: string; message: string }[] = [];
  if (period.from !== undefined && !/^\d{4}-01-01$/.test(period.from)) {
    errors.push({
      field: "from",
      message:
        "À l'échelle de la fédération, la période commence un 1er janvier (année civile entière, par exemple ?year=2026).",
    });
  }
  if (period.to !== undefined && !/^\d{4}-12-31$/.test(period.to)) {
    errors.push({
      field: "to",
      message:
        "À l'échelle de la fédération, la période finit un 31 décembre (année civile entière, par exemple ?year=2026).",
    });
  }
  if (errors.length > 0) throw new ApiError("invalid_request", { errors });
}
