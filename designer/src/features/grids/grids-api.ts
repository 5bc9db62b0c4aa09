import { ApiError, apiGet, apiPost } from "../../shared/api.ts";
import type { GridSubject, SurveyJson } from "../../../../engine/grid/types.ts";

export type CatalogueEntry = {
  code: string;
  title: string;
  subject: GridSubject;
  versions: { number: number; publishedAt: string; note: string | null; author: string | null }[];
  draft: { revision: number; updatedAt: string; updatedBy: string | null } | null;
  openProposals: number;
};

export const listCatalogue = () => apiGet<CatalogueEntry[]>("/designer/grids");

export const createGrid = (input: {
  code: string;
  title: string;
  subject: GridSubject;
  survey: SurveyJson;
}) => apiPost<{ code: string }>("/grids", input);

export type ImportReport = {
  code: string | null;
  exists: boolean;
  findings: { path: string; code: string; severity: string; message: string }[];
  compatibility: { rule: string; code: string; message: string }[];
  changes: import("../../../../engine/grid/diff.ts").GridChange[];
  saved: boolean;
};

export const importGrid = (body: Record<string, unknown>, dryRun: boolean) =>
  apiPost<ImportReport>(`/grids/import${dryRun ? "?dryRun=1" : ""}`, body);

/** The draft's revision, or undefined when the grid has no draft. */
export async function readDraftRevision(code: string): Promise<number | undefined> {
  try {
    return (await apiGet<{ revision: number }>(`/grids/${code}/draft`)).revision;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}
