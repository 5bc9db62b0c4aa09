import crypto from "node:crypto";
import type { Knex } from "knex";
import { recordReadPrefixes, recordWriteServices, type Caller } from "../access/caller.ts";
import { inBranches } from "../access/organisations.ts";
import { audit } from "../access/audit.ts";
import { apiError, notFound, ApiError } from "../http/errors.ts";
import { generateSubjectCode } from "../subject/codes.ts";
import { findCommune } from "../subject/communes.ts";
import type { YouthInput } from "../subject/youth-input.ts";
import { todayInFrance } from "../response/dates.ts";

// Young people, families and collective actions, always read and written
// within the caller's branch. Links between them live in subject-links.ts.

export type SubjectKind = "youth" | "family" | "action";

/** A subject as the API returns it: nothing else leaves the server. */
export type Subject = {
  id: string;
  kind: SubjectKind;
  code: string;
  organisation_id: number;
  first_name: string | null;
  birth_year: number | null;
  birth_month: number | null;
  sex: string | null;
  commune: { code: string; name: string } | null;
  neighbourhood: string | null;
  title: string | null;
  starts_on: string | null;
  ends_on: string | null;
  created_at: string;
};

export const SUBJECT_COLUMNS = [
  "id",
  "kind",
  "code",
  "organisation_id",
  "first_name",
  "birth_year",
  "birth_month",
  "sex",
  "commune",
  "neighbourhood",
  "title",
  "starts_on",
  "ends_on",
  "created_at",
];

export function toSubject(row: Record<string, any>): Subject {
  const commune = row.commune ? findCommune(row.commune) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    organisation_id: row.organisation_id,
    first_name: row.first_name,
    birth_year: row.birth_year,
    birth_month: row.birth_month,
    sex: row.sex,
    commune: row.commune ? { code: row.commune, name: commune?.name ?? row.commune } : null,
    neighbourhood: row.neighbourhood,
    title: row.title,
    starts_on: row.starts_on,
    ends_on: row.ends_on,
    created_at: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
  };
}

const NOUNS: Record<SubjectKind, string> = {
  youth: "Le jeune",
  family: "La famille",
  action: "L'action collective",
};

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

/** Refuses a code another subject already has (codes are unique across services). */
export async function ensureCodeFree(trx: Knex.Transaction, code: string): Promise<void> {
  const clash = await trx("subjects").where({ code }).first("id");
  if (clash) {
    throw new ApiError("invalid_request", {
      errors: [
        { field: "code", message: `Le code ${code} est déjà utilisé. Choisissez-en un autre.` },
      ],
    });
  }
}

export async function freeCode(trx: Knex.Transaction, kind: SubjectKind): Promise<string> {
  for (;;) {
    const code = generateSubjectCode(kind);
    if (!(await trx("subjects").where({ code }).first("id"))) return code;
  }
}

