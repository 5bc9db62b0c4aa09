import { analyseExpression, referencedCode } from "./expressions.ts";
import { finding, nameOf, surveyPath, whereOf, type LintFinding } from "./lint-finding.ts";
import type { SurveyJson } from "./types.ts";
import { walkPages, type WalkedElement } from "./walk.ts";

// Conditions of pages, panels, questions and matrix columns: they must parse
// with survey-core, call known functions, and cite existing codes.

const CONDITION_PROPERTIES = ["visibleIf", "enableIf", "requiredIf"] as const;

interface Holder {
  object: unknown;
  path: string;
  where: string;
  question?: string;
}

/** Every code a condition may cite: questions, matrix columns, multipletext items, calculated values. */
export function knownCodes(survey: SurveyJson, elements: readonly WalkedElement[]): Set<string> {
  const codes = new Set<string>();
  for (const walked of elements) {
    if (!walked.isData) continue;
    codes.add(nameOf(walked));
    const subs: unknown[] = [...(walked.element.columns ?? []), ...(walked.element.items ?? [])];
    for (const sub of subs) {
      const name =
        sub !== null && typeof sub === "object" ? (sub as { name?: unknown }).name : undefined;
      if (typeof name === "string") codes.add(name);
    }
  }
  for (const calculated of survey.calculatedValues ?? []) {
    if (typeof calculated?.name === "string") codes.add(calculated.name);
  }
  return codes;
}

function holders(survey: SurveyJson, elements: readonly WalkedElement[]): Holder[] {
  const list: Holder[] = walkPages(survey).map(({ page, path, index }) => ({
    object: page,
    path: surveyPath(path),
    where: `la page ${index + 1}`,
  }));
  for (const walked of elements) {
    const path = surveyPath(walked.path);
    const question = nameOf(walked) || undefined;
    list.push({ object: walked.element, path, where: whereOf(walked), question });
    if (walked.type !== "matrixdropdown" && walked.type !== "matrixdynamic") continue;
    (walked.element.columns ?? []).forEach((column, index) => {
      list.push({
        object: column,
        path: `${path}.columns[${index}]`,
        where: `la colonne ${index + 1} de ${whereOf(walked)}`,
        question,
      });
    });
  }
  return list;
}

function lintOne(holder: Holder, property: string, codes: Set<string>, out: LintFinding[]): void {
  const expression = (holder.object as Record<string, unknown>)[property];
  if (expression === undefined || expression === null || expression === "") return;
  const path = `${holder.path}.${property}`;
  const base = { property, where: holder.where };

  if (typeof expression !== "string") {
    const details = { ...base, expression: String(expression), reason: "ce n'est pas un texte" };
    out.push(finding("bad_expression", path, details, holder.question));
    return;
  }
  const analysis = analyseExpression(expression);
  if (analysis.syntaxError) {
    const reason = `erreur de syntaxe au caractère ${analysis.syntaxError.at + 1}`;
    out.push(finding("bad_expression", path, { ...base, expression, reason }, holder.question));
    return;
  }
  for (const name of analysis.unknownFunctions) {
    const reason = `la fonction « ${name} » n'existe pas`;
    out.push(finding("bad_expression", path, { ...base, expression, reason }, holder.question));
  }
  for (const variable of analysis.variables) {
    const code = referencedCode(variable);
    if (code === undefined || codes.has(code)) continue;
    out.push(finding("unknown_reference", path, { ...base, reference: variable }, holder.question));
  }
}

export function lintExpressions(
  survey: SurveyJson,
  elements: readonly WalkedElement[],
): LintFinding[] {
  const codes = knownCodes(survey, elements);
  const out: LintFinding[] = [];
  for (const holder of holders(survey, elements)) {
    if (holder.object === null || typeof holder.object !== "object") continue;
    for (const property of CONDITION_PROPERTIES) lintOne(holder, property, codes, out);
  }
  return out;
}
