import type { SurveyElement, SurveyJson, SurveyPage } from "../../../engine/grid/types.ts";

// Pure edits of a survey definition, each returning a new survey. Elements
// are found by name: question codes are unique, and panels are named too.

export type Survey = SurveyJson & { pages: SurveyPage[] };

export function normalise(survey: SurveyJson): Survey {
  const copy = structuredClone(survey);
  if (!Array.isArray(copy.pages)) {
    copy.pages = [{ name: "page1", elements: Array.isArray(copy.elements) ? copy.elements : [] }];
    delete copy.elements;
  }
  for (const page of copy.pages!) page.elements ??= [];
  return copy as Survey;
}

interface Slot {
  list: SurveyElement[];
  index: number;
  pageIndex: number;
  parent?: SurveyElement;
}

function childLists(element: SurveyElement): SurveyElement[][] {
  const out: SurveyElement[][] = [];
  if (Array.isArray(element.elements)) out.push(element.elements);
  if (Array.isArray(element.templateElements)) out.push(element.templateElements);
  return out;
}

function find(
  list: SurveyElement[],
  name: string,
  pageIndex: number,
  parent?: SurveyElement,
): Slot | undefined {
  for (let index = 0; index < list.length; index++) {
    const element = list[index]!;
    if (element.name === name) return { list, index, pageIndex, parent };
    for (const children of childLists(element)) {
      const found = find(children, name, pageIndex, element);
      if (found) return found;
    }
  }
  return undefined;
}

export function locate(survey: Survey, name: string): Slot | undefined {
  for (let pageIndex = 0; pageIndex < survey.pages.length; pageIndex++) {
    const found = find(survey.pages[pageIndex]!.elements ?? [], name, pageIndex);
    if (found) return found;
  }
  return undefined;
}

export function elementNamed(survey: Survey, name: string): SurveyElement | undefined {
  const slot = locate(survey, name);
  return slot ? slot.list[slot.index] : undefined;
}

/** Every element name in use, questions and panels. */
export function allNames(survey: Survey): Set<string> {
  const names = new Set<string>();
  const visit = (list: SurveyElement[]) => {
    for (const element of list) {
      if (typeof element.name === "string") names.add(element.name);
      childLists(element).forEach(visit);
    }
  };
  survey.pages.forEach((page) => visit(page.elements ?? []));
  return names;
}

export function freshName(survey: Survey, stem: string): string {
  const names = allNames(survey);
  if (!names.has(stem)) return stem;
  for (let i = 2; ; i++) if (!names.has(`${stem}_${i}`)) return `${stem}_${i}`;
}

function edit(survey: Survey, change: (copy: Survey) => void): Survey {
  const copy = structuredClone(survey);
  change(copy);
  return copy;
}

export function updateElement(
  survey: Survey,
  name: string,
  patch: (element: SurveyElement) => SurveyElement,
): Survey {
  return edit(survey, (copy) => {
    const slot = locate(copy, name);
    if (slot) slot.list[slot.index] = patch(slot.list[slot.index]!);
  });
}

/** A new element of `type`, with a fresh code and the fields its type needs. */
export function newElement(survey: Survey, type: string): SurveyElement {
  const name = freshName(
    survey,
    type === "panel" || type === "paneldynamic" ? "bloc" : "nouvelle_question",
  );
  const element: SurveyElement = { type, name, title: "Nouvelle question" };
  if (["radiogroup", "dropdown", "checkbox", "tagbox"].includes(type)) {
    element.choices = [
      { value: "choix_1", text: "Premier choix" },
      { value: "choix_2", text: "Deuxième choix" },
    ];
  }
  if (type === "matrix") {
    element.rows = [{ value: "ligne_1", text: "Première ligne" }];
    element.columns = [{ value: "colonne_1", text: "Première colonne" }];
  }
  if (type === "matrixdropdown" || type === "matrixdynamic") {
    element.columns = [{ name: "colonne_1", title: "Première colonne", cellType: "text" }];
    if (type === "matrixdropdown") element.rows = [{ value: "ligne_1", text: "Première ligne" }];
  }
  if (type === "multipletext") element.items = [{ name: "champ_1", title: "Premier champ" }];
  if (type === "panel") {
    element.title = "Nouveau bloc";
    element.elements = [];
  }
  if (type === "paneldynamic") {
    element.title = "Nouveau bloc répété";
    element.templateElements = [];
  }
  if (type === "html") {
    element.title = undefined;
    element.html = "<p>Texte d'information</p>";
  }
  if (type === "rating") {
    element.rateMin = 1;
    element.rateMax = 5;
  }
  return element;
}

