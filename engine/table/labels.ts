import { dataQuestions } from "../grid/walk.ts";
import { itemValue, labelOf, textOf } from "../grid/items.ts";
import type { SurveyJson } from "../grid/types.ts";

// What a question code means across all published versions of a grid:
// the newest label of the question and of each choice, and which versions
// asked it (a record of another version counts as "non demandé").

export type PublishedVersion = { id: number; number: number; survey: SurveyJson };

export type QuestionHistory = {
  code: string;
  label: string;
  type: string;
  versionIds: number[];
  /** Every choice any version offered, newest label first, in the newest order. */
  choices: { value: string; label: string }[];
};

export function questionHistory(
  versions: PublishedVersion[],
  code: string,
): QuestionHistory | undefined {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  let history: QuestionHistory | undefined;
  const seenChoices = new Set<string>();
  for (const version of newestFirst) {
    const question = dataQuestions(version.survey).find((q) => q.element.name === code);
    if (!question) continue;
    history ??= { code, label: labelOf(question.element), type: question.type, versionIds: [], choices: [] };
    history.versionIds.push(version.id);
    for (const item of question.element.choices ?? []) {
      const value = itemValue(item);
      if (typeof value !== "string" || seenChoices.has(value)) continue;
      seenChoices.add(value);
      const label = typeof item === "object" && item ? textOf(item.text) : undefined;
      history.choices.push({ value, label: label ?? value });
    }
  }
  return history;
}
