import { dataQuestions } from "../grid/walk.ts";
import { itemValue, labelOf, textOf } from "../grid/items.ts";
import type { ChoiceItem, MatrixColumn, SurveyJson } from "../grid/types.ts";

// What a question code means across all published versions of a grid:
// the newest label of the question and of each choice, and which versions
// asked it (a record of another version counts as "non demandé"). A choice
// retired in a later version keeps the label of the last version offering it.

export type PublishedVersion = { id: number; number: number; survey: SurveyJson };

/** `retired`: no longer offered by the newest version that has the question. */
export type Labelled = { value: string; label: string; retired?: boolean };

export type QuestionHistory = {
  code: string;
  label: string;
  /** The newest version's question type (`radiogroup`, `checkbox`, `text`…). */
  type: string;
  /** `inputType` of a text question in the newest version (`number`, `date`…). */
  inputType?: string;
  versionIds: number[];
  /** Every choice any version offered: newest versions' order first, retired ones after. */
  choices: Labelled[];
  /** A matrix's rows and columns, in the same way. */
  rows: Labelled[];
  columns: Labelled[];
};

function mergeItems(
  into: Labelled[],
  seen: Set<string>,
  items: ChoiceItem[] | undefined,
  retired = false,
): void {
  for (const item of items ?? []) {
    const value = itemValue(item);
    if (typeof value !== "string" || seen.has(value)) continue;
    seen.add(value);
    const text = typeof item === "object" && item ? textOf(item.text) : undefined;
    const shorthand =
      typeof item === "string" && item.includes("|")
        ? item.slice(item.indexOf("|") + 1)
        : undefined;
    into.push({ value, label: text ?? shorthand ?? value, ...(retired ? { retired } : {}) });
  }
}

function mergeColumns(
  into: Labelled[],
  seen: Set<string>,
  columns: unknown[] | undefined,
  retired: boolean,
): void {
  for (const column of columns ?? []) {
    if (column && typeof column === "object" && "name" in column) {
      const c = column as MatrixColumn;
      if (typeof c.name !== "string" || seen.has(c.name)) continue;
      seen.add(c.name);
      into.push({
        value: c.name,
        label: textOf(c.title) ?? c.name,
        ...(retired ? { retired } : {}),
      });
    } else {
      mergeItems(into, seen, [column as ChoiceItem], retired);
    }
  }
}

export function questionHistory(
  versions: PublishedVersion[],
  code: string,
): QuestionHistory | undefined {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  let history: QuestionHistory | undefined;
  const seen = { choices: new Set<string>(), rows: new Set<string>(), columns: new Set<string>() };
  for (const version of newestFirst) {
    const question = dataQuestions(version.survey).find(
      (q) => q.element.name === code && !q.parent,
    );
    if (!question) continue;
    const element = question.element;
    history ??= {
      code,
      label: labelOf(element),
      type: question.type,
      inputType: typeof element.inputType === "string" ? element.inputType : undefined,
      versionIds: [],
      choices: [],
      rows: [],
      columns: [],
    };
    const retired = history.versionIds.length > 0;
    history.versionIds.push(version.id);
    mergeItems(history.choices, seen.choices, element.choices, retired);
    mergeItems(history.rows, seen.rows, element.rows, retired);
    mergeColumns(history.columns, seen.columns, element.columns, retired);
  }
  return history;
}
