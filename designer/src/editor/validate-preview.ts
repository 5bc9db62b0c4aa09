import { apiPost } from "../shared/api.ts";
import type { SurveyJson } from "../../../engine/grid/types.ts";

export type PreviewResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: { field: string; message: string }[] };

/** The server's own validation of the preview's answers against the edited definition. */
export function validatePreview(survey: SurveyJson, data: unknown): Promise<PreviewResult> {
  return apiPost<PreviewResult>("/grids/preview/validate", { survey, data });
}
