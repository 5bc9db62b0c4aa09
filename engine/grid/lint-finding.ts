import {
  LINT_CATALOGUE,
  type LintCode,
  type LintDetails,
  type LintSeverity,
} from "./lint-messages.ts";
import type { WalkedElement } from "./walk.ts";

export type { LintCode, LintSeverity } from "./lint-messages.ts";

export interface LintFinding {
  /** Path into the envelope, counting from 0: `survey.pages[1].elements[3].choices[0]`. */
  path: string;
  code: LintCode;
  severity: LintSeverity;
  /** French, a whole sentence saying what to fix. */
  message: string;
  /** Code of the question concerned, when there is one. */
  question?: string;
}

export function finding<C extends LintCode>(
  code: C,
  path: string,
  details: LintDetails[C],
  question?: string,
): LintFinding {
  const entry = LINT_CATALOGUE[code];
  const built: LintFinding = {
    path,
    code,
    severity: entry.severity,
    message: entry.message(details),
  };
  if (question !== undefined) built.question = question;
  return built;
}

/** Lint paths start at the envelope; walker paths start at the survey. */
export function surveyPath(path: string): string {
  return path === "" ? "survey" : `survey.${path}`;
}

/** "la question 4 de la page 2", for messages. */
export function whereOf(walked: WalkedElement): string {
  return `la ${walked.humanPosition}`;
}

export function nameOf(walked: WalkedElement): string {
  return typeof walked.element.name === "string" ? walked.element.name : "";
}
