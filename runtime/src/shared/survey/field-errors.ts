import type { Model } from "survey-core";
import type { FieldError } from "../api.ts";

export type PlacedError = FieldError & { title: string | null };

/**
 * Shows the server's field errors beside their questions, moves to the page
 * of the first one, and returns them with the question titles for a summary.
 * A field that names no question (an unknown or nested path) keeps a null
 * title and is shown in the summary only.
 */
export function showFieldErrors(model: Model, errors: FieldError[]): PlacedError[] {
  let firstPageSet = false;
  return errors.map((error) => {
    const question = model.getQuestionByName(rootName(error.field));
    if (!question) return { ...error, title: null };
    question.addError(error.message);
    if (!firstPageSet && question.page && model.currentPage !== question.page) {
      model.currentPage = question.page;
      firstPageSet = true;
    }
    return { ...error, title: question.title || question.name };
  });
}

/** 'enfants[0].age' and 'matrice.ligne' belong to the questions 'enfants' and 'matrice'. */
function rootName(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}

/** Puts the keyboard focus on the question a summary entry names. */
export function focusQuestion(model: Model, field: string): void {
  model.getQuestionByName(rootName(field))?.focus();
}
