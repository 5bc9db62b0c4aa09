import type { Model, PanelModel, Question } from "survey-core";
import { responseMessages as m } from "./messages.ts";
import { isShown } from "./visibility.ts";
import type { FieldError } from "./types.ts";

// survey-core's verdict (required, requiredIf, validators) on visible
// questions, as field errors. Call after `model.validate(true, false)`.

interface MatrixRow {
  rowName: unknown;
  cells: { column: { name: string }; question: Question }[];
}

function label(question: Question): string {
  return question.title || question.name;
}

function push(out: FieldError[], question: Question, field: string): void {
  if (!isShown(question)) return;
  for (const error of question.errors) {
    out.push({ field, message: m.fromSurvey(label(question), error.getText()) });
  }
}

function pushNested(out: FieldError[], question: Question): void {
  const type = question.getType();
  if (type === "paneldynamic") {
    const panels = (question as unknown as { panels: PanelModel[] }).panels;
    panels.forEach((panel, index) => {
      for (const inner of panel.questions)
        push(out, inner, `${question.name}.${index}.${inner.name}`);
    });
  }
  if (type === "matrixdropdown" || type === "matrixdynamic") {
    const rows = (question as unknown as { visibleRows: MatrixRow[] }).visibleRows ?? [];
    rows.forEach((row, index) => {
      const rowKey = type === "matrixdynamic" ? String(index) : String(row.rowName);
      for (const cell of row.cells) {
        push(out, cell.question, `${question.name}.${rowKey}.${cell.column.name}`);
      }
    });
  }
}

export function collectSurveyErrors(model: Model): FieldError[] {
  const out: FieldError[] = [];
  for (const question of model.getAllQuestions(true)) {
    push(out, question, question.name);
    if (isShown(question)) pushNested(out, question);
  }
  return out;
}

/**
 * Leaves no error behind for the next response validated with this model.
 * The answers need no clearing: the next call's `model.data = …` replaces
 * them all, and clearing them here cost as much as a whole validation.
 */
export function resetModel(model: Model): void {
  for (const question of model.getAllQuestions(false, false, true)) question.errors = [];
}
