import { apiGet, apiPost } from "../../shared/api.ts";
import type { GridChange } from "../../../../engine/grid/diff.ts";
import type { SurveyJson } from "../../../../engine/grid/types.ts";

export type Proposal = {
  id: number;
  grid: string;
  gridTitle: string;
  base: number | "draft";
  rationale: string;
  status: "open" | "accepted" | "rejected";
  author: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  appliedRevision: number | null;
  changes: GridChange[];
  comments: { id: number; author: string; body: string; createdAt: string }[];
};

export const listProposals = (grid: string) =>
  apiGet<Proposal[]>(`/proposals?grid=${encodeURIComponent(grid)}`);
export const getProposal = (id: string) => apiGet<Proposal>(`/proposals/${id}`);
export const createProposal = (
  code: string,
  input: { survey: SurveyJson; rationale: string; base?: string },
) => apiPost<Proposal>(`/grids/${code}/proposals`, input);
export const commentProposal = (id: number, body: string) =>
  apiPost<Proposal>(`/proposals/${id}/comments`, { body });
export const acceptProposal = (id: number) => apiPost<Proposal>(`/proposals/${id}/accept`, {});
export const rejectProposal = (id: number, reason: string) =>
  apiPost<Proposal>(`/proposals/${id}/reject`, { reason });

export const getPublishedSurvey = (code: string, number: number) =>
  apiGet<{ survey: SurveyJson; title: string; subject: string }>(
    `/grids/${code}/versions/${number}`,
  );
export const getDraftSurvey = (code: string) =>
  apiGet<{ survey: SurveyJson; title: string; subject: string }>(`/grids/${code}/draft`);

export const STATUS_LABELS: Record<Proposal["status"], string> = {
  open: "ouverte",
  accepted: "acceptée",
  rejected: "refusée",
};
