import { commentKey, hasCommentValue, labelOf } from "./items.ts";
import type { MatrixColumn, SurveyElement, SurveyJson } from "./types.ts";
import { walkPages } from "./walk.ts";

// Free-text answers: what a person typed in their own words (comments,
// plain text fields, the "other" text). They are the answers most likely to
// name someone, so exports flag them, anonymisation removes them and the
// federation never sees them. Dates, numbers and times are not free text,
// nor a text field held to a pattern by a regex validator (an INSEE commune
// code, a school's UAI): those are codes.

const NOT_FREE_INPUT_TYPES = [
  "date",
  "datetime-local",
  "month",
  "week",
  "time",
  "number",
  "range",
  "color",
];

function isFreeTextCell(type: string | undefined, inputType: string | undefined): boolean {
  if (type === "comment") return true;
  return type === "text" && !NOT_FREE_INPUT_TYPES.includes(inputType ?? "text");
}

/** A question answered in the person's own words. */
export function isFreeTextQuestion(element: SurveyElement): boolean {
  const coded = (element.validators ?? []).some(
    (v) => v !== null && typeof v === "object" && v.type === "regex",
  );
  return isFreeTextCell(element.type, element.inputType) && !(element.type === "text" && coded);
}

function freeColumns(element: SurveyElement): string[] {
  if (element.type !== "matrixdropdown" && element.type !== "matrixdynamic") return [];
  return (element.columns ?? [])
    .filter((c): c is MatrixColumn => c !== null && typeof c === "object" && "name" in c)
    .filter((c) => isFreeTextCell(c.cellType ?? element.cellType ?? "dropdown", c.inputType))
    .map((c) => c.name as string);
}

function flatten(elements: readonly SurveyElement[] | undefined): SurveyElement[] {
  const out: SurveyElement[] = [];
  for (const element of elements ?? []) {
    if (element === null || typeof element !== "object") continue;
    if (element.type === "panel") out.push(...flatten(element.elements));
    else out.push(element);
  }
  return out;
}

export type FreeTextField = { path: string; label: string };

/** The free-text answers of a survey, as paths into the data (`membres[].note`, `tableau.*.remarque`). */
export function freeTextFields(survey: SurveyJson, prefix = ""): FreeTextField[] {
  const elements = flatten(walkPages(survey).flatMap(({ page }) => page.elements ?? []));
  return fieldsOf(elements, prefix);
}

function fieldsOf(elements: readonly SurveyElement[], prefix: string): FreeTextField[] {
  const out: FreeTextField[] = [];
  for (const element of elements) {
    if (typeof element.name !== "string") continue;
    const label = labelOf(element);
    if (isFreeTextQuestion(element)) out.push({ path: `${prefix}${element.name}`, label });
    if (hasCommentValue(element)) out.push({ path: `${prefix}${commentKey(element.name)}`, label });
    for (const column of freeColumns(element))
      out.push({ path: `${prefix}${element.name}.*.${column}`, label });
    if (element.type === "paneldynamic") {
      out.push(...fieldsOf(flatten(element.templateElements), `${prefix}${element.name}[].`));
    }
  }
  return out;
}

/** The answers without their free text, and how many values went. The input is not changed. */
export function stripFreeText(
  survey: SurveyJson,
  data: Record<string, unknown>,
): { data: Record<string, unknown>; removed: number } {
  const elements = flatten(walkPages(survey).flatMap(({ page }) => page.elements ?? []));
  const copy = structuredClone(data);
  const removed = stripIn(elements, copy);
  return { data: copy, removed };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function stripIn(elements: readonly SurveyElement[], data: Record<string, unknown>): number {
  let removed = 0;
  const drop = (target: Record<string, unknown>, key: string) => {
    if (key in target) {
      delete target[key];
      removed++;
    }
  };
  for (const element of elements) {
    if (typeof element.name !== "string") continue;
    if (isFreeTextQuestion(element)) drop(data, element.name);
    if (hasCommentValue(element)) drop(data, commentKey(element.name));
    const value = data[element.name];
    const columns = freeColumns(element);
    if (columns.length > 0) {
      const rows = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
      for (const row of rows) if (isRecord(row)) for (const column of columns) drop(row, column);
    }
    if (element.type === "paneldynamic" && Array.isArray(value)) {
      const inner = flatten(element.templateElements);
      for (const item of value) if (isRecord(item)) removed += stripIn(inner, item);
    }
  }
  return removed;
}
