import { diffSurveys, sameJson, type GridChange } from "./diff.ts";
import type { SurveyElement, SurveyJson, SurveyPage } from "./types.ts";

// Applies a proposal (a base definition and the proposed one) to the current
// draft, question by question. When the draft changed a question the
// proposal also changes since the proposal's base, nothing is applied and the
// conflict is returned: the COPIL decides, the code does not guess.
// Pure. Only data questions are carried over, with the panel holding a new one.
// TODO(page-level changes): page titles, new empty pages and survey-level
// settings in a proposal are not applied; the diff has no kinds for them yet.

export type ApplyResult =
  | { ok: true; survey: SurveyJson; applied: GridChange[] }
  | { ok: false; codes: string[]; proposal: GridChange[]; draft: GridChange[] };

interface Slot {
  list: SurveyElement[];
  index: number;
  parent?: SurveyElement;
  page?: SurveyPage;
  pageIndex: number;
}

function listsOf(
  survey: SurveyJson,
): { list: SurveyElement[]; page: SurveyPage; pageIndex: number }[] {
  if (Array.isArray(survey.pages)) {
    return survey.pages.map((page, pageIndex) => {
      page.elements ??= [];
      return { list: page.elements, page, pageIndex };
    });
  }
  survey.elements ??= [];
  return [{ list: survey.elements, page: { elements: survey.elements }, pageIndex: 0 }];
}

function findIn(
  list: SurveyElement[],
  name: string,
  page: SurveyPage,
  pageIndex: number,
  parent?: SurveyElement,
): Slot | undefined {
  for (let index = 0; index < list.length; index++) {
    const element = list[index]!;
    if (element?.name === name) return { list, index, parent, page, pageIndex };
    for (const key of ["elements", "templateElements"] as const) {
      const children = element?.[key];
      if (Array.isArray(children)) {
        const found = findIn(children, name, page, pageIndex, element);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** Where the element named `name` sits, at any depth. */
export function locate(survey: SurveyJson, name: string): Slot | undefined {
  for (const { list, page, pageIndex } of listsOf(survey)) {
    const found = findIn(list, name, page, pageIndex);
    if (found) return found;
  }
  return undefined;
}

function insertLike(draft: SurveyJson, proposed: SurveyJson, name: string): void {
  const source = locate(proposed, name);
  if (!source) return;
  const element = source.list[source.index]!;

  // A new question inside a panel the draft lacks: bring the whole panel.
  if (
    source.parent?.type === "panel" &&
    typeof source.parent.name === "string" &&
    !locate(draft, source.parent.name)
  ) {
    insertLike(draft, proposed, source.parent.name);
    return;
  }
  for (let i = source.index - 1; i >= 0; i--) {
    const sibling = source.list[i]?.name;
    const target = typeof sibling === "string" ? locate(draft, sibling) : undefined;
    if (target) {
      target.list.splice(target.index + 1, 0, structuredClone(element));
      return;
    }
  }
  for (let i = source.index + 1; i < source.list.length; i++) {
    const sibling = source.list[i]?.name;
    const target = typeof sibling === "string" ? locate(draft, sibling) : undefined;
    if (target) {
      target.list.splice(target.index, 0, structuredClone(element));
      return;
    }
  }
  containerList(draft, source).unshift(structuredClone(element));
}

/** The draft's list matching the source's container: same panel, same page name, or the page at the same place. */
function containerList(draft: SurveyJson, source: Slot): SurveyElement[] {
  if (source.parent && typeof source.parent.name === "string") {
    const panel = locate(draft, source.parent.name);
    if (panel) {
      const holder = panel.list[panel.index]!;
      const key = holder.type === "paneldynamic" ? "templateElements" : "elements";
      holder[key] ??= [];
      return holder[key] as SurveyElement[];
    }
  }
  const pages = listsOf(draft);
  const byName = pages.find(
    ({ page }) => source.page?.name !== undefined && page.name === source.page.name,
  );
  const chosen = byName ?? pages[source.pageIndex] ?? pages.at(-1);
  if (chosen) return chosen.list;
  draft.pages = [{ name: "page1", elements: [] }];
  return draft.pages[0]!.elements!;
}

function remove(survey: SurveyJson, name: string): void {
  const slot = locate(survey, name);
  if (slot) slot.list.splice(slot.index, 1);
}

function elementOf(survey: SurveyJson, name: string): SurveyElement | undefined {
  const slot = locate(survey, name);
  return slot ? slot.list[slot.index] : undefined;
}

export function applyProposal(
  base: SurveyJson,
  proposed: SurveyJson,
  draft: SurveyJson,
): ApplyResult {
  const proposal = diffSurveys(base, proposed);
  const draftChanges = diffSurveys(base, draft);
  const proposalCodes = new Set(proposal.map((c) => c.code));
  const draftCodes = new Set(draftChanges.map((c) => c.code));

  // The same code changed on both sides is a conflict, unless both ended the same.
  const conflicting = [...proposalCodes].filter(
    (code) => draftCodes.has(code) && !sameJson(elementOf(proposed, code), elementOf(draft, code)),
  );
  if (conflicting.length > 0) {
    const inConflict = (c: GridChange) => conflicting.includes(c.code);
    return {
      ok: false,
      codes: conflicting,
      proposal: proposal.filter(inConflict),
      draft: draftChanges.filter(inConflict),
    };
  }

  const result = structuredClone(draft);
  const todo = [...proposalCodes].filter((code) => !draftCodes.has(code));
  const byCode = (code: string) => proposal.filter((c) => c.code === code);

  for (const code of todo) {
    if (byCode(code).some((c) => c.kind === "question_removed")) remove(result, code);
  }
  for (const code of todo) {
    const changes = byCode(code);
    if (changes.some((c) => c.kind === "question_removed")) continue;
    const wanted = elementOf(proposed, code);
    const slot = locate(result, code);
    const moved = changes.some((c) => c.kind === "question_moved");
    if (slot && wanted && !moved) {
      slot.list[slot.index] = structuredClone(wanted);
      continue;
    }
    if (slot) slot.list.splice(slot.index, 1);
    insertLike(result, proposed, code);
  }
  return { ok: true, survey: result, applied: proposal.filter((c) => todo.includes(c.code)) };
}
