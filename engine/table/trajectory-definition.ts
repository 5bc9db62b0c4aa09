import { CODE_PATTERN } from "../grid/types.ts";
import {
  checkKnownKeys,
  checkPeriod,
  checkScope,
  checkTexts,
  type DefinitionError,
  type TableScope,
} from "./definition.ts";

// The definition of a transition table ("tableau de parcours") and its shape
// checks, which need no database; question codes are checked against the
// situation grid's history when it is compiled (trajectory.ts).

export type SituationMoment = "entry" | "latest";

export type TransitionDimension =
  /** A single-choice question of the situation grid, at entry or latest. */
  | { kind: "situation_at"; question: string; moment: SituationMoment }
  /** The domains worked on in any accompaniment of the young person (multiple counting). */
  | { kind: "accompaniment_domain" };

export type TransitionTableDefinition = {
  code: string;
  title: string;
  description?: string;
  kind: "transition";
  /** The situation grid (suivi_situation in the shipped set). */
  grid: string;
  measure: { kind: "count_distinct" };
  rows: TransitionDimension[];
  columns: TransitionDimension[];
  period?: { from?: string; to?: string };
  scope?: TableScope;
};

export const MOMENT_FIELD = "moment";
export const ENTRY_MOMENT = "entree";
export const ACCOMPANIMENT_GRID = "accompagnement";
export const DOMAINS_QUESTION = "domaines_travailles";
export const NO_DOMAIN = "__aucun_domaine";
const MAX_TRANSITION_DIMENSIONS = 2;
const TRANSITION_KEYS = [
  "code",
  "title",
  "description",
  "kind",
  "grid",
  "measure",
  "rows",
  "columns",
  "period",
  "scope",
];

const AXIS_NAMES = { rows: "Les lignes", columns: "Les colonnes" };

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function isTransitionDefinition(raw: unknown): raw is TransitionTableDefinition {
  return !!raw && typeof raw === "object" && (raw as { kind?: unknown }).kind === "transition";
}

/** Shape checks needing no database; question codes are checked against the grid later. */
export function checkTransitionShape(raw: unknown): DefinitionError[] {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return [{ field: "", message: "La définition du tableau doit être un objet JSON." }];
  }
  const def = raw as Record<string, unknown>;
  const errors: DefinitionError[] = [];
  const push = (field: string, message: string) => errors.push({ field, message });
  for (const key of Object.keys(def)) {
    if (!TRANSITION_KEYS.includes(key)) push(key, `Champ inconnu dans la définition : « ${key} ».`);
  }
  if (typeof def.code !== "string" || !CODE_PATTERN.test(def.code)) {
    push("code", "Le code du tableau s'écrit en minuscules sans accents, chiffres et « _ ».");
  }
  checkTexts(def, push);
  if (def.kind !== "transition") {
    push("kind", "Un tableau de parcours a pour type « transition ».");
  }
  if (typeof def.grid !== "string" || !CODE_PATTERN.test(def.grid)) {
    push("grid", "Indiquez le code de la grille de situation.");
  }
  const measure = def.measure;
  if (!isObject(measure) || measure.kind !== "count_distinct") {
    push(
      "measure",
      "Un tableau de parcours compte des jeunes distincts : mesure « count_distinct ».",
    );
  } else checkKnownKeys(measure, ["kind"], "measure", push);
  for (const axis of ["rows", "columns"] as const) {
    const dims = def[axis];
    const min = axis === "rows" ? 1 : 0;
    if (!Array.isArray(dims) || dims.length < min || dims.length > MAX_TRANSITION_DIMENSIONS) {
      push(
        axis,
        `${AXIS_NAMES[axis]} d'un tableau de parcours : de ${min} à ${MAX_TRANSITION_DIMENSIONS} dimensions.`,
      );
      continue;
    }
    dims.forEach((dim: unknown, index) => {
      const field = `${axis}[${index}]`;
      if (!isObject(dim) || (dim.kind !== "situation_at" && dim.kind !== "accompaniment_domain")) {
        push(
          `${field}.kind`,
          "Une dimension de parcours est une situation (« situation_at ») ou les domaines d'accompagnement (« accompaniment_domain »).",
        );
        return;
      }
      if (dim.kind === "accompaniment_domain") {
        checkKnownKeys(dim, ["kind"], field, push);
        return;
      }
      checkKnownKeys(dim, ["kind", "question", "moment"], field, push);
      if (typeof dim.question !== "string" || !CODE_PATTERN.test(dim.question)) {
        push(`${field}.question`, "Le code de question n'est pas valide.");
      }
      if (dim.moment !== "entry" && dim.moment !== "latest") {
        push(
          `${field}.moment`,
          "Le moment vaut « entry » (entrée) ou « latest » (dernière situation).",
        );
      }
    });
  }
  if (def.period !== undefined) checkPeriod(def.period, push);
  checkScope(def.scope, push);
  return errors;
}
