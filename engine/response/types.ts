import type { JsonSchema } from "../grid/schema.ts";
import type { SurveyJson } from "../grid/types.ts";

/** A published (or previewed) grid version, as the validator needs it. */
export interface ValidatedVersion {
  /** Caches are keyed by this id: a version's survey must not change under it. */
  id: number | string;
  survey: SurveyJson;
  /** The schema frozen at publication; derived from `survey` when absent. */
  schema?: JsonSchema;
}

export interface FieldError {
  /** Question code, or `code.row.column` / `code.0.inner` inside matrices and dynamic panels. */
  field: string;
  /** French, a whole sentence. */
  message: string;
}

export type ValidationResult =
  { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldError[] };

/** A position in the response data: keys and array indexes. */
export type DataPath = (string | number)[];

export function fieldOf(path: DataPath): string {
  return path.join(".");
}
