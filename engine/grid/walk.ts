import { labelOf } from "./items.ts";
import { NON_DATA_TYPES, type SurveyElement, type SurveyJson, type SurveyPage } from "./types.ts";

// Walks a SurveyJS document in reading order. Paths are relative to the
// survey JSON and count from 0 (`pages[1].elements[3]`); `humanPosition`
// counts from 1 for people ("question 4 de la page 2").

export interface WalkedPage {
  page: SurveyPage;
  /** `pages[1]`, or "" when the survey puts its elements at the top level. */
  path: string;
  index: number;
}

export interface WalkedElement {
  element: SurveyElement;
  type: string;
  path: string;
  humanPosition: string;
  pageIndex: number;
  /** The panel or dynamic panel holding this element, if any. */
  parent?: WalkedElement;
  /** True for elements whose answer is stored: not html, image, expression, panel. */
  isData: boolean;
}

/** The pages of a survey; a survey with top-level `elements` has one unnamed page. */
export function walkPages(survey: SurveyJson): WalkedPage[] {
  if (Array.isArray(survey.pages)) {
    return survey.pages.map((page, index) => ({
      page: page ?? {},
      path: `pages[${index}]`,
      index,
    }));
  }
  if (Array.isArray(survey.elements))
    return [{ page: { elements: survey.elements }, path: "", index: 0 }];
  return [];
}

function join(base: string, key: string, index: number): string {
  return base === "" ? `${key}[${index}]` : `${base}.${key}[${index}]`;
}

function isObject(value: unknown): value is SurveyElement {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function walkList(
  list: unknown,
  key: "elements" | "templateElements",
  basePath: string,
  pageIndex: number,
  parent: WalkedElement | undefined,
  out: WalkedElement[],
): void {
  if (!Array.isArray(list)) return;
  list.forEach((raw, index) => {
    const element: SurveyElement = isObject(raw) ? raw : {};
    const type = typeof element.type === "string" ? element.type : "";
    const humanPosition = parent
      ? `question ${index + 1} de « ${labelOf(parent.element)} » (${parent.humanPosition})`
      : `question ${index + 1} de la page ${pageIndex + 1}`;
    const walked: WalkedElement = {
      element,
      type,
      path: join(basePath, key, index),
      humanPosition,
      pageIndex,
      parent,
      isData: !NON_DATA_TYPES.includes(type),
    };
    out.push(walked);
    if (type === "panel")
      walkList(element.elements, "elements", walked.path, pageIndex, walked, out);
    if (type === "paneldynamic") {
      walkList(element.templateElements, "templateElements", walked.path, pageIndex, walked, out);
    }
  });
}

/** Every element of the survey, containers before their children. */
export function walkSurvey(survey: SurveyJson): WalkedElement[] {
  const out: WalkedElement[] = [];
  for (const { page, path, index } of walkPages(survey)) {
    walkList(page.elements, "elements", path, index, undefined, out);
  }
  return out;
}

/** The questions that store an answer, nested ones included. */
export function dataQuestions(survey: SurveyJson): WalkedElement[] {
  return walkSurvey(survey).filter((walked) => walked.isData);
}

/** Elements directly under a container (the survey root when `parent` is undefined). */
export function childrenOf(all: readonly WalkedElement[], parent?: WalkedElement): WalkedElement[] {
  return all.filter((walked) => walked.parent === parent);
}
