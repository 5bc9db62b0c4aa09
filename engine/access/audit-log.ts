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
  details: Record<string, unknown>;
  ip: string | null;
};

export const AUDIT_PAGE_MAX = 200;

export async function listAudit(
  db: Knex,
  caller: Caller,
  page: { before?: string; limit?: string },
): Promise<{ entries: AuditEntry[]; next_before: number | null }> {
  const prefixes = requireAdminPrefixes(caller);
  const limit = page.limit === undefined ? 50 : Number(page.limit);
  const before = page.before === undefined ? undefined : Number(page.before);
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) {
    throw invalid("limit", `« limit » va de 1 à ${AUDIT_PAGE_MAX}.`);
  }
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
  const entries = rows.slice(0, limit).map((row) => ({
    ...row,
    at: row.at instanceof Date ? row.at.toISOString() : row.at,
  })) as AuditEntry[];
  return { entries, next_before: more ? entries[entries.length - 1]!.id : null };
}

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid_request", { errors: [{ field, message }] });
}