export async function createYouth(db: Knex, caller: Caller, input: YouthInput): Promise<Subject> {
  const organisationId = serviceForWrite(caller, input.organisation);
  const id = crypto.randomUUID();
  return db.transaction(async (trx) => {
    const code = input.code ?? (await freeCode(trx, "youth"));
    await ensureCodeFree(trx, code);
    await trx("subjects").insert({
      id,
      kind: "youth",
      code,
      organisation_id: organisationId,
      first_name: input.first_name ?? null,
      birth_year: input.birth_year ?? null,
      birth_month: input.birth_month ?? null,
      sex: input.sex ?? null,
      commune: input.commune ?? null,
      neighbourhood: input.neighbourhood ?? null,
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

export type SubjectFilter = {
  kind?: string;
  q?: string;
  /** true: only young people with an accompaniment open today; false: only without. */
  active?: boolean;
  commune?: string;
  departement?: string;
  neighbourhood?: string;
  ageMin?: number;
  ageMax?: number;
};

/** A row of a list: the subject, and for a young person whether they are accompanied now. */
export type SubjectSummary = Subject & { active_accompaniment: boolean };

/**
 * SQL telling whether subject `s` has an accompaniment open on `today`: an
 * `accompagnement` record without an end date, or ending later. Dates are
 * 'YYYY-MM-DD' strings in the answers, so text order is date order.
 * NOTE: the accompaniment periods of one file are computed in subject/file.ts; same rule.
 */
function activeAccompanimentSql(today: string): [string, string[]] {
  return [
    "exists (select 1 from responses a join grids ag on ag.id = a.grid_id " +
      "where ag.code = 'accompagnement' and a.subject_id = s.id " +
      "and (a.data->>'date_debut') <= ? " +
      "and (coalesce(a.data->>'date_fin', '') = '' or (a.data->>'date_fin') >= ?))",
    [today, today],
  ];
}

/** Whole years on `today`; an unknown birth month counts as January. */
function ageSql(today: string): [string, (string | number)[]] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return [
    "(? - s.birth_year - case when ? < coalesce(s.birth_month, 1) then 1 else 0 end)",
    [year, month],
  ];
}

export async function listSubjects(
  db: Knex,
  caller: Caller,
  filter: SubjectFilter,
  today: string = todayInFrance(),
): Promise<SubjectSummary[]> {
  const [activeSql, activeBindings] = activeAccompanimentSql(today);
  const query = db("subjects as s")
    .where(inBranches(db, "s.organisation_id", recordReadPrefixes(caller)))
    .orderBy("s.code")
    .limit(500)
    .select([
      ...SUBJECT_COLUMNS.map((column) => `s.${column}`),
      db.raw(`${activeSql} as active_accompaniment`, activeBindings),
    ]);
  if (filter.kind) query.andWhere("s.kind", filter.kind);
  // Actions: the most recent first.
  if (filter.kind === "action") {
    query.clearOrder().orderBy([{ column: "s.starts_on", order: "desc" }, "s.code"]);
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.andWhere((b) =>
      b
        .whereILike("s.code", pattern)
        .orWhereILike("s.first_name", pattern)
        .orWhereILike("s.title", pattern),
    );
  }
  if (filter.active !== undefined) {
    query.andWhereRaw(filter.active ? activeSql : `not ${activeSql}`, activeBindings);
  }
  if (filter.commune) query.andWhere("s.commune", filter.commune.toUpperCase());
  if (filter.departement) {
    // An INSEE code starts with its département (3 characters overseas: 971…976).
    const length = filter.departement.length;
    query.andWhereRaw("substr(s.commune, 1, ?) = ?", [length, filter.departement.toUpperCase()]);
  }
  if (filter.neighbourhood) query.andWhereILike("s.neighbourhood", filter.neighbourhood);
  if (filter.ageMin !== undefined || filter.ageMax !== undefined) {
    const [age, ageBindings] = ageSql(today);
    query.whereNotNull("s.birth_year");
    if (filter.ageMin !== undefined)
      query.andWhereRaw(`${age} >= ?`, [...ageBindings, filter.ageMin]);
    if (filter.ageMax !== undefined)
      query.andWhereRaw(`${age} <= ?`, [...ageBindings, filter.ageMax]);
  }
  return (await query).map((row) => ({
    ...toSubject(row),
    active_accompaniment: row.active_accompaniment === true,
  }));
}

/** One subject in the caller's branch; another branch's subject is simply not found. */
export async function findSubject(
  db: Knex | Knex.Transaction,
  caller: Caller,
  id: string,
  kind?: SubjectKind,
): Promise<Subject> {
  const what = kind ? NOUNS[kind] : "Le dossier";
  if (!isUuid(id)) throw notFound(what);
  const query = db("subjects")
    .where({ id })
    .andWhere(inBranches(db, "organisation_id", recordReadPrefixes(caller)))
    .first(SUBJECT_COLUMNS);
  if (kind) query.andWhere({ kind });
  const row = await query;
  if (!row) throw notFound(what);
  return toSubject(row);
}

export function isUuid(value: unknown): value is string {
  return (
    typeof value === "string" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}
