import type { ITheme } from "survey-core";

// Our colours and the system fonts: the fontless sheet (deps.md P6) still
// names "Open Sans", which no phone has, so text fell back to a serif face.
// NOTE: the colours mirror the custom properties at the top of styles.css.
export const BDC_SURVEY_THEME: ITheme = {
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
