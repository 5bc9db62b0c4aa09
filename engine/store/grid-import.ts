import type { Knex } from "knex";
import type { Caller } from "../access/caller.ts";
import { ApiError } from "../http/errors.ts";
import { checkCompatibility, type CompatibilityBreak } from "../grid/compatibility.ts";
import { diffSurveys, type GridChange } from "../grid/diff.ts";
import { hasLintErrors, lintGrid, type LintFinding } from "../grid/lint.ts";
import { hasShapeErrors, MAX_JSON_DEPTH, nestsDeeperThan } from "../grid/lint-shape.ts";
import { expandSharedLists } from "../grid/shared-lists.ts";
import type { SurveyJson } from "../grid/types.ts";
import { createGrid, ensureDraft, publishedHistory, saveDraft, type Draft } from "./grid-drafts.ts";
import { readSharedLists } from "./shipped.ts";

// Importing a grid file: our envelope, or a plain SurveyJS document made
// with another SurveyJS tool, wrapped with the code, title and subject given
// beside it. The linter's report comes first; nothing is saved while it has
// errors, nor ever with ?dryRun=1. An existing grid receives the import as its draft.

export type ImportReport = {
  code: string | null;
  exists: boolean;
  findings: LintFinding[];
  compatibility: CompatibilityBreak[];
  changes: GridChange[];
  saved: boolean;
  draft?: Draft;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Body fields win over the file's; a file without `survey` is plain SurveyJS. */
export function envelopeFrom(body: Record<string, unknown>): Record<string, unknown> {
  const file = isObject(body.survey) ? body.survey : {};
  const isEnvelope = isObject(file.survey);
  const base = isEnvelope ? file : { survey: file };
  const envelope: Record<string, unknown> = { ...base };
  for (const key of ["code", "title", "subject", "dateQuestion", "description"]) {
    if (body[key] !== undefined) envelope[key] = body[key];
  }
  return envelope;
}

function withLists(envelope: Record<string, unknown>): LintFinding[] {
  if (!isObject(envelope.survey)) return [];
  // Expanding walks the JSON recursively; the linter reports a survey this deep.
  if (nestsDeeperThan(envelope.survey, MAX_JSON_DEPTH)) return [];
  try {
    envelope.survey = expandSharedLists(envelope.survey, readSharedLists());
    return [];
  } catch (error) {
    return [
      {
        path: "survey",
        code: "invalid_envelope",
        severity: "error",
        message: `${(error as Error).message}.`,
      },
    ];
  }
}

export async function importGrid(
  db: Knex,
  caller: Caller,
  body: Record<string, unknown>,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  const envelope = envelopeFrom(body);
  const findings = [...withLists(envelope), ...lintGrid(envelope)];
  const code = typeof envelope.code === "string" ? envelope.code : null;
  const survey: SurveyJson = {
    ...(isObject(envelope.survey) ? envelope.survey : {}),
    locale: "fr",
  };
  if (typeof envelope.dateQuestion === "string") survey.bdcDateQuestion = envelope.dateQuestion;

  const grid = code ? await db("grids").where({ code }).first("id") : undefined;
  const history = grid ? await publishedHistory(db, grid.id) : [];
  const newest = history.at(-1);
  // Comparing needs a well-formed survey: with shape errors, the findings say it all.
  const comparable = !hasShapeErrors(findings);
  const report: ImportReport = {
    code,
    exists: Boolean(grid),
    findings,
    compatibility: comparable ? checkCompatibility(history, survey) : [],
    changes: comparable && newest ? diffSurveys(newest.survey, survey) : [],
    saved: false,
  };
  if (options.dryRun) return report;
  if (hasLintErrors(findings)) {
    throw new ApiError("lint_failed", {
      findings: findings
        .filter((f) => f.severity === "error")
        .map(({ path, code: c, message, question }) => ({ path, code: c, message, question })),
    });
  }

  if (!grid) {
    const draft = await createGrid(db, caller, {
      code,
      title: envelope.title,
      subject: envelope.subject,
      survey,
    });
    return { ...report, saved: true, draft };
  }
  const { draft, created } = await ensureDraft(db, caller, code!);
  const revision = created ? draft.revision : body.revision;
  const saved = await saveDraft(db, caller, code!, { survey, revision });
  return { ...report, saved: true, draft: saved.draft };
}
