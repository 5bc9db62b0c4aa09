import { CODE_PATTERN } from "../grid/types.ts";

// The table definition format (definitions/tables/*.json and the app's
// builder). It names codes only; the compiler checks every code against the
// grid's history and never pastes one into SQL.

export type Measure =
  | { kind: "count" }
  /** Distinct young people (the responses' subjects). */
  | { kind: "count_distinct" };

export type Dimension =
  /** The choices of a single-choice question, with "non renseigné" and "non demandé". */
  | { kind: "choice"; question: string }
  /** The young person's sex, from their record. */
  | { kind: "sex" }
  /** The young person's age band on the record's date. */
  | { kind: "age_band" };

export type TableScope = "service" | "association" | "federation";

export type TableDefinition = {
  code: string;
  title: string;
  description?: string;
  grid: string;
  measure: Measure;
  rows: Dimension[];
  columns: Dimension[];
  scope?: TableScope;
};

export type DefinitionError = { field: string; message: string };

const MEASURES = ["count", "count_distinct"];
const DIMENSIONS = ["choice", "sex", "age_band"];

/** Shape checks that need no database; codes are checked against the grid later. */
export function checkDefinitionShape(raw: unknown): DefinitionError[] {
  const errors: DefinitionError[] = [];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return [{ field: "", message: "La définition du tableau doit être un objet JSON." }];
  }
  const def = raw as Record<string, unknown>;
  if (typeof def.code !== "string" || !CODE_PATTERN.test(def.code)) {
    errors.push({
      field: "code",
      message: "Le code du tableau s'écrit en minuscules sans accents, chiffres et « _ ».",
    });
  }
  if (typeof def.title !== "string" || def.title.trim() === "") {
    errors.push({ field: "title", message: "Donnez un titre au tableau." });
  }
  if (typeof def.grid !== "string" || !CODE_PATTERN.test(def.grid)) {
    errors.push({ field: "grid", message: "Indiquez le code de la grille comptée." });
  }
  const measure = def.measure as Record<string, unknown> | undefined;
  if (!measure || !MEASURES.includes(measure.kind as string)) {
    errors.push({ field: "measure", message: "La mesure doit être « count » ou « count_distinct »." });
  }
  for (const axis of ["rows", "columns"] as const) {
    const dims = def[axis];
    if (!Array.isArray(dims) || dims.length > 1) {
      errors.push({ field: axis, message: `« ${axis} » est une liste d'au plus une dimension.` });
      continue;
    }
    dims.forEach((dim: Record<string, unknown>, index) => {
      const field = `${axis}[${index}]`;
      if (!dim || !DIMENSIONS.includes(dim.kind as string)) {
        errors.push({ field, message: `Dimension inconnue : ${String(dim?.kind)}.` });
      } else if (dim.kind === "choice" && (typeof dim.question !== "string" || !CODE_PATTERN.test(dim.question))) {
        errors.push({ field: `${field}.question`, message: "Le code de question n'est pas valide." });
      }
    });
  }
  if ((def.rows as unknown[] | undefined)?.length === 0) {
    errors.push({ field: "rows", message: "Un tableau a au moins une dimension en lignes." });
  }
  return errors;
}
