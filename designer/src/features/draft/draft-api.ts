import { apiGet, apiPost, apiPut } from "../../shared/api.ts";
import type { CompatibilityBreak } from "../../../../engine/grid/compatibility.ts";
import type { LintFinding } from "../../../../engine/grid/lint.ts";
import type { GridSubject, SurveyJson } from "../../../../engine/grid/types.ts";

export type Draft = {
  code: string;
  title: string;
  subject: GridSubject;
  revision: number;
  survey: SurveyJson;
  updatedAt: string;
  updatedBy: string | null;
  newestPublished: number | null;
};

export type SavedDraft = Draft & { findings: LintFinding[]; compatibility: CompatibilityBreak[] };

export const openDraft = (code: string) => apiPost<Draft>(`/grids/${code}/draft`);
export const readDraft = (code: string) => apiGet<Draft>(`/grids/${code}/draft`);
export const saveDraft = (code: string, survey: SurveyJson, revision: number) =>
  apiPut<SavedDraft>(`/grids/${code}/draft`, { survey, revision });
export const publishDraft = (code: string, note: string, revision: number) =>
  apiPost<{ number: number; note: string }>(`/grids/${code}/publish`, { note, revision });
