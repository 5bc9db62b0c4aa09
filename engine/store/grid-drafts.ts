import type { Knex } from "knex";
import type { Caller } from "../access/caller.ts";
import { audit } from "../access/audit.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { diffSurveys, type GridChange } from "../grid/diff.ts";
import { checkCompatibility, type CompatibilityBreak } from "../grid/compatibility.ts";
import { hasLintErrors, lintGrid, type LintFinding } from "../grid/lint.ts";
import { deriveJsonSchema } from "../grid/schema.ts";
import { CODE_PATTERN, GRID_SUBJECTS, type GridSubject, type SurveyJson } from "../grid/types.ts";

// Drafts of grids and their publication. A grid has at most one draft (a
// grid_versions row with status 'draft'); each save bumps its revision and
// keeps a copy in grid_draft_revisions, so a stale save can be shown what
// changed since its base. Publishing turns the draft row into the next
// published version. Callers are checked by the routes (engine/access/grid-roles.ts).

export type GridRow = { id: number; code: string; title: string; subject: GridSubject };

export type Draft = {
  code: string;
  title: string;
  subject: GridSubject;
  revision: number;
  survey: SurveyJson;
  updatedAt: string;
  updatedBy: string | null;
  /** The newest published version number, null for a grid never published. */
  newestPublished: number | null;
};

type Db = Knex | Knex.Transaction;

const UNIQUE_VIOLATION = "23505";

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : value;
}

export async function findGrid(db: Db, code: string): Promise<GridRow> {
  const row = await db("grids").where({ code }).first("id", "code", "title", "subject");
  if (!row) throw notFound(`La grille « ${code} »`);
  return row;
}

async function newestPublished(
  db: Db,
  gridId: number,
): Promise<{ number: number; survey: SurveyJson } | undefined> {
  return db("grid_versions")
    .where({ grid_id: gridId, status: "published" })
    .orderBy("number", "desc")
    .first("number", "survey");
}

export async function publishedHistory(
  db: Db,
  gridId: number,
): Promise<{ number: number; survey: SurveyJson }[]> {
  return db("grid_versions")
    .where({ grid_id: gridId, status: "published" })
    .orderBy("number")
    .select("number", "survey");
}

export async function findDraft(db: Db, code: string): Promise<Draft | null> {
  const grid = await findGrid(db, code);
  const row = await db("grid_versions as v")
    .leftJoin("users as u", "u.id", "v.author_id")
    .where({ "v.grid_id": grid.id, "v.status": "draft" })
    .first("v.revision", "v.survey", "v.updated_at", "u.display_name");
  if (!row) return null;
  const newest = await newestPublished(db, grid.id);
  return {
    code: grid.code,
    title: grid.title,
    subject: grid.subject,
    revision: row.revision,
    survey: row.survey,
    updatedAt: iso(row.updated_at)!,
    updatedBy: row.display_name ?? null,
    newestPublished: newest?.number ?? null,
  };
}

export async function requireDraft(db: Db, code: string): Promise<Draft> {
  const draft = await findDraft(db, code);
  if (!draft) throw notFound(`Le brouillon de « ${code} »`);
  return draft;
}

/** The linter on a draft: the grid's own code, title and subject around the survey. */
export function lintDraft(
  grid: Pick<GridRow, "code" | "title" | "subject">,
  survey: unknown,
): LintFinding[] {
  const dateQuestion = (survey as SurveyJson | null)?.bdcDateQuestion;
  return lintGrid({
    code: grid.code,
    title: grid.title,
    subject: grid.subject,
    survey,
    dateQuestion,
  });
}

/** 422 `lint_failed` with the error findings, when there is any. */
export function refuseLintErrors(findings: LintFinding[]): void {
  const errors = findings.filter((f) => f.severity === "error");
  if (hasLintErrors(findings)) {
    throw new ApiError("lint_failed", {
      findings: errors.map(({ path, code, message, question }) => ({
        path,
        code,
        message,
        question,
      })),
    });
  }
}

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid_request", { errors: [{ field, message }] });
}

function asSurvey(value: unknown): SurveyJson {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalid("survey", "Le questionnaire (« survey ») doit être un objet JSON SurveyJS.");
  }
  return { ...(value as SurveyJson), locale: (value as SurveyJson).locale ?? "fr" };
}

