import type { Knex } from "knex";
import { recordReadPrefixes, type Caller } from "../access/caller.ts";
import { inBranches } from "../access/organisations.ts";
import { audit } from "../access/audit.ts";
import { ApiError, apiError, notFound, type FieldError } from "../http/errors.ts";
import { findPublishedVersion, findVersionById, type GridVersion } from "./grids.ts";
import { findSubject, isUuid, serviceForWrite } from "./subjects.ts";
import { validateAgainstVersion } from "../response/server-validator.ts";
import { todayInFrance, isCalendarDate } from "../response/dates.ts";

// Responses (records), scoped to the caller's branch. A response is written
// whole or not at all; each revision is kept in response_revisions.

/** A response as the API returns it: nothing else leaves the server. */
export type ResponseRecord = {
  id: string;
  grid: string;
  version: number;
  grid_version_id: number;
  subject_id: string | null;
  subject_code: string | null;
  /** The young person's first name or initials, when the record is about one who has them. */
  subject_first_name: string | null;
  organisation_id: number;
  author_id: number;
  occurred_on: string;
  status: string;
  revision: number;
  data: Record<string, unknown>;
  created_at: string;
  updated_at: string;
};

export type NewResponse = {
  id: string;
  grid: string;
  version?: number;
  subject?: string;
  occurred_on?: string;
  organisation?: number;
  data: unknown;
};

function baseQuery(db: Knex | Knex.Transaction, caller: Caller) {
  return db("responses as r")
    .join("grid_versions as v", "v.id", "r.grid_version_id")
    .join("grids as g", "g.id", "r.grid_id")
    .leftJoin("subjects as s", "s.id", "r.subject_id")
    .where(inBranches(db, "r.organisation_id", recordReadPrefixes(caller)))
    .select(
      "r.id",
      "g.code as grid",
      "v.number as version",
      "r.grid_version_id",
      "r.subject_id",
      "s.code as subject_code",
      "s.first_name as subject_first_name",
      "r.organisation_id",
      "r.author_id",
      "r.occurred_on",
      "r.status",
      "r.revision",
      "r.data",
      "r.created_at",
      "r.updated_at",
    );
}

function toRecord(row: Record<string, any>): ResponseRecord {
  const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : v);
  return {
    ...row,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  } as ResponseRecord;
}

/**
 * Newest first; `limit` records from `offset` (the runtime asks for one more to
 * know whether a next page exists).
 */
export async function listResponses(
  db: Knex,
  caller: Caller,
  filter: { grid?: string; subject?: string },
  page: { limit: number; offset: number } = { limit: MAX_LIST, offset: 0 },
): Promise<ResponseRecord[]> {
  const query = baseQuery(db, caller).orderBy([
    { column: "r.occurred_on", order: "desc" },
    { column: "r.created_at", order: "desc" },
    // A stable order, so that pages neither repeat nor skip a record.
    { column: "r.id", order: "desc" },
  ]);
  if (filter.grid) query.andWhere("g.code", filter.grid);
  if (filter.subject) {
    if (!isUuid(filter.subject)) return [];
    query.andWhere("r.subject_id", filter.subject);
  }
  return (await query.limit(page.limit).offset(page.offset)).map(toRecord);
}

export const MAX_LIST = 1000;

export async function findResponse(
  db: Knex | Knex.Transaction,
  caller: Caller,
  id: string,
): Promise<ResponseRecord> {
  if (!isUuid(id)) throw notFound("La fiche");
  const row = await baseQuery(db, caller).andWhere("r.id", id).first();
  if (!row) throw notFound("La fiche");
  return toRecord(row);
}

/**
 * Stores a new response. The id is the client's: when it is already stored
 * (a retried submission) the stored record comes back and nothing changes.
 */
