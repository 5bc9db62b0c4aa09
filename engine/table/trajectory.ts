import { CODE_PATTERN } from "../grid/types.ts";
import { questionHistory, type PublishedVersion } from "./labels.ts";
import { NOT_ANSWERED, NOT_ASKED, type Header } from "./axis.ts";

// Transition tables: young people counted once each, by their situation at
// entry and their latest situation (from the situation grid), optionally
// crossed with the domains worked on in their accompaniments. Pure part: the
// definition format, its checks, and the SQL pieces with every value bound.
//
// Entry is the first situation record whose `moment` is "entree", else the
// first record; latest is the last record (by date, then time of entry).
// NOTE: subject/file.ts (situationComparison) applies the same rule to one file.

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
};

export const MOMENT_FIELD = "moment";
export const ENTRY_MOMENT = "entree";
export const ACCOMPANIMENT_GRID = "accompagnement";
export const DOMAINS_QUESTION = "domaines_travailles";
export const NO_DOMAIN = "__aucun_domaine";
const SINGLE_CHOICE_TYPES = ["radiogroup", "dropdown"];

export type DefinitionError = { field: string; message: string };

export function isTransitionDefinition(raw: unknown): boolean {
  return !!raw && typeof raw === "object" && (raw as { kind?: unknown }).kind === "transition";
}

/** Shape checks needing no database; question codes are checked against the grid later. */
export function checkTransitionShape(raw: unknown): DefinitionError[] {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return [{ field: "", message: "La définition du tableau doit être un objet JSON." }];
  }
  const def = raw as Record<string, unknown>;
  const errors: DefinitionError[] = [];
  if (typeof def.code !== "string" || !CODE_PATTERN.test(def.code)) {
    errors.push({
      field: "code",
      message: "Le code du tableau s'écrit en minuscules sans accents, chiffres et « _ ».",
    });
  }
  if (typeof def.title !== "string" || def.title.trim() === "") {
    errors.push({ field: "title", message: "Donnez un titre au tableau." });
  }
  if (def.kind !== "transition") {
    errors.push({ field: "kind", message: "Un tableau de parcours a pour type « transition »." });
  }
  if (typeof def.grid !== "string" || !CODE_PATTERN.test(def.grid)) {
    errors.push({ field: "grid", message: "Indiquez le code de la grille de situation." });
  }
  const measure = def.measure as { kind?: unknown } | undefined;
  if (!measure || measure.kind !== "count_distinct") {
    errors.push({
      field: "measure",
      message: "Un tableau de parcours compte des jeunes distincts : mesure « count_distinct ».",
    });
  }
  for (const axis of ["rows", "columns"] as const) {
    const dims = def[axis];
    const min = axis === "rows" ? 1 : 0;
    if (!Array.isArray(dims) || dims.length < min || dims.length > 2) {
      errors.push({
        field: axis,
        message: `« ${axis} » est une liste de ${min} à 2 dimensions.`,
      });
      continue;
    }
    dims.forEach((dim: Record<string, unknown> | null, index) => {
      const field = `${axis}[${index}]`;
      if (dim?.kind === "accompaniment_domain") return;
      if (dim?.kind !== "situation_at") {
        errors.push({
          field,
          message: `Dimension inconnue pour un tableau de parcours : ${String(dim?.kind)}.`,
        });
        return;
      }
      if (typeof dim.question !== "string" || !CODE_PATTERN.test(dim.question)) {
        errors.push({
          field: `${field}.question`,
          message: "Le code de question n'est pas valide.",
        });
      }
      if (dim.moment !== "entry" && dim.moment !== "latest") {
        errors.push({
          field: `${field}.moment`,
          message: "Le moment vaut « entry » (entrée) ou « latest » (dernière situation).",
        });
      }
    });
  }
  return errors;
}

export class TransitionCodeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A dimension resolved: its SQL over the per-young-person row `p` and the domain `dom`, and headers. */
export type ResolvedTransitionDimension = {
  /** Column of the per-young-person row holding the key, or the domain. */
  sql: string;
  headers: Header[];
  /** The situation value this dimension needs, if any. */
  situation?: { question: string; moment: SituationMoment; versionIds: number[] };
  needsDomains: boolean;
};