async function insertDraft(
  trx: Knex.Transaction,
  caller: Caller,
  gridId: number,
  survey: SurveyJson,
): Promise<void> {
  const [row] = await trx("grid_versions")
    .insert({
      grid_id: gridId,
      status: "draft",
      survey: JSON.stringify(survey),
      author_id: caller.userId,
      revision: 1,
    })
    .returning("id");
  await trx("grid_draft_revisions").insert({
    version_id: row.id,
    revision: 1,
    survey: JSON.stringify(survey),
    author_id: caller.userId,
  });
}

export type NewGrid = { code: unknown; title: unknown; subject: unknown; survey: unknown };

/** A grid the product did not ship with: its first draft, no published version. */
export async function createGrid(db: Knex, caller: Caller, input: NewGrid): Promise<Draft> {
  if (typeof input.code !== "string" || !CODE_PATTERN.test(input.code)) {
    throw invalid(
      "code",
      "Le code de la grille s'écrit en minuscules sans accents, chiffres et « _ », en commençant par une lettre.",
    );
  }
  if (typeof input.title !== "string" || input.title.trim() === "")
    throw invalid("title", "Donnez un titre à la grille.");
  if (!GRID_SUBJECTS.includes(input.subject as GridSubject)) {
    throw invalid("subject", "Le sujet doit être youth (un jeune), family, action ou none.");
  }
  const grid = {
    code: input.code,
    title: input.title.trim(),
    subject: input.subject as GridSubject,
  };
  const survey = asSurvey(input.survey ?? { pages: [] });
  refuseLintErrors(lintDraft(grid, survey));

  await db.transaction(async (trx) => {
    const inserted = await trx("grids")
      .insert({ ...grid, created_by: caller.userId })
      .onConflict("code")
      .ignore()
      .returning("id");
    if (inserted.length === 0) throw new ApiError("grid_exists", { code: grid.code });
    await insertDraft(trx, caller, inserted[0].id, survey);
    await audit(trx, caller, {
      action: "grid.create",
      targetType: "grid",
      targetId: grid.code,
      details: { title: grid.title },
    });
  });
  return requireDraft(db, grid.code);
}

/** The grid's draft, made from its newest published version when there is none. */
export async function ensureDraft(
  db: Knex,
  caller: Caller,
  code: string,
): Promise<{ draft: Draft; created: boolean }> {
  const existing = await findDraft(db, code);
  if (existing) return { draft: existing, created: false };
  let created = false;
  try {
    created = await db.transaction(async (trx) => {
      const grid = await findGrid(trx, code);
      const newest = await newestPublished(trx, grid.id);
      await insertDraft(trx, caller, grid.id, newest?.survey ?? { locale: "fr", pages: [] });
      await audit(trx, caller, {
        action: "grid.draft.create",
        targetType: "grid",
        targetId: code,
        details: { from: newest?.number ?? null },
      });
      return true;
    });
  } catch (error) {
    // Another caller made the draft in the meantime: the one-draft index refused ours; theirs is the draft.
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
  }
  return { draft: await requireDraft(db, code), created };
}

/** The draft's survey at a past revision, when it is still the same draft. */
async function draftAt(db: Db, gridId: number, revision: number): Promise<SurveyJson | undefined> {
  const row = await db("grid_draft_revisions as r")
    .join("grid_versions as v", "v.id", "r.version_id")
    .where({ "v.grid_id": gridId, "v.status": "draft", "r.revision": revision })
    .first("r.survey");
  return row?.survey;
}

export type SavedDraft = {
  draft: Draft;
  findings: LintFinding[];
  compatibility: CompatibilityBreak[];
};

/**
 * Saves the draft if nobody saved since `revision`; otherwise 409 with the
 * changes made since then. Lint errors refuse the save (422); warnings and
 * the compatibility rules broken so far come back with the saved draft.
 */
