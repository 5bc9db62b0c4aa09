import crypto from "node:crypto";
import type { Knex } from "knex";
import type { SurveyElement, SurveyJson } from "../../engine/grid/types.ts";

// Builds table datasets straight in a test database: published versions made
// from the newest one, young people and records with known answers. Records
// skip the API's validation on purpose: a table test states its data exactly.

export async function organisationId(db: Knex, code: string): Promise<number> {
  const row = await db("organisations").where({ code }).first("id");
  if (!row) throw new Error(`no organisation ${code}`);
  return row.id;
}

/** Publishes a new version of `grid`, made by `change` from a copy of the newest one. */
export async function publishVersion(
  db: Knex,
  grid: string,
  change: (elements: SurveyElement[]) => SurveyElement[],
): Promise<{ id: number; number: number }> {
  const newest = await db("grid_versions as v")
    .join("grids as g", "g.id", "v.grid_id")
    .where({ "g.code": grid, "v.status": "published" })
    .orderBy("v.number", "desc")
    .first("v.grid_id", "v.number", "v.survey");
  const survey = structuredClone(newest.survey) as SurveyJson;
  const pages = survey.pages!;
  const all = pages.flatMap((p) => p.elements ?? []);
  const changed = change(all);
  pages.forEach((p, i) => (p.elements = i === 0 ? changed : []));
  const [row] = await db("grid_versions")
    .insert({
      grid_id: newest.grid_id,
      number: newest.number + 1,
      status: "published",
      survey: JSON.stringify(survey),
      published_at: new Date(),
    })
    .returning(["id", "number"]);
  return row;
}

export async function versionId(db: Knex, grid: string, number: number): Promise<number> {
  const row = await db("grid_versions as v")
    .join("grids as g", "g.id", "v.grid_id")
    .where({ "g.code": grid, "v.number": number })
    .first("v.id");
  return row.id;
}

export type YouthInput = {
  organisation: string;
  sex?: string | null;
  birth_year?: number | null;
  birth_month?: number | null;
  commune?: string | null;
};

export async function insertYouth(db: Knex, input: YouthInput): Promise<string> {
  const id = crypto.randomUUID();
  await db("subjects").insert({
    id,
    kind: "youth",
    organisation_id: await organisationId(db, input.organisation),
    code: `J-${id.slice(0, 8)}`,
    sex: input.sex ?? null,
    birth_year: input.birth_year ?? null,
    birth_month: input.birth_month ?? null,
    commune: input.commune ?? null,
  });
  return id;
}

export type RecordInput = {
  grid: string;
  version?: number;
  organisation: string;
  subject?: string;
  occurred_on: string;
  data: Record<string, unknown>;
};

export async function insertRecord(db: Knex, input: RecordInput): Promise<string> {
  const grid = await db("grids").where({ code: input.grid }).first("id");
  const author = await db("users").orderBy("id").first("id");
  const id = crypto.randomUUID();
  await db("responses").insert({
    id,
    grid_id: grid.id,
    grid_version_id: await versionId(db, input.grid, input.version ?? 1),
    subject_id: input.subject ?? null,
    organisation_id: await organisationId(db, input.organisation),
    author_id: author.id,
    occurred_on: input.occurred_on,
    data: JSON.stringify(input.data),
  });
  return id;
}
