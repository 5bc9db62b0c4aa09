import type { Knex } from "knex";
import { hasRole, recordReadPrefixes, type Caller } from "../access/caller.ts";
import { ApiError, apiError, notFound } from "../http/errors.ts";
import { checkPeriod, type TableScope } from "../table/definition.ts";
import type { TableScopeFilter } from "../table/compile.ts";

// Whose records a table counts, and over which dates: the rules every kind
// of table (regular or transition) shares.

export type ScopeRequest = { scope?: TableScope; organisation?: string };

export type ResolvedScope = {
  kind: "branch" | "organisation" | "federation";
  filter: TableScopeFilter;
  masked: boolean;
};

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

/**
 * The scope asked in the request, else the definition's own. A definition's scope is a
 * default: someone who may not have it (an educator opening the département synthesis)
 * gets their own branch instead. A scope asked in the request is never widened or swapped.
 */
export async function scopeFor(
  db: Knex,
  caller: Caller,
  definitionScope: TableScope | undefined,
  request: ScopeRequest,
): Promise<ResolvedScope> {
  if (request.scope !== undefined || definitionScope === undefined)
    return resolveScope(db, caller, request);
  try {
    return await resolveScope(db, caller, { ...request, scope: definitionScope });
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden")
      return resolveScope(db, caller, request);
    throw error;
  }
}

/** A period from the request or the definition: calendar dates, in order. */
export function checkRequestedPeriod(period: { from?: string; to?: string }): void {
  const errors: { field: string; message: string }[] = [];
  checkPeriod(period, (field, message) =>
    errors.push({ field: field.replace("period.", ""), message }),
  );
  if (errors.length > 0) throw new ApiError("invalid_request", { errors });
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