export async function createResponse(
  db: Knex,
  caller: Caller,
  input: NewResponse,
): Promise<{ created: boolean; record: ResponseRecord }> {
  const retried = await existingFor(db, caller, input.id);
  if (retried) return { created: false, record: retried };

  const version = await findPublishedVersion(db, input.grid, input.version);
  const subject = await subjectFor(db, caller, version, input.subject);
  const organisationId = subject
    ? serviceForWrite(caller, subject.organisation_id)
    : serviceForWrite(caller, input.organisation);
  const { data, occurredOn } = checkPayload(version, input.data, input.occurred_on);

  return db.transaction(async (trx) => {
    // Two identical retries racing each other: the loser finds the winner's row.
    const inserted = await trx("responses")
      .insert({
        id: input.id,
        grid_id: version.gridId,
        grid_version_id: version.id,
        subject_id: subject?.id ?? null,
        organisation_id: organisationId,
        author_id: caller.userId,
        occurred_on: occurredOn,
        data: JSON.stringify(data),
      })
      .onConflict("id")
      .ignore()
      .returning("id");
    if (inserted.length === 0) {
      const record = await existingFor(trx, caller, input.id);
      if (!record) throw apiError("id_conflict");
      return { created: false, record };
    }
    await trx("response_revisions").insert({
      response_id: input.id,
      revision: 1,
      grid_version_id: version.id,
      data: JSON.stringify(data),
      status: "submitted",
      occurred_on: occurredOn,
      author_id: caller.userId,
    });
    await audit(trx, caller, {
      action: "response.create",
      organisationId,
      targetType: "response",
      targetId: input.id,
      details: { grid: version.code, version: version.number },
    });
    return { created: true, record: await findResponse(trx, caller, input.id) };
  });
}

/** The stored record behind a retried id; an id used elsewhere is a conflict. */
async function existingFor(db: Knex | Knex.Transaction, caller: Caller, id: string) {
  if (!isUuid(id)) {
    throw new ApiError("invalid_request", {
      errors: [{ field: "id", message: "L'identifiant doit être un UUID créé par le client." }],
    });
  }
  const stored = await db("responses").where({ id }).first("id");
  if (!stored) return null;
  try {
    return await findResponse(db, caller, id);
  } catch {
    // Stored, but outside the caller's branch: say nothing about it.
    throw apiError("id_conflict");
  }
}

async function subjectFor(
  db: Knex,
  caller: Caller,
  version: GridVersion,
  subjectId: string | undefined,
) {
  if (version.subject === "none") {
    if (subjectId !== undefined) {
      throw invalid("subject", "Cette grille ne concerne pas un jeune : retirez le champ subject.");
    }
    return null;
  }
  const wording = SUBJECT_WORDING[version.subject];
  if (subjectId === undefined) {
    throw invalid(
      "subject",
      `Cette grille se remplit pour ${wording.one} : ${wording.choose} d'abord.`,
    );
  }
  let subject;
  try {
    subject = await findSubject(db, caller, subjectId);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") {
      throw invalid(
        "subject",
        `${wording.this} n'existe pas ou n'est pas suivi·e par votre service.`,
      );
    }
    throw error;
  }
  if (subject.kind !== version.subject) {
    throw invalid("subject", "Le dossier choisi n'est pas du type attendu par cette grille.");
  }
  return subject;
}

const SUBJECT_WORDING = {
  youth: { one: "un jeune", this: "Ce jeune", choose: "choisissez-le" },
  family: { one: "une famille", this: "Cette famille", choose: "choisissez-la" },
  action: {
    one: "une action collective",
    this: "Cette action collective",
    choose: "choisissez-la",
  },
} as const;

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid_request", { errors: [{ field, message }] });
}

/** Validates answers and the record's date; throws 400 with every faulty field. */
function checkPayload(version: GridVersion, rawData: unknown, rawDate: unknown) {
  const result = validateAgainstVersion(version, rawData);
  const errors: FieldError[] = result.ok ? [] : result.errors;
  if (rawDate !== undefined && !isCalendarDate(rawDate)) {
    errors.push({ field: "occurred_on", message: "La date doit être au format AAAA-MM-JJ." });
  }
  if (!result.ok || errors.length > 0) throw new ApiError("invalid_response", { errors });
  const fromAnswers = version.dateQuestion ? result.data[version.dateQuestion] : undefined;
  const occurredOn =
    (rawDate as string | undefined) ??
    (isCalendarDate(fromAnswers) ? fromAnswers : undefined) ??
    todayInFrance();
  return { data: result.data, occurredOn };
}

