import type { Model, PanelModel, Question } from "survey-core";
import { removeAt } from "./data-path.ts";
import type { DataPath } from "./types.ts";

// Which answers belong to questions the respondent could not see, given the
// other answers. survey-core computes visibility once `model.data` is set.

const COMMENT_SUFFIX = "-Comment";

function baseName(key: string): string {
  return key.endsWith(COMMENT_SUFFIX) ? key.slice(0, -COMMENT_SUFFIX.length) : key;
}

export function isShown(question: Question): boolean {
  return question.isVisible && question.isParentVisible && (question.page?.isVisible ?? true);
}

function topQuestion(model: Model, key: string): Question | undefined {
  const name = baseName(key);
  return model.getQuestionByValueName(name) ?? model.getQuestionByName(name) ?? undefined;
}

/**
 * True when the value at `path` belongs to a hidden question: a top-level
 * question, or a question inside one panel of a visible dynamic panel.
 * Keys the grid does not know are not "hidden": they are errors elsewhere.
 */
export function isHiddenPath(model: Model, path: DataPath): boolean {
  const question = topQuestion(model, String(path[0] ?? ""));
  if (!question) return false;
  if (!isShown(question)) return true;
  if (question.getType() !== "paneldynamic" || typeof path[1] !== "number" || path.length < 3)
    return false;
  const panels = (question as unknown as { panels: PanelModel[] }).panels;
  const inner = panels[path[1]]?.getQuestionByName(baseName(String(path[2])));
  return inner ? !isShown(inner) : false;
}

/** Paths of the answers in `data` that belong to hidden questions. */
function hiddenPaths(model: Model, data: Record<string, unknown>): DataPath[] {
  const paths: DataPath[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (isHiddenPath(model, [key])) {
      paths.push([key]);
      continue;
    }
    if (!Array.isArray(value)) continue;
    value.forEach((item, index) => {
      if (item === null || typeof item !== "object") return;
      for (const inner of Object.keys(item)) {
        if (isHiddenPath(model, [key, index, inner])) paths.push([key, index, inner]);
      }
    });
  }
  return paths;
}

/**
 * Removes hidden answers from `data` in place and leaves `model.data` equal
 * to the result. Repeats because removing one answer can hide another
 * ({a} shows b, {b} shows c): at most once per answer, so it ends.
 */
export function dropHiddenValues(model: Model, data: Record<string, unknown>): void {
  const limit = Object.keys(data).length + 1;
  for (let round = 0; round <= limit; round++) {
    model.data = data;
    const paths = hiddenPaths(model, data);
    if (paths.length === 0) return;
    for (const path of paths) removeAt(data, path);
  }
}

/** Reads computed values the respondent does not type (expression questions). */
export function computedKeys(model: Model, data: Record<string, unknown>): string[] {
  return Object.keys(data).filter((key) => topQuestion(model, key)?.getType() === "expression");
}
