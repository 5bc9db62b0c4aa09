import type { Knex } from "knex";
import { ApiError, notFound } from "../http/errors.ts";
import { diffSurveys, type GridChange } from "../grid/diff.ts";
import type { GridSubject, SurveyJson } from "../grid/types.ts";
import { findGrid } from "./grid-drafts.ts";

// What the designer reads about grids: the catalogue with every version and
// draft, and the diff between two versions with its impact on stored
// records and table definitions. Counts only: no record leaves here.

export type VersionEntry = {
  number: number;
  publishedAt: string;
  note: string | null;
  author: string | null;
};

export type CatalogueEntry = {
  code: string;
  title: string;
  subject: GridSubject;
  versions: VersionEntry[];
  draft: { revision: number; updatedAt: string; updatedBy: string | null } | null;
  openProposals: number;
};

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

export async function gridCatalogue(db: Knex): Promise<CatalogueEntry[]> {
  const grids = await db("grids").orderBy("code").select("id", "code", "title", "subject");
  const versions = await db("grid_versions as v")
    .leftJoin("users as u", "u.id", "v.author_id")
    .orderBy(["v.grid_id", "v.number"])
    .select(
      "v.grid_id",
      "v.number",
      "v.status",
      "v.revision",
      "v.published_at",
      "v.updated_at",
      "v.note",
      "u.display_name",
    );
  const proposals = await db("grid_proposals")
    .where({ status: "open" })
    .groupBy("grid_id")
    .select("grid_id", db.raw("count(*)::int as n"));

  return grids.map((grid) => {
    const own = versions.filter((v) => v.grid_id === grid.id);
    const draft = own.find((v) => v.status === "draft");
    return {
      code: grid.code,
      title: grid.title,
      subject: grid.subject,
      versions: own
        .filter((v) => v.status === "published")
        .map((v) => ({
          number: v.number,
          publishedAt: iso(v.published_at),
          note: v.note,
          author: v.display_name ?? null,
        })),
      draft: draft
        ? {
            revision: draft.revision,
            updatedAt: iso(draft.updated_at),
            updatedBy: draft.display_name ?? null,
          }
        : null,
      openProposals: Number(proposals.find((p) => p.grid_id === grid.id)?.n ?? 0),
    };
  });
}

/** `N` (a published number) or `draft`. */
export type VersionRef = number | "draft";

export function parseVersionRef(raw: unknown, field: string): VersionRef {
  if (raw === "draft") return "draft";
  const number = Number(raw);
  if (typeof raw === "string" && Number.isInteger(number) && number >= 1) return number;
  throw new ApiError("invalid_request", {
    errors: [
      { field, message: "Indiquez un numéro de version publiée, ou « draft » pour le brouillon." },
    ],
  });
}

export async function surveyAt(
  db: Knex,
  gridId: number,
  code: string,
  ref: VersionRef,
): Promise<SurveyJson> {
  const query = db("grid_versions").where({ grid_id: gridId });
  if (ref === "draft") query.andWhere({ status: "draft" });
  else query.andWhere({ status: "published", number: ref });
  const row = await query.first("survey");
  if (!row)
    throw notFound(
      ref === "draft" ? `Le brouillon de « ${code} »` : `La version ${ref} de « ${code} »`,
    );
  return row.survey;
}

export type Impact = {
  /** Records of each version holding an answer under the code. */
  records: { version: number; count: number }[];
  /** For choice changes: records of each version holding that choice. */
  choices?: Record<string, { version: number; count: number }[]>;
  tables: { code: string; title: string }[];
};

async function recordsHolding(db: Knex, gridId: number, code: string, choice?: string) {
  const query = db("responses as r")
    .join("grid_versions as v", "v.id", "r.grid_version_id")
    .where("r.grid_id", gridId)
    .groupBy("v.number")
    .orderBy("v.number")
    .select("v.number as version", db.raw("count(*)::int as count"));
  // jsonb_exists, not the `?` operator: knex would read `?` as a binding (deps.md P19).
  if (choice === undefined) query.whereRaw("jsonb_exists(r.data, ?)", [code]);
  else {
    query.whereRaw("(r.data @> ?::jsonb or r.data @> ?::jsonb)", [
      JSON.stringify({ [code]: choice }),
      JSON.stringify({ [code]: [choice] }),
    ]);
  }
  return (await query).map((row: { version: number; count: number }) => ({
    version: row.version,
    count: Number(row.count),
  }));
}

/** Question codes named anywhere in a table definition (`question` keys). */
function questionsOf(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => questionsOf(item, out));
  else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "question" && typeof child === "string") out.add(child);
      else questionsOf(child, out);
    }
  }
  return out;
}

export async function impactOf(
  db: Knex,
  grid: { id: number; code: string },
  changes: readonly GridChange[],
) {
  const tables = (await db("table_definitions").select("code", "title", "definition")).filter(
    (t: { definition: { grid?: string } }) => t.definition?.grid === grid.code,
  );
  const impact: Record<string, Impact> = {};
  for (const change of changes) {
    if (!impact[change.code]) {
      impact[change.code] = {
        records: await recordsHolding(db, grid.id, change.code),
        tables: tables
          .filter((t: { definition: unknown }) =>
            questionsOf(t.definition, new Set()).has(change.code),
          )
          .map((t: { code: string; title: string }) => ({ code: t.code, title: t.title })),
      };
    }
    if (
      change.choice !== undefined &&
      change.list === "choices" &&
      change.kind !== "choice_added"
    ) {
      const entry = impact[change.code]!;
      entry.choices ??= {};
      entry.choices[change.choice] ??= await recordsHolding(
        db,
        grid.id,
        change.code,
        change.choice,
      );
    }
  }
  return impact;
}

export async function diffVersions(
  db: Knex,
  code: string,
  from: VersionRef,
  to: VersionRef,
  options: { impact: boolean },
) {
  const grid = await findGrid(db, code);
  const changes = diffSurveys(
    await surveyAt(db, grid.id, code, from),
    await surveyAt(db, grid.id, code, to),
  );
  return {
    from,
    to,
    changes,
    impact: options.impact ? await impactOf(db, grid, changes) : undefined,
  };
}

/** The grid as an envelope file: what `definitions/grids/*.json` holds. */
export async function exportGrid(db: Knex, code: string, ref: VersionRef) {
  const grid = await findGrid(db, code);
  const { bdcDateQuestion, ...survey } = await surveyAt(db, grid.id, code, ref);
  const envelope: Record<string, unknown> = {
    code: grid.code,
    subject: grid.subject,
    title: grid.title,
  };
  if (typeof bdcDateQuestion === "string") envelope.dateQuestion = bdcDateQuestion;
  envelope.survey = survey;
  return envelope;
}
