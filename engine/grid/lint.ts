import { textOf } from "./items.ts";
import { lintCodes } from "./lint-codes.ts";
import { lintExpressions } from "./lint-expressions.ts";
import { finding, nameOf, surveyPath, whereOf, type LintFinding } from "./lint-finding.ts";
import { hasShapeErrors, lintShape } from "./lint-shape.ts";
import { lintPersonalData } from "./lint-personal-data.ts";
import { CODE_PATTERN, GRID_SUBJECTS, SUPPORTED_TYPES, type SurveyJson } from "./types.ts";
import { walkSurvey, type WalkedElement } from "./walk.ts";

export type { LintCode, LintFinding, LintSeverity } from "./lint-finding.ts";

// Checks a grid envelope before it is saved. Findings carry a path into the
// envelope (`survey.pages[1].elements[3].name`) and a French message; a grid
// with any "error" finding cannot be published.

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function lintEnvelope(envelope: Record<string, unknown>): LintFinding[] {
  const out: LintFinding[] = [];
  const { code, title, subject, survey } = envelope;
  if (typeof code !== "string" || !CODE_PATTERN.test(code)) {
    out.push(finding("invalid_grid_code", "code", { code: typeof code === "string" ? code : "" }));
  }
  if (typeof title !== "string" || title.trim() === "")
    out.push(finding("missing_grid_title", "title", {}));
  if (!GRID_SUBJECTS.includes(subject as never)) {
    out.push(finding("invalid_subject", "subject", { subject: String(subject ?? "") }));
  }
  if (!isObject(survey)) out.push(finding("missing_survey", "survey", {}));
  return out;
}

function lintTypesAndTitles(elements: readonly WalkedElement[]): LintFinding[] {
  const out: LintFinding[] = [];
  for (const walked of elements) {
    const path = surveyPath(walked.path);
    const code = nameOf(walked);
    if (!(SUPPORTED_TYPES as readonly string[]).includes(walked.type)) {
      const details = { type: walked.type, where: whereOf(walked) };
      out.push(finding("unknown_type", `${path}.type`, details, code || undefined));
      continue;
    }
    if (walked.isData && textOf(walked.element.title) === undefined) {
      out.push(finding("missing_title", path, { code, where: whereOf(walked) }, code || undefined));
    }
  }
  return out;
}

function lintDateQuestion(
  dateQuestion: unknown,
  elements: readonly WalkedElement[],
): LintFinding[] {
  if (dateQuestion === undefined) return [];
  const code = typeof dateQuestion === "string" ? dateQuestion : String(dateQuestion);
  const target = elements.find((walked) => walked.isData && nameOf(walked) === code);
  if (!target)
    return [finding("date_question_missing", "dateQuestion", { code, reason: "absent" }, code)];
  if (target.type !== "text" || target.element.inputType !== "date") {
    return [finding("date_question_missing", "dateQuestion", { code, reason: "not_date" }, code)];
  }
  return [];
}

export function lintGrid(envelope: unknown): LintFinding[] {
  if (!isObject(envelope)) return [finding("invalid_envelope", "", {})];
  const findings = lintEnvelope(envelope);
  if (!isObject(envelope.survey)) return findings;

  // Structure first: the other rules (and survey-core) trust it.
  const shape = lintShape(envelope.survey);
  findings.push(...shape);
  if (hasShapeErrors(shape)) return findings;

  const survey = envelope.survey as SurveyJson;
  const elements = walkSurvey(survey);
  if (!elements.some((walked) => walked.isData))
    findings.push(finding("no_questions", "survey", {}));

  findings.push(
    ...lintTypesAndTitles(elements),
    ...lintCodes(elements),
    ...lintExpressions(survey, elements),
    ...lintPersonalData(elements),
    ...lintDateQuestion(envelope.dateQuestion, elements),
  );
  return findings;
}

export function hasLintErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((item) => item.severity === "error");
}