export async function saveDraft(
  db: Knex,
  caller: Caller,
  code: string,
  input: { survey: unknown; revision: unknown },
): Promise<SavedDraft> {
  if (!Number.isInteger(input.revision)) {
    throw invalid("revision", "Indiquez la révision du brouillon que vous avez modifiée.");
  }
  const revision = input.revision as number;
  const survey = asSurvey(input.survey);
  const grid = await findGrid(db, code);
  const findings = lintDraft(grid, survey);
  refuseLintErrors(findings);

  await db.transaction(async (trx) => {
    // The revision check and the write are one statement: two saves of one revision cannot both pass.
    const updated = await trx("grid_versions")
      .where({ grid_id: grid.id, status: "draft", revision })
      .update({
        survey: JSON.stringify(survey),
        revision: revision + 1,
        author_id: caller.userId,
        updated_at: trx.fn.now(),
      })
      .returning("id");
    if (updated.length === 0) throw await staleDraft(trx, grid, revision);
    await trx("grid_draft_revisions").insert({
      version_id: updated[0].id,
      revision: revision + 1,
      survey: JSON.stringify(survey),
      author_id: caller.userId,
    });
    await audit(trx, caller, {
      action: "grid.draft.save",
      targetType: "grid",
      targetId: code,
      details: { revision: revision + 1 },
    });
  });
  const compatibility = checkCompatibility(await publishedHistory(db, grid.id), survey);
  return { draft: await requireDraft(db, code), findings, compatibility };
}

async function staleDraft(trx: Knex.Transaction, grid: GridRow, sent: number): Promise<ApiError> {
  const current = await trx("grid_versions")
    .where({ grid_id: grid.id, status: "draft" })
    .first("revision", "survey");
  if (!current) return notFound(`Le brouillon de « ${grid.code} »`);
  const base = await draftAt(trx, grid.id, sent);
  const changes: GridChange[] = base ? diffSurveys(base, current.survey) : [];
  return new ApiError("stale_revision", { current: current.revision, sent, changes });
}

export type PublishedSummary = {
  code: string;
  number: number;
  note: string;
  publishedAt: string;
  author: string;
  changes: GridChange[];
};

/**
 * Publishes the draft as the next version: linted, checked against every
 * published version, frozen with its schema, its diff to the previous
 * version, its author, date and note. Nothing touches stored records.
 */
export async function publishDraft(
  db: Knex,
  caller: Caller,
  code: string,
  input: { note: unknown; revision?: unknown },
): Promise<PublishedSummary> {
  if (typeof input.note !== "string" || input.note.trim() === "") {
    throw invalid("note", "Écrivez une note de version : ce qui change et pourquoi.");
  }
  if (input.revision !== undefined && !Number.isInteger(input.revision)) {
    throw invalid("revision", "La révision est un nombre entier.");
  }
  const note = input.note.trim();
  const grid = await findGrid(db, code);

  return db.transaction(async (trx) => {
    const draft = await trx("grid_versions")
      .where({ grid_id: grid.id, status: "draft" })
      .first("id", "revision", "survey");
    if (!draft) throw notFound(`Le brouillon de « ${code} »`);
    if (input.revision !== undefined && input.revision !== draft.revision) {
      throw await staleDraft(trx, grid, input.revision as number);
    }
    refuseLintErrors(lintDraft(grid, draft.survey));
    const history = await publishedHistory(trx, grid.id);
    const breaks = checkCompatibility(history, draft.survey);
    if (breaks.length > 0) throw new ApiError("incompatible_version", { breaks });

    const previous = history.at(-1);
    const number = (previous?.number ?? 0) + 1;
    const changes = previous ? diffSurveys(previous.survey, draft.survey) : [];
    const now = new Date();
    const updated = await trx("grid_versions")
      .where({ id: draft.id, status: "draft", revision: draft.revision })
      .update({
        status: "published",
        number,
        schema: JSON.stringify(deriveJsonSchema(draft.survey)),
        diff: JSON.stringify(changes),
        note,
        author_id: caller.userId,
        published_at: now,
        updated_at: now,
      })
      .returning("id");
    // Saved or published by someone else between our read and this write.
    if (updated.length === 0) throw await staleDraft(trx, grid, draft.revision);
    await audit(trx, caller, {
      action: "grid.version.publish",
      targetType: "grid",
      targetId: code,
      details: {
        number,
        changes: changes.length,
        breaking: changes.filter((c) => c.class === "breaking").length,
      },
    });
    return {
      code,
      number,
      note,
      publishedAt: now.toISOString(),
      author: caller.displayName,
      changes,
    };
  });
}
