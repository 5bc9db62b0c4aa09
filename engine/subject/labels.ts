import { dataQuestions } from "../grid/walk.ts";
import { itemValue, labelOf, textOf } from "../grid/items.ts";
import type { SurveyJson } from "../grid/types.ts";

// French labels of a grid's questions and choices, from the newest published
// version that has each code (the rule tables follow too).
// NOTE: engine/table/labels.ts (questionHistory) applies the same rule for
// table headers; keep the two in step.

export type LabelledVersion = { number: number; survey: SurveyJson };

export type QuestionLabels = {
  label: string;
  type: string;
  choices: Map<string, string>;
};

export type GridLabels = (code: string) => QuestionLabels | undefined;

export function gridLabels(versions: LabelledVersion[]): GridLabels {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  const cache = new Map<string, QuestionLabels | undefined>();
  return (code) => {
    if (cache.has(code)) return cache.get(code);
    let found: QuestionLabels | undefined;
    for (const version of newestFirst) {
      const question = dataQuestions(version.survey).find((q) => q.element.name === code);
      if (!question) continue;
      found ??= { label: labelOf(question.element), type: question.type, choices: new Map() };
      for (const item of question.element.choices ?? []) {
        const value = itemValue(item);
        if (typeof value !== "string" || found.choices.has(value)) continue;
        const text = typeof item === "object" && item ? textOf(item.text) : undefined;
        found.choices.set(value, text ?? value);
      }
    }
    cache.set(code, found);
    return found;
  };
}

export type Coded = { code: string; label: string };

/** A stored answer as codes with labels: one for a single choice, several for a checkbox. */
export function labelledAnswer(
  labels: GridLabels,
  question: string,
  value: unknown,
): Coded[] | null {
  if (value === undefined || value === null || value === "") return null;
  const choices = labels(question)?.choices;
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => {
    const code = String(v);
    return { code, label: choices?.get(code) ?? code };
  });
}
