import { hasNoneItem, hasOtherItem, itemValue, NONE_VALUE, OTHER_VALUE, textOf } from "./items.ts";
import type { ChoiceItem, SurveyElement, SurveyJson } from "./types.ts";
import { walkSurvey, type WalkedElement } from "./walk.ts";

// A flat index of a survey's data questions by code, with what the diff and
// the compatibility rules compare: storage family, choices, container.
// Pure: the designer shows diffs with it.

/** A choice, matrix row or column, with the list it belongs to. */
export interface IndexedChoice {
  list: "choices" | "rows" | "columns";
  code: string;
  label: string;
}

export interface IndexedQuestion {
  code: string;
  element: SurveyElement;
  type: string;
  family: string;
  path: string;
  /** Page name (or `#n`) or the panel holding the question: moves are cosmetic. */
  container: string;
  /** Code of the dynamic panel whose array stores the answer, "" at the top level. */
  storage: string;
  choices: IndexedChoice[];
}

const TEXT_INPUTS: Record<string, string> = {
  number: "number",
  range: "number",
  date: "date",
  month: "month",
  week: "week",
  time: "time",
  "datetime-local": "datetime",
};

/**
 * What a stored answer looks like: a change of family makes old answers
 * unreadable by the new definition (a string where a list is expected).
 * Types in one family store the same JSON shape with the same meaning.
 */
export function familyOf(element: SurveyElement): string {
  const type = typeof element.type === "string" ? element.type : "";
  switch (type) {
    case "text": {
      const input = typeof element.inputType === "string" ? element.inputType : "text";
      return TEXT_INPUTS[input] ?? "text";
    }
    case "comment":
      return "text";
    case "radiogroup":
    case "dropdown":
      return "single_choice";
    case "checkbox":
    case "tagbox":
      return "multiple_choice";
    case "matrixdropdown":
    case "matrixdynamic":
      return type;
    default:
      return type;
  }
}

export const FAMILY_LABELS: Record<string, string> = {
  text: "texte",
  number: "nombre",
  date: "date",
  month: "mois",
  week: "semaine",
  time: "heure",
  datetime: "date et heure",
  single_choice: "choix unique",
  multiple_choice: "choix multiples",
  boolean: "oui / non",
  rating: "échelle",
  matrix: "tableau à choix",
  matrixdropdown: "tableau à listes",
  matrixdynamic: "tableau à lignes ajoutées",
  paneldynamic: "bloc répété",
  multipletext: "champs multiples",
};

function itemLabel(item: ChoiceItem, code: string): string {
  if (typeof item === "string") {
    const separator = item.indexOf("|");
    return separator >= 0 ? item.slice(separator + 1) : code;
  }
  if (item !== null && typeof item === "object") {
    const text = textOf(item.text) ?? textOf((item as { title?: string }).title);
    return text ?? code;
  }
  return code;
}

function itemCode(item: unknown): string | undefined {
  const value = itemValue(item as ChoiceItem);
  if (value !== undefined && value !== null && value !== "") return String(value);
  const name = (item as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : undefined;
}

function listOf(items: unknown, list: IndexedChoice["list"]): IndexedChoice[] {
  if (!Array.isArray(items)) return [];
  const out: IndexedChoice[] = [];
  for (const item of items) {
    const code = itemCode(item);
    if (code !== undefined) out.push({ list, code, label: itemLabel(item as ChoiceItem, code) });
  }
  return out;
}

function choicesOf(element: SurveyElement): IndexedChoice[] {
  const out = [...listOf(element.choices, "choices")];
  // The "other" and "none" items are stored choices too, under fixed codes.
  if (hasOtherItem(element)) out.push({ list: "choices", code: OTHER_VALUE, label: "Autre" });
  if (hasNoneItem(element)) out.push({ list: "choices", code: NONE_VALUE, label: "Aucun" });
  out.push(...listOf(element.rows, "rows"), ...listOf(element.columns, "columns"));
  return out;
}

function containerOf(walked: WalkedElement, survey: SurveyJson): string {
  if (walked.parent) return `panel:${walked.parent.element.name ?? walked.parent.path}`;
  const page = survey.pages?.[walked.pageIndex];
  return typeof page?.name === "string" ? `page:${page.name}` : `page:#${walked.pageIndex}`;
}

function storageOf(walked: WalkedElement): string {
  for (let parent = walked.parent; parent; parent = parent.parent) {
    if (parent.type === "paneldynamic") return String(parent.element.name ?? "");
  }
  return "";
}

/** Data questions by code, in reading order; a duplicated code keeps its first question. */
export function indexQuestions(survey: SurveyJson): Map<string, IndexedQuestion> {
  const index = new Map<string, IndexedQuestion>();
  for (const walked of walkSurvey(survey)) {
    const code = walked.element.name;
    if (!walked.isData || typeof code !== "string" || index.has(code)) continue;
    index.set(code, {
      code,
      element: walked.element,
      type: walked.type,
      family: familyOf(walked.element),
      path: walked.path,
      container: containerOf(walked, survey),
      storage: storageOf(walked),
      choices: choicesOf(walked.element),
    });
  }
  return index;
}
