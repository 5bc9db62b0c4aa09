import type { Knex } from "knex";
import type { Caller } from "./caller.ts";
import { requireAdminPrefixes } from "./admin-scope.ts";
import { ApiError } from "../http/errors.ts";

// Reading the audit log, in the caller's scope and newest first. An
// association admin reads the rows about their branch's organisations, and
// the sign-ins and sign-outs of their branch's people; the platform admin
// reads everything. Pages follow a cursor (the last id seen), which stays
// right while new rows arrive.

export type AuditEntry = {
  id: number;
  at: string;
  actor_id: number | null;
  actor_email: string | null;
  organisation_id: number | null;
  organisation_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** What the target is called today (an e-mail, a young person's code, a grid and a date…). */
  target_label: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};

export const AUDIT_PAGE_MAX = 200;

export async function listAudit(
  db: Knex,
  caller: Caller,
  page: { before?: string; limit: number },
): Promise<{ entries: AuditEntry[]; next_before: number | null }> {
  const prefixes = requireAdminPrefixes(caller);
  const { limit } = page;
  // Digits only: Number() also read « 1e3 », « 0x10 » or « 5 » with spaces.
  const before =
    page.before === undefined
      ? undefined
      : /^\d{1,15}$/.test(page.before)
        ? Number(page.before)
        : NaN;
  if (before !== undefined && (!Number.isSafeInteger(before) || before < 1)) {
    throw invalid("before", "« before » est l'identifiant d'une ligne du journal.");
  }

  const branch = db("organisations")
    .select("id")
    .where((b) => {
      for (const prefix of prefixes) b.orWhere("path", "like", `${prefix}%`);
    });
  const query = db("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .leftJoin("organisations as o", "o.id", "a.organisation_id")
    .orderBy("a.id", "desc")
    .limit(limit + 1)
    .select(
      "a.id",
      "a.at",
      "a.actor_id",
      "u.email as actor_email",
      "a.organisation_id",
      "o.name as organisation_name",
      "a.action",
      "a.target_type",
      "a.target_id",
      "a.details",
      "a.ip",
    );
  if (!prefixes.includes("/")) {
    query.where((b) =>
      b
        .whereIn("a.organisation_id", branch)
        .orWhere((inner) =>
          inner
            .whereNull("a.organisation_id")
            .whereIn(
              "a.actor_id",
              db("user_roles").select("user_id").whereIn("organisation_id", branch.clone()),
            ),
        ),
    );
  }
  if (before !== undefined) query.andWhere("a.id", "<", before);

  const rows = await query;
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const labels = await targetLabels(db, shown, prefixes);
  const entries = shown.map((row) => ({
    ...row,
    at: row.at instanceof Date ? row.at.toISOString() : row.at,
    target_label: labels.get(`${row.target_type}:${row.target_id}`) ?? null,
  })) as AuditEntry[];
  return { entries, next_before: more ? entries[entries.length - 1]!.id : null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE_NUMBER = /^\d{1,9}$/;

/**
 * What each target of a page is called today, so the journal names things
 * instead of showing identifiers: one small query per kind of target, each
 * kept to the reader's branch (a row about a shared account's export must not
 * name another association's table). Young people are named by their code
 * only. A target erased since keeps no label.
 */
async function targetLabels(
  db: Knex,
  rows: { target_type: string | null; target_id: string | null }[],
  prefixes: string[],
): Promise<Map<string, string>> {
  const idsOf = (type: string, shape: RegExp) => [
    ...new Set(
      rows
        .filter((r) => r.target_type === type && r.target_id && shape.test(r.target_id))
        .map((r) => r.target_id!),
    ),
  ];
  const branch = db("organisations")
    .select("id")
    .where((b) => {
      for (const prefix of prefixes) b.orWhere("path", "like", `${prefix}%`);
    });
  const labels = new Map<string, string>();
  const put = (type: string, found: { id: unknown; label: string }[]) =>
    found.forEach((f) => labels.set(`${type}:${String(f.id)}`, f.label));

  const users = idsOf("user", WHOLE_NUMBER);
  if (users.length) {
    const inBranch = db("user_roles").select("user_id").whereIn("organisation_id", branch.clone());
    put(
      "user",
      await db("users").whereIn("id", users).whereIn("id", inBranch).select("id", "email as label"),
    );
  }
  const subjects = idsOf("subject", UUID);
  if (subjects.length) {
    put(
      "subject",
      await db("subjects")
        .whereIn("id", subjects)
        .whereIn("organisation_id", branch.clone())
        .select("id", "code as label"),
    );
  }
  const responses = idsOf("response", UUID);
  if (responses.length) {
    put(
      "response",
      await db("responses as r")
        .join("grids as g", "g.id", "r.grid_id")
        .whereIn("r.id", responses)
        .whereIn("r.organisation_id", branch.clone())
        .select(
          "r.id",
          db.raw("g.title || ' du ' || to_char(r.occurred_on, 'DD/MM/YYYY') as label"),
        ),
    );
  }
  const organisations = idsOf("organisation", WHOLE_NUMBER);
  if (organisations.length) {
    put(
      "organisation",
      await db("organisations")
        .whereIn("id", organisations)
        .whereIn("id", branch.clone())
        .select("id", "name as label"),
    );
  }
  const tables = idsOf("table", /^[a-z][a-z0-9_]*$/);
  if (tables.length) {
    put(
      "table",
      await db("table_definitions")
        .whereIn("code", tables)
        .where((q) =>
          q
            .where("source", "shipped")
            .orWhereNull("organisation_id")
            .orWhereIn("organisation_id", branch.clone()),
        )
        .select("code as id", "title as label"),
    );
  }
  return labels;
}

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid_request", { errors: [{ field, message }] });
}
