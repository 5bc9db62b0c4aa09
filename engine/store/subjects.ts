import crypto from "node:crypto";
import type { Knex } from "knex";
import { recordReadPrefixes, recordWriteServices, type Caller } from "../access/caller.ts";
import { inBranches } from "../access/organisations.ts";
import { audit } from "../access/audit.ts";
import { apiError, notFound, ApiError } from "../http/errors.ts";
import { generateSubjectCode } from "../subject/codes.ts";
import type { YouthInput } from "../subject/youth-input.ts";

// Young people (and later families and collective actions), always read and
// written within the caller's branch.

/** A subject as the API returns it. */
export type Subject = {
  id: string;
  kind: "youth" | "family" | "action";
  code: string;
  organisation_id: number;
  first_name: string | null;
  birth_year: number | null;
  birth_month: number | null;
  sex: string | null;
  created_at: string;
};

const SUBJECT_COLUMNS = [
  "id",
  "kind",
  "code",
  "organisation_id",
  "first_name",
  "birth_year",
  "birth_month",
  "sex",
  "created_at",
];

function toSubject(row: Record<string, any>): Subject {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    organisation_id: row.organisation_id,
    first_name: row.first_name,
    birth_year: row.birth_year,
    birth_month: row.birth_month,
    sex: row.sex,
    created_at: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
  };
}

/** The service a caller writes in: the one asked for, if allowed, else their first. */
export function serviceForWrite(caller: Caller, requested?: number): number {
  const services = recordWriteServices(caller);
  if (requested !== undefined) {
    if (!services.includes(requested)) throw apiError("forbidden");
    return requested;
  }
  const first = services[0];
  if (first === undefined) throw apiError("forbidden");
  return first;
}

export async function createYouth(db: Knex, caller: Caller, input: YouthInput): Promise<Subject> {
  const organisationId = serviceForWrite(caller, input.organisation);
  const id = crypto.randomUUID();
  return db.transaction(async (trx) => {
    const code = input.code ?? (await freeCode(trx));
    const clash = await trx("subjects").where({ code }).first("id");
    if (clash) {
      throw new ApiError("invalid_request", {
        errors: [{ field: "code", message: `Le code ${code} est déjà utilisé. Choisissez-en un autre.` }],
      });
    }
    await trx("subjects").insert({
      id,
      kind: "youth",
      code,
      organisation_id: organisationId,
      first_name: input.first_name ?? null,
      birth_year: input.birth_year ?? null,
      birth_month: input.birth_month ?? null,
      sex: input.sex ?? null,
      created_by: caller.userId,
    });
    await audit(trx, caller, {
      action: "subject.create",
      organisationId,
      targetType: "subject",
      targetId: id,
      details: { kind: "youth", code },
    });
    return toSubject(await trx("subjects").where({ id }).first(SUBJECT_COLUMNS));
  });
}

async function freeCode(trx: Knex.Transaction): Promise<string> {
  for (;;) {
    const code = generateSubjectCode("youth");
    if (!(await trx("subjects").where({ code }).first("id"))) return code;
  }
}

export async function listSubjects(
  db: Knex,
  caller: Caller,
  filter: { kind?: string; q?: string },
): Promise<Subject[]> {
  const query = db("subjects")
    .where(inBranches(db, "organisation_id", recordReadPrefixes(caller)))
    .orderBy("code")
    .limit(500)
    .select(SUBJECT_COLUMNS);
  if (filter.kind) query.andWhere({ kind: filter.kind });
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.andWhere((b) => b.whereILike("code", pattern).orWhereILike("first_name", pattern));
  }
  return (await query).map(toSubject);
}

/** One subject in the caller's branch; another branch's subject is simply not found. */
export async function findSubject(
  db: Knex | Knex.Transaction,
  caller: Caller,
  id: string,
): Promise<Subject> {
  if (!isUuid(id)) throw notFound("Le jeune");
  const row = await db("subjects")
    .where({ id })
    .andWhere(inBranches(db, "organisation_id", recordReadPrefixes(caller)))
    .first(SUBJECT_COLUMNS);
  if (!row) throw notFound("Le jeune");
  return toSubject(row);
}

export function isUuid(value: unknown): value is string {
  return (
    typeof value === "string" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}