/**
 * Writes the next revision of a stored response (its row and its history
 * line) and returns its number. The revision check and the write are one
 * statement, so two saves of the same revision cannot both succeed: the
 * second gets 409 and nothing is written.
 */
async function writeRevision(
  trx: Knex.Transaction,
  caller: Caller,
  current: ResponseRecord,
  change: { sentRevision: number; versionId: number; data: unknown; occurredOn: string },
): Promise<number> {
  const next = change.sentRevision + 1;
  const updated = await trx("responses")
    .where({ id: current.id, revision: change.sentRevision })
    .update({
      grid_version_id: change.versionId,
      data: JSON.stringify(change.data),
      occurred_on: change.occurredOn,
      revision: next,
      updated_at: trx.fn.now(),
    })
    .returning("id");
  if (updated.length === 0) {
    const latest = await trx("responses").where({ id: current.id }).first("revision");
    throw new ApiError("stale_revision", {
      current: latest?.revision ?? 0,
      sent: change.sentRevision,
    });
  }
  await trx("response_revisions").insert({
    response_id: current.id,
    revision: next,
    grid_version_id: change.versionId,
    data: JSON.stringify(change.data),
    status: current.status,
    occurred_on: change.occurredOn,
    author_id: caller.userId,
  });
  return next;
}

/**
 * Saves a new revision of a response. The caller names the revision they
 * started from; if someone saved since, nothing is written and 409 comes back.
 */
export async function updateResponse(
  db: Knex,
  caller: Caller,
  id: string,
  input: { revision: unknown; data: unknown; occurred_on?: unknown },
): Promise<ResponseRecord> {
  if (!Number.isInteger(input.revision)) {
    throw invalid("revision", "Indiquez la révision de la fiche que vous avez modifiée.");
  }
  const current = await findResponse(db, caller, id);
  serviceForWrite(caller, current.organisation_id);
  const version = await findVersionById(db, current.grid_version_id);
  const { data, occurredOn } = checkPayload(
    version,
    input.data,
    input.occurred_on ?? current.occurred_on,
  );

  return db.transaction(async (trx) => {
    const next = await writeRevision(trx, caller, current, {
      sentRevision: input.revision as number,
      versionId: version.id,
      data,
      occurredOn,
    });
    await audit(trx, caller, {
      action: "response.update",
      organisationId: current.organisation_id,
      targetType: "response",
      targetId: id,
      details: { revision: next },
    });
    return findResponse(trx, caller, id);
  });
}

export async function listRevisions(db: Knex, caller: Caller, id: string) {
  await findResponse(db, caller, id);
  return db("response_revisions")
    .where({ response_id: id })
    .orderBy("revision")
    .select(
      "revision",
      "grid_version_id",
      "occurred_on",
      "status",
      "author_id",
      "created_at",
      "data",
    );
}

/**
 * Moves a record filled on an older version to the grid's newest published
 * version: its answers (or the corrected ones sent with the move) are
 * validated against that version, and the move is a new revision like any
 * edit, so the older one stays readable with its own version.
 */
export async function migrateResponse(
  db: Knex,
  caller: Caller,
  id: string,
  input: { revision: unknown; data?: unknown },
): Promise<ResponseRecord> {
  // Scope first: a record outside the caller's branch is 404 whatever the body says.
  const current = await findResponse(db, caller, id);
  serviceForWrite(caller, current.organisation_id);
  if (!Number.isInteger(input.revision)) {
    throw invalid("revision", "Indiquez la révision de la fiche que vous déplacez.");
  }
  const newest = await findPublishedVersion(db, current.grid);
  if (newest.id === current.grid_version_id) {
    throw invalid("revision", "Cette fiche utilise déjà la dernière version de la grille.");
  }
  const { data, occurredOn } = checkPayload(
    newest,
    input.data ?? current.data,
    current.occurred_on,
  );

  return db.transaction(async (trx) => {
    const next = await writeRevision(trx, caller, current, {
      sentRevision: input.revision as number,
      versionId: newest.id,
      data,
      occurredOn,
    });
    await audit(trx, caller, {
      action: "response.migrate",
      organisationId: current.organisation_id,
      targetType: "response",
      targetId: id,
      details: { revision: next, from: current.version, to: newest.number },
    });
    return findResponse(trx, caller, id);
  });
}
