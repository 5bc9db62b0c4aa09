import { dataQuestions } from "../grid/walk.ts";
import { itemValue } from "../grid/items.ts";
import type { SurveyElement, SurveyJson } from "../grid/types.ts";
import type { Random } from "./random.ts";

// Plausible answers for any grid version, for the demo and the benchmark.
// Every question gets a value of its type; the server-side validator then
// drops the hidden ones, exactly as for a real submission.

function choiceValues(element: SurveyElement): string[] {
  return (element.choices ?? []).map(itemValue).filter((v): v is string => typeof v === "string");
}

function dateBetween(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return new Date(start + random.next() * (end - start)).toISOString().slice(0, 10);
}

function numberFor(element: SurveyElement, random: Random): number {
  const min = typeof element.min === "number" ? element.min : 0;
  const max = typeof element.max === "number" ? element.max : min + 12;
  return random.int(min, Math.min(max, min + 12));
}

function valueFor(
  element: SurveyElement,
  random: Random,
  period: { from: string; to: string },
): unknown {
  switch (element.type) {
    case "radiogroup":
    case "dropdown": {
      const values = choiceValues(element);
      return values.length > 0 ? random.pickSkewed(values) : undefined;
    }
    case "checkbox":
    case "tagbox": {
      const values = choiceValues(element);
      const picked = new Set<string>();
      const count = random.int(1, Math.min(3, values.length));
      while (values.length > 0 && picked.size < count) picked.add(random.pickSkewed(values));
      return [...picked];
    }
    case "boolean":
      return random.chance(0.4);
    case "rating":
      return random.int(element.rateMin ?? 1, element.rateMax ?? 5);
    case "text":
      if (element.inputType === "number") return numberFor(element, random);
      if (element.inputType === "date") return dateBetween(random, period.from, period.to);
      if (element.inputType === "month")
        return dateBetween(random, period.from, period.to).slice(0, 7);
      if (element.inputType === "time") return `${String(random.int(8, 22)).padStart(2, "0")}:00`;
      return undefined; // free text stays empty in generated data
    case "matrixdropdown": {
      // Counts by sex × age band ("compteur ventilé"): small numbers, often empty.
      const result: Record<string, Record<string, number>> = {};
      for (const row of element.rows ?? []) {
        const rowCode = itemValue(row);
        if (typeof rowCode !== "string") continue;
        for (const column of (element.columns ?? []) as { name?: string; inputType?: string }[]) {
          if (!column.name || !random.chance(0.5)) continue;
          (result[rowCode] ??= {})[column.name] = random.int(0, 6);
        }
      }
      return Object.keys(result).length > 0 ? result : undefined;
    }
    default:
      return undefined;
  }
}

export function generateAnswers(
  survey: SurveyJson,
  random: Random,
  period: { from: string; to: string },
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const question of dataQuestions(survey)) {
    if (question.parent?.type === "paneldynamic" || !question.element.name) continue;
    const value = valueFor(question.element, random, period);
    if (value !== undefined) data[question.element.name] = value;
  }
  return data;
}
