// The grid definition format: our envelope around a SurveyJS JSON document.
// SurveyJS JSON is typed loosely on purpose: grids come from files and from
// the designer, so every reader checks what it relies on (see lint.ts).

export type GridSubject = "youth" | "family" | "action" | "none";

export const GRID_SUBJECTS: readonly GridSubject[] = ["youth", "family", "action", "none"];

/** Question names, choice values, row and column codes. Never reused. */
export const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;

/** A text that SurveyJS may localise: a plain string or `{ default, fr, ... }`. */
export type LocalizableText = string | Record<string, string>;

/** A choice, row or column of a single-select matrix: `"code"`, `"code|Texte"` or an object. */
export type ChoiceItem =
  | string
  | number
  | boolean
  | { value?: unknown; text?: LocalizableText; visibleIf?: string; enableIf?: string };

export interface SurveyValidatorJson {
  type: string;
  minValue?: number;
  maxValue?: number;
  minLength?: number;
  maxLength?: number;
  [key: string]: unknown;
}

/** A matrixdropdown / matrixdynamic column: a cell template. */
export interface MatrixColumn {
  name?: string;
  title?: LocalizableText;
  cellType?: string;
  choices?: ChoiceItem[];
  inputType?: string;
  [key: string]: unknown;
}

/** A multipletext item. */
export interface MultipleTextItem {
  name?: string;
  title?: LocalizableText;
  inputType?: string;
  [key: string]: unknown;
}

export interface SurveyElement {
  type?: string;
  name?: string;
  title?: LocalizableText;
  description?: LocalizableText;
  elements?: SurveyElement[];
  templateElements?: SurveyElement[];
  choices?: ChoiceItem[];
  rows?: ChoiceItem[];
  columns?: (ChoiceItem | MatrixColumn)[];
  items?: MultipleTextItem[];
  visibleIf?: string;
  enableIf?: string;
  requiredIf?: string;
  isRequired?: boolean;
  validators?: SurveyValidatorJson[];
  inputType?: string;
  min?: number | string;
  max?: number | string;
  maxLength?: number;
  showOtherItem?: boolean;
  hasOther?: boolean;
  showNoneItem?: boolean;
  hasNone?: boolean;
  showCommentArea?: boolean;
  hasComment?: boolean;
  valueTrue?: unknown;
  valueFalse?: unknown;
  rateMin?: number;
  rateMax?: number;
  rateStep?: number;
  rateCount?: number;
  rateValues?: ChoiceItem[];
  cellType?: string;
  [key: string]: unknown;
}

export interface SurveyPage {
  name?: string;
  title?: LocalizableText;
  elements?: SurveyElement[];
  visibleIf?: string;
  enableIf?: string;
  requiredIf?: string;
  [key: string]: unknown;
}

export interface SurveyJson {
  title?: LocalizableText;
  locale?: string;
  pages?: SurveyPage[];
  /** SurveyJS also accepts a single page's elements at the top level. */
  elements?: SurveyElement[];
  calculatedValues?: { name?: string; expression?: string }[];
  [key: string]: unknown;
}

export interface GridEnvelope {
  code: string;
  subject: GridSubject;
  title: string;
  description?: string;
  /** Name of the date question that gives a response its `occurred_on`. */
  dateQuestion?: string;
  survey: SurveyJson;
}

/** Question types the engine knows how to render, validate and tabulate. */
export const SUPPORTED_TYPES = [
  "text",
  "comment",
  "radiogroup",
  "dropdown",
  "checkbox",
  "tagbox",
  "boolean",
  "rating",
  "matrix",
  "matrixdropdown",
  "matrixdynamic",
  "paneldynamic",
  "multipletext",
  "panel",
  "html",
  "image",
  "expression",
] as const;

export type SupportedType = (typeof SUPPORTED_TYPES)[number];

/** Elements that hold no answer of their own (panels hold their children's). */
export const NON_DATA_TYPES: readonly string[] = ["html", "image", "expression", "panel"];
