import type { ApiClient } from "./client.ts";

// Helpers for the designer's API tests: edit a draft's survey as the designer would.

export type Survey = {
  pages: { name?: string; elements: Record<string, any>[] }[];
  [key: string]: unknown;
};

/** A deep copy of `survey` with `change` applied. */
export function edited(survey: Survey, change: (copy: Survey) => void): Survey {
  const copy = structuredClone(survey);
  change(copy);
  return copy;
}

export function questionIn(survey: Survey, code: string): Record<string, any> {
  for (const page of survey.pages) {
    const found = page.elements.find((element) => element.name === code);
    if (found) return found;
  }
  throw new Error(`no question ${code}`);
}

export function pageOf(survey: Survey, name: string) {
  const page = survey.pages.find((p) => p.name === name);
  if (!page) throw new Error(`no page ${name}`);
  return page;
}

/** The housing question the tests add to profil_jeune. */
export const hebergementQuestion = {
  type: "radiogroup",
  name: "hebergement_actuel",
  title: "Hébergement actuel",
  visibleIf: "{suivi_alses} = 'non'",
  choices: [
    { value: "famille", text: "Chez sa famille" },
    { value: "tiers", text: "Chez un tiers" },
    { value: "foyer", text: "En foyer" },
  ],
};

/** The draft of a grid, made if needed. */
export async function openDraft(
  client: ApiClient,
  code: string,
): Promise<{ revision: number; survey: Survey }> {
  const result = await client.post(`/api/grids/${code}/draft`);
  if (result.status !== 200 && result.status !== 201)
    throw new Error(`draft of ${code}: ${result.text}`);
  return result.body;
}
