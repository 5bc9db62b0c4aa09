import type { Knex } from "knex";
import type { Caller } from "../access/caller.ts";
import { audit } from "../access/audit.ts";
import { ApiError, apiError, notFound } from "../http/errors.ts";
import type { TableDefinition } from "../table/definition.ts";
import { checkAnyDefinitionShape, type AnyTableDefinition } from "../table/any-definition.ts";
import { compileTransition } from "../table/trajectory.ts";
import {
  ACCOMPANIMENT_GRID,
  isTransitionDefinition,
  type TransitionTableDefinition,
} from "../table/trajectory-definition.ts";
import { DefinitionCodeError, type OrganisationRow, type ResolveContext } from "../table/axis.ts";
import { compileTable, type CompiledTable, type ResultLine } from "../table/compile.ts";
import type { PublishedVersion } from "../table/labels.ts";
import { shapeTable, type TableResult } from "../table/shape.ts";
import { loadTerritory } from "./territory.ts";
import { tableOptions, type TableOptions } from "../table/options.ts";
import {
  checkFederationPeriod,
  checkRequestedPeriod,
  scopeFor,
  type ResolvedScope,
  type ScopeRequest,
} from "./table-scope.ts";

// Table definitions and their computation: one SQL statement over the JSONB
// answers of every published version of the grid, scoped to the caller.

export type ComputedTable = TableResult & {
  code: string;
  title: string;
  description?: string;
  grid: string;
  measure: AnyTableDefinition["measure"]["kind"];
  /** Present on the transition tables of young people's paths. */
  kind?: "transition";
  scope: "branch" | "organisation" | "federation";
  period: { from?: string; to?: string };
};

export type TableSummary = {
  code: string;
  title: string;
  description: string | null;
  grid: string;
  /** "transition": a table of young people's paths (situation at entry × latest). */
  kind: "indicator" | "transition";
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
    description: (row.definition as AnyTableDefinition).description ?? null,
    grid: (row.definition as AnyTableDefinition).grid,
    kind: isTransitionDefinition(row.definition) ? "transition" : "indicator",
    source: row.source,
    organisation: row.organisation ?? null,
  }));
}

export async function findTableDefinition(
  db: Knex,
  caller: Caller,
  code: string,
): Promise<AnyTableDefinition> {
  const row = await visibleTables(db, caller).where("t.code", code).first("t.definition");
  if (!row) throw notFound(`Le tableau « ${code} »`);
  return row.definition as AnyTableDefinition;
}

/** Saves a definition made in the app, after computing it once (which checks every code). */
export async function saveTableDefinition(
  db: Knex,
  caller: Caller,
  raw: unknown,
  threshold: number,
): Promise<AnyTableDefinition> {
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
            message: `Un autre tableau porte déjà le code « ${def.code} » (tiré de son titre) : changez le titre.`,
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
      organisationId: author.organisationId,
      targetType: "table",
      targetId: def.code,
      // Kept for the journal once the table is gone.
      details: { title: def.title },
    });
    return def;
  });
}

