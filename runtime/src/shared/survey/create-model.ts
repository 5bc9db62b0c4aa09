import { Model } from "survey-core";
import "survey-core/i18n/french";
import type { SurveyJson } from "../types.ts";
import { BDC_SURVEY_THEME } from "./theme.ts";
import { todayInFrance } from "../../../../engine/response/dates.ts";

/**
 * A SurveyJS model in French, ready for our own saving: no "thank you" page
 * (the feature shows its own confirmation) and hidden answers dropped before
 * they are sent, as the server drops them too.
 */
export function createSurveyModel(
  json: SurveyJson,
  options: { data?: Record<string, unknown>; display?: boolean; singlePage?: boolean } = {},
): Model {
  const model = new Model(json);
  model.locale = "fr";
  model.applyTheme(BDC_SURVEY_THEME);
  model.showCompletedPage = false;
  model.clearInvisibleValues = "onComplete";
  model.completeText = "Enregistrer la fiche";
  if (options.singlePage) model.questionsOnPageMode = "singlePage";
  hintMonthFormat(model);
  if (options.data) model.data = options.data;
  else prefillRecordDate(model, json);
  if (options.display) model.mode = "display";
  return model;
}

/**
 * A new record's date (the grid's date question) starts at today, in France:
 * most records are written the day of the meeting, and an empty required
 * date only earned an error.
 */
function prefillRecordDate(model: Model, json: SurveyJson): void {
  const code = (json as { bdcDateQuestion?: unknown }).bdcDateQuestion;
  if (typeof code !== "string" || !model.getQuestionByName(code)) return;
  model.setValue(code, todayInFrance());
}

/**
 * Firefox and Safari on a computer show a month question as a plain text
 * field: say the format it takes. Browsers with a month picker ignore it.
 */
function hintMonthFormat(model: Model): void {
  for (const question of model.getAllQuestions(false, false, true)) {
    const text = question as { inputType?: string; placeholder?: string };
    if (text.inputType === "month" && !text.placeholder) text.placeholder = "AAAA-MM (ex. 2026-03)";
  }
}
