import type { Knex } from "knex";
import { recordReadPrefixes, type Caller } from "../access/caller.ts";
import { inBranches } from "../access/organisations.ts";
import { notFound } from "../http/errors.ts";
import { todayInFrance } from "../response/dates.ts";
import {
  ACCOMPANIMENT_GRID,
  accompanimentPeriods,
  currentAccompaniment,
  SITUATION_GRID,
  situationComparison,
  type AccompanimentPeriod,
  type SituationComparison,
} from "../subject/file.ts";
import { gridLabels, type GridLabels } from "../subject/labels.ts";
import { findSubjectDetail, type SubjectDetail } from "./subject-groups.ts";

// A subject's timeline (every record about them, in date order) and a young
// person's file (identity, accompaniments, situations, timeline), scoped to
// the caller's branch like every read.

export type TimelineEntry = {
  id: string;
  grid: string;
  grid_title: string;
  version: number;
  occurred_on: string;
  created_at: string;
  status: string;
  revision: number;
  /** The subject the record is attached to: the young person, or a family or action they belong to. */
  via: { id: string; kind: "youth" | "family" | "action"; code: string; title: string | null };
  data: Record<string, unknown>;
};

export async function subjectTimeline(
  db: Knex,
  caller: Caller,
  id: string,
): Promise<{ subject: SubjectDetail; timeline: TimelineEntry[] }> {
  const subject = await findSubjectDetail(db, caller, id);
  const rows = await db("responses as r")
    .join("grid_versions as v", "v.id", "r.grid_version_id")
    .join("grids as g", "g.id", "r.grid_id")
    .join("subjects as s", "s.id", "r.subject_id")
    .where((b) => {
      b.where("r.subject_id", subject.id);
      // A young person's timeline also holds the records of their families and actions.
      if (subject.kind === "youth") {
        b.orWhereIn(
          "r.subject_id",
          db("subject_links").where("youth_id", subject.id).select("parent_id"),
        );
      }
    })
    .andWhere(inBranches(db, "r.organisation_id", recordReadPrefixes(caller)))
    .orderBy([
      { column: "r.occurred_on", order: "asc" },
      { column: "r.created_at", order: "asc" },
      { column: "r.id", order: "asc" },
    ])
    .select(
      "r.id",
      "g.code as grid",
      "g.title as grid_title",
      "v.number as version",
      "r.occurred_on",
      "r.created_at",
      "r.status",
      "r.revision",
      "r.data",
      "s.id as via_id",
      "s.kind as via_kind",
      "s.code as via_code",
      "s.title as via_title",
    );
  const timeline = rows.map((row) => ({
    id: row.id,
    grid: row.grid,
    grid_title: row.grid_title,
    version: row.version,
    occurred_on: row.occurred_on,
    created_at: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
    status: row.status,
    revision: row.revision,
    via: { id: row.via_id, kind: row.via_kind, code: row.via_code, title: row.via_title },
    data: row.data,
  }));
  return { subject, timeline };
}

export type YouthFile = {
  subject: SubjectDetail;
  current_accompaniment: AccompanimentPeriod | null;
  accompaniments: AccompanimentPeriod[];
  situations: SituationComparison;
  timeline: TimelineEntry[];
};

export async function youthFile(
  db: Knex,
  caller: Caller,
  id: string,
  today: string = todayInFrance(),
): Promise<YouthFile> {
  const { subject, timeline } = await subjectTimeline(db, caller, id);
  if (subject.kind !== "youth") throw notFound("Le jeune");
  const own = timeline.filter((entry) => entry.via.id === subject.id);
  const periods = accompanimentPeriods(own, await labelsOf(db, ACCOMPANIMENT_GRID), today);
  return {
    subject,
    current_accompaniment: currentAccompaniment(periods),
    accompaniments: periods,
    situations: situationComparison(own, await labelsOf(db, SITUATION_GRID)),
    timeline,
  };
}

async function labelsOf(db: Knex, grid: string): Promise<GridLabels> {
  const versions = await db("grid_versions as v")
    .join("grids as g", "g.id", "v.grid_id")
    .where({ "g.code": grid, "v.status": "published" })
    .select("v.number", "v.survey");
  return gridLabels(versions);
}
