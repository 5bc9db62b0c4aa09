import { finding, nameOf, surveyPath, whereOf, type LintFinding } from "./lint-finding.ts";
import { itemValue, labelOf, textOf } from "./items.ts";
import { CODE_PATTERN, type ChoiceItem, type MatrixColumn } from "./types.ts";
import type { WalkedElement } from "./walk.ts";

// Codes: question names unique across the grid, and every stored value
// (choice, matrix row and column, multipletext item) a well-formed code.

const CHOICE_TYPES = ["radiogroup", "dropdown", "checkbox", "tagbox"];

interface ListContext {
  path: string;
  /** "le choix 3 de la question 4 de la page 2", given the index from 0. */
  where: (index: number) => string;
  question: string;
}

function describeItem(item: ChoiceItem): string {
  if (item !== null && typeof item === "object") return textOf(item.text) ?? "";
  return String(item);
}

/** Choices, rows and single-matrix columns: each needs a value that is a code. */
function lintItems(items: unknown, context: ListContext, out: LintFinding[]): void {
  if (!Array.isArray(items)) return;
  const seen = new Map<string, number>();
  items.forEach((item: ChoiceItem, index) => {
    const path = `${context.path}[${index}]`;
    const where = context.where(index);
    const value = itemValue(item);
    const missing = value === undefined || value === null || value === "";
    const bareLabel = typeof item === "string" && !CODE_PATTERN.test(String(value));
    if (missing || bareLabel) {
      out.push(
        finding(
          "choice_without_code",
          path,
          { choice: describeItem(item), where },
          context.question,
        ),
      );
      return;
    }
    const code = String(value);
    if (typeof value !== "string" || !CODE_PATTERN.test(code)) {
      out.push(finding("code_pattern", path, { code, where }, context.question));
      return;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      out.push(
        finding(
          "duplicate_code",
          path,
          { code, where, firstWhere: context.where(first) },
          context.question,
        ),
      );
    } else seen.set(code, index);
  });
}

/** Named sub-fields: matrix dropdown columns, multipletext items. */
function lintNames(entries: unknown, context: ListContext, out: LintFinding[]): void {
  if (!Array.isArray(entries)) return;
  const seen = new Map<string, number>();
  entries.forEach((entry: MatrixColumn, index) => {
    const path = `${context.path}[${index}]`;
    const where = context.where(index);
    const named = entry !== null && typeof entry === "object" && typeof entry.name === "string";
    const name = named ? (entry.name as string) : "";
    if (!CODE_PATTERN.test(name)) {
      out.push(finding("code_pattern", `${path}.name`, { code: name, where }, context.question));
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      const details = { code: name, where, firstWhere: context.where(first) };
      out.push(finding("duplicate_code", `${path}.name`, details, context.question));
    } else seen.set(name, index);
  });
}

function lintSubCodes(walked: WalkedElement, out: LintFinding[]): void {
  const { element, type } = walked;
  const base = surveyPath(walked.path);
  const question = nameOf(walked);
  const owner = `la question « ${labelOf(element)} » (${walked.humanPosition})`;
  const list = (key: string, noun: string): ListContext => ({
    path: `${base}.${key}`,
    where: (index) => `${noun} ${index + 1} de ${owner}`,
    question,
  });

  if (CHOICE_TYPES.includes(type) || type === "matrixdropdown" || type === "matrixdynamic") {
    lintItems(element.choices, list("choices", "le choix"), out);
  }
  if (type === "matrix" || type === "matrixdropdown")
    lintItems(element.rows, list("rows", "la ligne"), out);
  if (type === "matrix") lintItems(element.columns, list("columns", "la colonne"), out);
  if (type === "multipletext") lintNames(element.items, list("items", "le champ"), out);
  if (type === "matrixdropdown" || type === "matrixdynamic") {
    lintNames(element.columns, list("columns", "la colonne"), out);
    (element.columns ?? []).forEach((column, index) => {
      if (column === null || typeof column !== "object" || !("choices" in column)) return;
      const columnOwner = `la colonne ${index + 1} de ${owner}`;
      lintItems(
        column.choices,
        {
          path: `${base}.columns[${index}].choices`,
          where: (choice) => `le choix ${choice + 1} de ${columnOwner}`,
          question,
        },
        out,
      );
    });
  }
}

export function lintCodes(elements: readonly WalkedElement[]): LintFinding[] {
  const out: LintFinding[] = [];
  const firstByCode = new Map<string, WalkedElement>();

  for (const walked of elements) {
    if (!walked.isData) continue;
    const name = nameOf(walked);
    const path = `${surveyPath(walked.path)}.name`;
    if (!CODE_PATTERN.test(name)) {
      out.push(
        finding("code_pattern", path, { code: name, where: whereOf(walked) }, name || undefined),
      );
    } else {
      const first = firstByCode.get(name);
      if (first) {
        const details = { code: name, where: whereOf(walked), firstWhere: whereOf(first) };
        out.push(finding("duplicate_code", path, details, name));
      } else firstByCode.set(name, walked);
    }
    lintSubCodes(walked, out);
  }
  return out;
}
