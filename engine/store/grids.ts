import type { Knex } from "knex";
import type { GridEnvelope, GridSubject, SurveyJson } from "../grid/types.ts";
import { deriveJsonSchema, type JsonSchema } from "../grid/schema.ts";
import { audit } from "../access/audit.ts";
import { notFound } from "../http/errors.ts";

// Grids and their published versions. Drafts, diffs and proposals come with
// the designer; this module serves the runtime and the first import.

export type GridSummary = {
  code: string;
  title: string;
  subject: GridSubject;
  versions: { number: number; publishedAt: string; note: string | null }[];
};

export type GridVersion = {
  id: number;
  gridId: number;
  code: string;
  title: string;
  subject: GridSubject;
  dateQuestion?: string;
  number: number | null;
  status: "draft" | "published";
  survey: SurveyJson;
  schema: JsonSchema | null;
  note: string | null;
  publishedAt: string | null;
};

export async function listGrids(db: Knex): Promise<GridSummary[]> {
  const grids = await db("grids").orderBy("code").select("id", "code", "title", "subject");
  const versions = await db("grid_versions")
    .where({ status: "published" })
    .orderBy(["grid_id", "number"])
    .select("grid_id", "number", "published_at", "note");
  return grids.map((grid) => ({
    code: grid.code,
    title: grid.title,
    subject: grid.subject,
    versions: versions
      .filter((v) => v.grid_id === grid.id)
      .map((v) => ({ number: v.number, publishedAt: iso(v.published_at), note: v.note })),
  }));
}

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

function versionQuery(db: Knex | Knex.Transaction) {
  return db("grid_versions as v")
    .join("grids as g", "g.id", "v.grid_id")
    .select(
      "v.id",
      "v.grid_id",
      "g.code",
      "g.title",
      "g.subject",
      "v.number",
      "v.status",
      "v.survey",
      "v.schema",
      "v.note",
      "v.published_at",
    );
}

function toVersion(row: Record<string, any>): GridVersion {
  const survey = row.survey as SurveyJson & { dateQuestion?: string };
  return {
    id: row.id,
    gridId: row.grid_id,
    code: row.code,
    title: row.title,
    subject: row.subject,
    dateQuestion: survey.bdcDateQuestion as string | undefined,
    number: row.number,
    status: row.status,
    survey,
    schema: row.schema,
    note: row.note,
    publishedAt: row.published_at ? iso(row.published_at) : null,
  };
}

/** A published version, or the newest one when `number` is undefined. */
export async function findPublishedVersion(
  db: Knex | Knex.Transaction,
  code: string,
  number?: number,
): Promise<GridVersion> {
  const query = versionQuery(db).where({ "g.code": code, "v.status": "published" });
  if (number === undefined) query.orderBy("v.number", "desc");
  else query.andWhere("v.number", number);
  const row = await query.first();
  if (!row) {
    throw notFound(
      number === undefined ? `La grille « ${code} »` : `La version ${number} de « ${code} »`,
    );
  }
  return toVersion(row);
}

export async function findVersionById(
  db: Knex | Knex.Transaction,
  id: number,
): Promise<GridVersion> {
  const row = await versionQuery(db).where("v.id", id).first();
  if (!row) throw notFound("La version de grille");
  return toVersion(row);
}

/**
 * Publishes each shipped grid that the database does not hold yet as its
 * version 1. Grids already there are left alone: from then on the COPIL owns them.
 */
export async function importShippedGrids(db: Knex, envelopes: GridEnvelope[]): Promise<string[]> {
  const imported: string[] = [];
  for (const envelope of envelopes) {
    await db.transaction(async (trx) => {
      const existing = await trx("grids").where({ code: envelope.code }).first("id");
      if (existing) return;
      const [grid] = await trx("grids")
        .insert({ code: envelope.code, title: envelope.title, subject: envelope.subject })
        .returning("id");
      const survey = withEnvelopeSettings(envelope);
      const now = new Date();
      await trx("grid_versions").insert({
        grid_id: grid.id,
        number: 1,
        status: "published",
        survey: JSON.stringify(survey),
        schema: JSON.stringify(deriveJsonSchema(survey)),
        note: "Version livrée avec la BDC.",
        published_at: now,
      });
      await audit(trx, null, {
        action: "grid.version.publish",
        targetType: "grid",
        targetId: envelope.code,
        details: { number: 1, source: "shipped" },
      });
      imported.push(envelope.code);
    });
  }
  return imported;
}

/**
 * The stored survey carries the envelope's settings that the runtime needs
 * (the question giving the record's date), so a version is self-contained.
 */
function withEnvelopeSettings(envelope: GridEnvelope): SurveyJson {
  const survey: SurveyJson = { ...envelope.survey, locale: "fr" };
  if (envelope.dateQuestion) survey.bdcDateQuestion = envelope.dateQuestion;
  return survey;
}
