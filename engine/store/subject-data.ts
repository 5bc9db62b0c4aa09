import type { Knex } from "knex";
import { recordReadPrefixes, type Caller } from "../access/caller.ts";
import { inBranches } from "../access/organisations.ts";
import { audit } from "../access/audit.ts";
import { apiError, notFound } from "../http/errors.ts";
import { freeTextFields, stripFreeText, type FreeTextField } from "../grid/free-text.ts";
import type { SurveyJson } from "../grid/types.ts";
import { dataQuestions } from "../grid/walk.ts";
import { itemValue, textOf } from "../grid/items.ts";
import { freeCode, isUuid, type SubjectKind } from "./subjects.ts";

// A young person's rights over their data (GDPR): export everything stored
// about them, anonymise, erase. The service head and the association admin
// answer these requests, within their branch; audit rows stay in every case
// (audit_log has no foreign key to subjects).

const GDPR_ROLES = ["service_head", "association_admin"];

function gdprPrefixes(caller: Caller): string[] {
  return [
    ...new Set(
      caller.roles.filter((r) => GDPR_ROLES.includes(r.role)).map((r) => r.organisationPath),
    ),
  ];
}

const SUBJECT_COLUMNS = [
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
  "details",
  "created_by",
  "created_at",
  "updated_at",
  "anonymised_at",
];

/** The subject if the caller may act on its data; 403 if they only read it, 404 if outside their branch. */
async function subjectForRights(trx: Knex.Transaction, caller: Caller, id: string) {
  if (!isUuid(id)) throw notFound("Le jeune");
  const row = await trx("subjects")
    .where({ id })
    .andWhere(inBranches(trx, "organisation_id", gdprPrefixes(caller)))
    .first(SUBJECT_COLUMNS);
  if (row) return row;
  const readable = await trx("subjects")
    .where({ id })
    .andWhere(inBranches(trx, "organisation_id", recordReadPrefixes(caller)))
    .first("id");
  if (readable) throw apiError("forbidden");
  throw notFound("Le jeune");
}

function iso(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

export type SubjectExport = {
  exported_at: string;
  subject: Record<string, unknown>;
  organisation: { id: number; name: string };
  /** Families and collective actions the young person is linked to (or, for those, their young people). */
  links: { id: string; kind: string; code: string; title: string | null }[];
  responses: ExportedResponse[];
};

export type ExportedResponse = {
  id: string;
  grid: string;
  grid_title: string;
  version: number;
  occurred_on: string;
  status: string;
  revision: number;
  author: string | null;
  created_at: string;
  updated_at: string;
  data: Record<string, unknown>;
  /** Answers typed in the person's own words: flagged so a reader weighs them. */
  free_text: FreeTextField[];
  /** Labels of the questions, for the printable page. */
  labels: Record<string, string>;
  /** Labels of the choices, per question: the page shows words, not codes. */
  choice_labels: Record<string, Record<string, string>>;
  revisions: {
    revision: number;
    version: number;
    occurred_on: string;
    status: string;
    author: string | null;
    created_at: string;
    data: Record<string, unknown>;
  }[];
};

export async function exportSubject(db: Knex, caller: Caller, id: string): Promise<SubjectExport> {
  return db.transaction(async (trx) => {
    const subject = await subjectForRights(trx, caller, id);
    const organisation = await trx("organisations")
      .where({ id: subject.organisation_id })
      .first("id", "name");
    const responses = await trx("responses as r")
      .join("grids as g", "g.id", "r.grid_id")
      .join("grid_versions as v", "v.id", "r.grid_version_id")
      .leftJoin("users as u", "u.id", "r.author_id")
      .where("r.subject_id", id)
      .orderBy([{ column: "r.occurred_on" }, { column: "r.created_at" }])
      .select(
        "r.id",
        "g.code as grid",
        "g.title as grid_title",
        "v.number as version",
        "v.survey",
        "r.occurred_on",
        "r.status",
        "r.revision",
        "u.display_name as author",
        "r.created_at",
        "r.updated_at",
        "r.data",
      );
    const revisions = await trx("response_revisions as rv")
      .join("responses as r", "r.id", "rv.response_id")
      .join("grid_versions as v", "v.id", "rv.grid_version_id")
      .leftJoin("users as u", "u.id", "rv.author_id")
      .where("r.subject_id", id)
      .orderBy(["rv.response_id", "rv.revision"])
      .select(
        "rv.response_id",
        "rv.revision",
        "v.number as version",
        "rv.occurred_on",
        "rv.status",
        "u.display_name as author",
        "rv.created_at",
        "rv.data",
      );
    const links = await trx("subject_links as l")
      .join("subjects as other", function () {
        this.on(
          trx.raw("other.id = case when l.parent_id = ? then l.youth_id else l.parent_id end", [
            id,
          ]),
        );
      })
      .where("l.parent_id", id)
      .orWhere("l.youth_id", id)
      .orderBy("other.code")
      .select("other.id", "other.kind", "other.code", "other.title");
    await audit(trx, caller, {
      action: "subject.export",
      organisationId: subject.organisation_id,
      targetType: "subject",
      targetId: id,
      details: { responses: responses.length },
    });
    return {
      exported_at: new Date().toISOString(),
      subject: Object.fromEntries(Object.entries(subject).map(([k, v]) => [k, iso(v)])),
      organisation: { id: organisation.id, name: organisation.name },
      links,
      responses: responses.map((r) => ({
        id: r.id,
        grid: r.grid,
        grid_title: r.grid_title,
        version: r.version,
        occurred_on: r.occurred_on,
        status: r.status,
        revision: r.revision,
        author: r.author,
        created_at: iso(r.created_at) as string,
        updated_at: iso(r.updated_at) as string,
        data: r.data,
        free_text: freeTextFields(r.survey as SurveyJson),
        labels: labelsOf(r.survey as SurveyJson),
        choice_labels: choiceLabelsOf(r.survey as SurveyJson),
        revisions: revisions
          .filter((rv) => rv.response_id === r.id)
          .map((rv) => ({
            revision: rv.revision,
            version: rv.version,
            occurred_on: rv.occurred_on,
            status: rv.status,
            author: rv.author,
            created_at: iso(rv.created_at) as string,
            data: rv.data,
          })),
      })),
    };
  });
}

function choiceLabelsOf(survey: SurveyJson): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const { element } of dataQuestions(survey)) {
    if (typeof element.name !== "string" || !Array.isArray(element.choices)) continue;
    const labels: Record<string, string> = {};
    for (const item of element.choices) {
      const value = itemValue(item);
      if (value === undefined || value === null) continue;
      const text = typeof item === "object" && item !== null ? textOf(item.text) : undefined;
      labels[String(value)] = text ?? String(value);
    }
    out[element.name] = labels;
  }
  return out;
}

