import { Model, type ITheme } from "survey-core";
import "survey-core/i18n/french";
import type { SurveyJson } from "../../../engine/grid/types.ts";

// The preview's SurveyJS model, set up as the runtime sets up the form an
// educator fills, so the COPIL sees what the teams will see.
// NOTE: twin of runtime/src/shared/survey/create-model.ts and theme.ts; keep them alike.

const BDC_SURVEY_THEME: ITheme = {
  themeName: "bdc",
  colorPalette: "light",
  isPanelless: false,
  cssVariables: {
    "--sjs2-typography-font-family-text":
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
    "--sjs2-color-project-brand-600": "#1f5f8b",
    "--sjs2-color-utility-surface-survey": "#f4f6f9",
  },
};

export function createPreviewModel(json: SurveyJson, options: { singlePage: boolean }): Model {
  const model = new Model(json);
  model.locale = "fr";
  model.applyTheme(BDC_SURVEY_THEME);
  model.showCompletedPage = false;
  model.clearInvisibleValues = "onComplete";
  model.completeText = "Enregistrer la fiche";
  if (options.singlePage) model.questionsOnPageMode = "singlePage";
  return model;
}