/** Adds after `after` (same list), or at the end of the page or inside the block named `into`. */
export function addElement(
  survey: Survey,
  element: SurveyElement,
  where: { after?: string; into?: string; page?: number },
): Survey {
  return edit(survey, (copy) => {
    if (where.after) {
      const slot = locate(copy, where.after);
      if (slot) {
        slot.list.splice(slot.index + 1, 0, element);
        return;
      }
    }
    if (where.into) {
      const holder = elementNamed(copy, where.into);
      if (holder) {
        const key = holder.type === "paneldynamic" ? "templateElements" : "elements";
        holder[key] = [...((holder[key] as SurveyElement[] | undefined) ?? []), element];
        return;
      }
    }
    const page = copy.pages[where.page ?? copy.pages.length - 1] ?? copy.pages[0];
    page?.elements?.push(element);
  });
}

export function removeElement(survey: Survey, name: string): Survey {
  return edit(survey, (copy) => {
    const slot = locate(copy, name);
    if (slot) slot.list.splice(slot.index, 1);
  });
}

/** A copy right after the original, with fresh codes for it and its children. */
export function duplicateElement(survey: Survey, name: string): Survey {
  const original = elementNamed(survey, name);
  if (!original) return survey;
  const copy = structuredClone(original);
  const taken = allNames(survey);
  const rename = (element: SurveyElement) => {
    if (typeof element.name === "string") {
      let candidate = `${element.name}_copie`;
      for (let i = 2; taken.has(candidate); i++) candidate = `${element.name}_copie_${i}`;
      taken.add(candidate);
      element.name = candidate;
    }
    childLists(element).forEach((list) => list.forEach(rename));
  };
  rename(copy);
  return addElement(survey, copy, { after: name });
}

/** One step up or down in its list; at a list's edge it stays. */
export function moveElement(survey: Survey, name: string, step: -1 | 1): Survey {
  return edit(survey, (copy) => {
    const slot = locate(copy, name);
    if (!slot) return;
    const target = slot.index + step;
    if (target < 0 || target >= slot.list.length) return;
    const [element] = slot.list.splice(slot.index, 1);
    slot.list.splice(target, 0, element!);
  });
}

/** To the end of another page (out of any block). */
export function moveToPage(survey: Survey, name: string, pageIndex: number): Survey {
  const element = elementNamed(survey, name);
  if (!element) return survey;
  const without = removeElement(survey, name);
  return edit(without, (copy) => copy.pages[pageIndex]?.elements?.push(structuredClone(element)));
}

export function addPage(survey: Survey): Survey {
  return edit(survey, (copy) => {
    const names = new Set(copy.pages.map((p) => p.name));
    let n = copy.pages.length + 1;
    while (names.has(`page${n}`)) n++;
    copy.pages.push({ name: `page${n}`, title: `Page ${n}`, elements: [] });
  });
}

export function updatePage(survey: Survey, index: number, patch: Partial<SurveyPage>): Survey {
  return edit(survey, (copy) => {
    copy.pages[index] = { ...copy.pages[index]!, ...patch };
  });
}

export function removePage(survey: Survey, index: number): Survey {
  return edit(survey, (copy) => {
    if ((copy.pages[index]?.elements ?? []).length === 0 && copy.pages.length > 1)
      copy.pages.splice(index, 1);
  });
}

export function movePage(survey: Survey, index: number, step: -1 | 1): Survey {
  return edit(survey, (copy) => {
    const target = index + step;
    if (target < 0 || target >= copy.pages.length) return;
    const [page] = copy.pages.splice(index, 1);
    copy.pages.splice(target, 0, page!);
  });
}