/** Deletes a table made in the app; a shipped table may not be (report packs name it). */
export async function deleteTableDefinition(db: Knex, caller: Caller, code: string): Promise<void> {
  const row = await visibleTables(db, caller)
    .where("t.code", code)
    .first("t.id", "t.title", "t.source", "t.organisation_id", "o.path");
  if (!row) throw notFound(`Le tableau « ${code} »`);
  if (row.source === "shipped") {
    throw new ApiError("invalid_request", {
      errors: [
        {
          field: "code",
          message:
            "Un tableau livré avec la BDC ne peut pas être supprimé : les rapports s'en servent.",
        },
      ],
    });
  }
  // Its own organisation's authors, an admin of an association above it, the platform admin;
  // not the federation's analysts or COPIL, who only read the associations' definitions.
  const path = typeof row.path === "string" ? row.path : "";
  const mayDelete = caller.roles.some(
    (r) =>
      r.role === "platform_admin" ||
      ((TABLE_AUTHOR_ROLES as readonly string[]).includes(r.role) &&
        r.organisationId === row.organisation_id) ||
      (r.role === "association_admin" && path.startsWith(r.organisationPath)),
  );
  if (!mayDelete) throw apiError("forbidden");
  await db.transaction(async (trx) => {
    await trx("table_definitions").where({ id: row.id }).delete();
    await audit(trx, caller, {
      action: "table.definition.delete",
      organisationId: row.organisation_id,
      targetType: "table",
      targetId: code,
      details: { title: row.title },
    });
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

export function checkedDefinition(raw: unknown): AnyTableDefinition {
  const errors = checkAnyDefinitionShape(raw);
  if (errors.length > 0) throw new ApiError("invalid_request", { errors });
  return raw as AnyTableDefinition;
}

export type ComputeOptions = ScopeRequest & {
  threshold: number;
  /** Federation counts are rounded to a multiple of it (config `federationRounding`). */
  rounding: number;
  from?: string;
  to?: string;
};

export async function computeTable(
  db: Knex,
  caller: Caller,
  def: AnyTableDefinition,
  options: ComputeOptions,
): Promise<ComputedTable> {
  checkedDefinition(def);
  const scope = await scopeFor(db, caller, def.scope, {
    scope: options.scope,
    organisation: options.organisation,
  });
  const period = { from: options.from ?? def.period?.from, to: options.to ?? def.period?.to };
  checkRequestedPeriod(period);
  if (scope.masked) checkFederationPeriod(period);

  let compiled;
  try {
    compiled = isTransitionDefinition(def)
      ? await compileTransitionFor(db, def, scope, period)
      : await compileRegular(db, def, scope, period);
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
    ...(isTransitionDefinition(def) ? { kind: "transition" as const } : {}),
    scope: scope.kind,
    period,
    ...shaped,
  };
}

type Period = { from?: string; to?: string };

async function gridByCode(db: Knex, code: string): Promise<{ id: number; subject: string }> {
  const grid = await db("grids").where({ code }).first("id", "subject");
  if (!grid) throw new DefinitionCodeError("grid", `La grille « ${code} » n'existe pas.`);
  return grid;
}

function publishedVersions(db: Knex, gridId: number): Promise<PublishedVersion[]> {
  return db("grid_versions")
    .where({ grid_id: gridId, status: "published" })
    .select("id", "number", "survey");
}

async function compileRegular(
  db: Knex,
  def: TableDefinition,
  scope: ResolvedScope,
  period: Period,
): Promise<CompiledTable> {
  const grid = await gridByCode(db, def.grid);
  const organisations: OrganisationRow[] = await db("organisations").select(
    "id",
    "kind",
    "code",
    "name",
    "path",
  );
  const context: ResolveContext = {
    gridSubject: grid.subject,
    versions: await publishedVersions(db, grid.id),
    territory: loadTerritory(),
    organisations,
    referenceYear: period.to ? Number(period.to.slice(0, 4)) : undefined,
  };
  return compileTable(def, context, { gridId: grid.id, scope: scope.filter, period });
}

/** A transition table reads the situation grid it names and the accompaniment grid. */
async function compileTransitionFor(
  db: Knex,
  def: TransitionTableDefinition,
  scope: ResolvedScope,
  period: Period,
): Promise<CompiledTable> {
  const situation = await gridByCode(db, def.grid);
  if (situation.subject !== "youth") {
    throw new DefinitionCodeError(
      "grid",
      `La grille « ${def.grid} » ne porte pas sur un jeune : elle ne peut pas décrire sa situation.`,
    );
  }
  const accompaniment = await gridByCode(db, ACCOMPANIMENT_GRID);
  return compileTransition(
    def,
    {
      situation: { gridId: situation.id, versions: await publishedVersions(db, situation.id) },
      accompaniment: {
        gridId: accompaniment.id,
        versions: await publishedVersions(db, accompaniment.id),
      },
    },
    { scope: scope.filter, period },
  );
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