export function resolveTransitionDimensions(
  dims: TransitionDimension[],
  field: string,
  situationVersions: PublishedVersion[],
  accompanimentVersions: PublishedVersion[],
): ResolvedTransitionDimension[] {
  return dims.map((dim, index) => {
    const where = `${field}[${index}]`;
    if (dim.kind === "accompaniment_domain") {
      const history = questionHistory(accompanimentVersions, DOMAINS_QUESTION);
      return {
        sql: `coalesce(dom.domain, '${NO_DOMAIN}')`,
        headers: [
          ...(history?.choices ?? []).map((c) => ({ key: c.value, label: c.label })),
          { key: NO_DOMAIN, label: "Sans domaine d'accompagnement" },
        ],
        needsDomains: true,
      };
    }
    const history = questionHistory(situationVersions, dim.question);
    if (!history) {
      throw new TransitionCodeError(
        `${where}.question`,
        `La question « ${dim.question} » n'existe dans aucune version publiée de la grille.`,
      );
    }
    if (!SINGLE_CHOICE_TYPES.includes(history.type)) {
      throw new TransitionCodeError(
        `${where}.question`,
        `La question « ${dim.question} » n'est pas à choix unique : elle ne peut pas servir de situation.`,
      );
    }
    return {
      sql: `p.${dim.moment}_${dim.question}`,
      headers: [
        ...history.choices.map((c) => ({ key: c.value, label: c.label })),
        { key: NOT_ANSWERED, label: "Non renseigné" },
        { key: NOT_ASKED, label: "Non demandé" },
      ],
      situation: { question: dim.question, moment: dim.moment, versionIds: history.versionIds },
      needsDomains: false,
    };
  });
}

/** Headers of an axis of several dimensions: every combination, keys joined by "|". */
export function combineHeaders(dimensions: ResolvedTransitionDimension[]): Header[] {
  let combined: Header[] = [{ key: "", label: "" }];
  for (const dim of dimensions) {
    combined = combined.flatMap((left) =>
      dim.headers.map((right) => ({
        key: left.key === "" ? right.key : `${left.key}|${right.key}`,
        label: left.label === "" ? right.label : `${left.label} · ${right.label}`,
      })),
    );
  }
  return dimensions.length === 0 ? [{ key: "total", label: "Total" }] : combined;
}

/** SQL for an axis key over `p` and `dom`. */
export function axisKeySql(dimensions: ResolvedTransitionDimension[]): string {
  if (dimensions.length === 0) return "'total'";
  return dimensions.map((d) => d.sql).join(" || '|' || ");
}

/**
 * The per-young-person columns for the situations the dimensions need:
 * `entry_<question>` and `latest_<question>`, from the ranked records `k`.
 * Question codes match CODE_PATTERN (checked), so they are safe as column
 * aliases; every value is still bound.
 */
export function situationColumnsSql(dimensions: ResolvedTransitionDimension[]): {
  sql: string;
  bindings: (string | number)[];
} {
  const seen = new Set<string>();
  const parts: string[] = [];
  const bindings: (string | number)[] = [];
  for (const dim of dimensions) {
    if (!dim.situation) continue;
    const { question, moment, versionIds } = dim.situation;
    const alias = `${moment}_${question}`;
    if (seen.has(alias) || !CODE_PATTERN.test(question)) continue;
    seen.add(alias);
    const rank = moment === "entry" ? "k.entry_rank" : "k.latest_rank";
    parts.push(
      `max(case when ${rank} = 1 then (case when k.grid_version_id = any(?::int[]) ` +
        `then coalesce(nullif(k.data->>?, ''), ?) else ? end) end) as ${alias}`,
    );
    bindings.push(`{${versionIds.join(",")}}`, question, NOT_ANSWERED, NOT_ASKED);
  }
  return { sql: parts.join(", "), bindings };
}