function labelsOf(survey: SurveyJson): Record<string, string> {
  const labels: Record<string, string> = {};
  const visit = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const element of elements) {
      if (element === null || typeof element !== "object") continue;
      const { name, title, elements: inner, templateElements } = element as Record<string, unknown>;
      if (typeof name === "string") {
        const text =
          typeof title === "string" ? title : (title as Record<string, string> | undefined)?.fr;
        labels[name] = typeof text === "string" && text.trim() !== "" ? text : name;
      }
      visit(inner);
      visit(templateElements);
    }
  };
  for (const page of survey.pages ?? [{ elements: survey.elements }]) visit(page?.elements);
  return labels;
}

export type AnonymiseResult = {
  subject: string;
  responses: number;
  revisions: number;
  values_removed: number;
};

/**
 * Blanks what could name a person: first name, birth month, neighbourhood,
 * details, a family's title (often its name), and every free-text answer of
 * every response and revision. Year of birth, sex, commune and coded answers
 * stay for statistics.
 */
export async function anonymiseSubjectIn(
  trx: Knex.Transaction,
  subject: { id: string; organisation_id: number; kind?: string },
  actor: Caller | null,
  reason: string,
): Promise<AnonymiseResult> {
  const surveys = new Map<number, SurveyJson>();
  const surveyOf = async (versionId: number) => {
    if (!surveys.has(versionId)) {
      const row = await trx("grid_versions").where({ id: versionId }).first("survey");
      surveys.set(versionId, row.survey as SurveyJson);
    }
    return surveys.get(versionId)!;
  };
  let removed = 0;
  const responses = await trx("responses")
    .where({ subject_id: subject.id })
    .select("id", "grid_version_id", "data");
  for (const response of responses) {
    const stripped = stripFreeText(await surveyOf(response.grid_version_id), response.data);
    removed += stripped.removed;
    if (stripped.removed > 0) {
      await trx("responses")
        .where({ id: response.id })
        .update({ data: JSON.stringify(stripped.data) });
    }
  }
  const revisions = await trx("response_revisions")
    .whereIn(
      "response_id",
      responses.map((r) => r.id),
    )
    .select("response_id", "revision", "grid_version_id", "data");
  for (const revision of revisions) {
    const stripped = stripFreeText(await surveyOf(revision.grid_version_id), revision.data);
    removed += stripped.removed;
    if (stripped.removed > 0) {
      await trx("response_revisions")
        .where({ response_id: revision.response_id, revision: revision.revision })
        .update({ data: JSON.stringify(stripped.data) });
    }
  }
  // A code the service chose may carry a name (« ZOE-DUPONT-2009 »): a generated one replaces it.
  const kind = (subject.kind ?? "youth") as SubjectKind;
  await trx("subjects")
    .where({ id: subject.id })
    .update({
      code: await freeCode(trx, kind),
      first_name: null,
      birth_month: null,
      neighbourhood: null,
      details: JSON.stringify({}),
      ...(subject.kind === "family" ? { title: null } : {}),
      anonymised_at: trx.fn.now(),
      updated_at: trx.fn.now(),
    });
  const result = {
    subject: subject.id,
    responses: responses.length,
    revisions: revisions.length,
    values_removed: removed,
  };
  await audit(trx, actor, {
    action: "subject.anonymise",
    organisationId: subject.organisation_id,
    targetType: "subject",
    targetId: subject.id,
    details: {
      reason,
      responses: result.responses,
      revisions: result.revisions,
      values_removed: removed,
    },
  });
  return result;
}

export async function anonymiseSubject(
  db: Knex,
  caller: Caller,
  id: string,
): Promise<AnonymiseResult> {
  return db.transaction(async (trx) => {
    const subject = await subjectForRights(trx, caller, id);
    return anonymiseSubjectIn(trx, subject, caller, "request");
  });
}

/** Erases the subject, its responses and their revisions. The audit rows stay. */
export async function deleteSubject(db: Knex, caller: Caller, id: string): Promise<void> {
  await db.transaction(async (trx) => {
    const subject = await subjectForRights(trx, caller, id);
    const responseIds = trx("responses").where({ subject_id: id }).select("id");
    const revisions = await trx("response_revisions").whereIn("response_id", responseIds).delete();
    const responses = await trx("responses").where({ subject_id: id }).delete();
    await trx("subjects").where({ id }).delete();
    await audit(trx, caller, {
      action: "subject.delete",
      organisationId: subject.organisation_id,
      targetType: "subject",
      targetId: id,
      details: { responses, revisions },
    });
  });
}
