import { CODE_PATTERN } from "../grid/types.ts";
import { isCalendarDate } from "../response/dates.ts";

// The table definition format (definitions/tables/*.json and the app's
// builder). It names codes only; the compiler checks every code against the
// grid's history and binds it as a parameter, never pasting it into SQL.

export type Measure =
  /** Records. */
  | { kind: "count" }
  /** Distinct young people (the records' subjects). */
  | { kind: "count_distinct" }
  /** Sum or mean of a number question. */
  | { kind: "sum"; question: string }
  | { kind: "avg"; question: string }
  /** Sum of the cells of a breakdown typed as counts (a matrixdropdown of numbers). */
  | { kind: "breakdown_sum"; question: string };

export type AgeBandSpec = { code: string; label: string; min: number; max: number | null };

export type Dimension =
  /** The choices of a single-choice question, with "non renseigné" and "non demandé". */
  | { kind: "choice"; question: string }
  /** The choices of a checkbox question: a record counts once under each choice it ticks. */
  | { kind: "checkbox"; question: string }
  /** A yes/no question. */
  | { kind: "boolean"; question: string }
  /** The young person's sex, from their record. */
  | { kind: "sex" }
  /** The young person's age band, on the record's date or on 31 December of the year. */
  | { kind: "age_band"; at?: "record_date" | "year_end"; bands?: AgeBandSpec[] }
  /** The record's date (occurred_on), by month, quarter or year. */
  | { kind: "period"; unit: "month" | "quarter" | "year" }
  /** The association or the service that owns the record. */
  | { kind: "organisation"; level: "association" | "service" }
  /**
   * A commune (INSEE code) from a question, or the young person's commune when no
   * question is named; by commune, or métropole / rest of the département / outside.
   */
  | { kind: "territory"; level: "commune" | "metropole"; question?: string }
  /** The rows or the columns of a breakdown typed as counts; the measure sums its cells. */
  | { kind: "breakdown_row"; question: string }
  | { kind: "breakdown_column"; question: string };

export type DimensionKind = Dimension["kind"];

/**
 * Keeps records whose answer to `question` is (or, for a checkbox, includes) one of
 * `values`; or records whose commune (from `question`, else the young person's) lies
 * in the métropole or in the département.
 */
export type Filter =
  | { question: string; values: string[] }
  | { territory: "metropole" | "departement"; question?: string };

export type TableScope = "service" | "association" | "federation";

export type TableDefinition = {
  code: string;
  title: string;
  description?: string;
  grid: string;
  measure: Measure;
  rows: Dimension[];
  columns: Dimension[];
  filters?: Filter[];
  /** Calendar dates on the record's date, both included. */
  period?: { from?: string; to?: string };
  scope?: TableScope;
};

export type DefinitionError = { field: string; message: string };

export const MEASURE_KINDS = ["count", "count_distinct", "sum", "avg", "breakdown_sum"] as const;
export const DIMENSION_KINDS: readonly DimensionKind[] = [
  "choice",
  "checkbox",
  "boolean",
  "sex",
  "age_band",
  "period",
  "organisation",
  "territory",
  "breakdown_row",
  "breakdown_column",
];
/** Dimensions that name a question of the grid. */
export const QUESTION_DIMENSIONS: readonly DimensionKind[] = [
  "choice",
  "checkbox",
  "boolean",
  "breakdown_row",
  "breakdown_column",
];
export const MAX_DIMENSIONS_PER_AXIS = 3;

const DEFINITION_KEYS = [
  "code",
  "title",
  "description",
  "grid",
  "measure",
  "rows",
  "columns",
  "filters",
  "period",
  "scope",
];

type Raw = Record<string, unknown>;

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;

/** The fields each dimension kind takes; any other is refused, so nothing unchecked is stored. */
const DIMENSION_KEYS: Record<DimensionKind, string[]> = {
  choice: ["question"],
  checkbox: ["question"],
  boolean: ["question"],
  sex: [],
  age_band: ["at", "bands"],
  period: ["unit"],
  organisation: ["level"],
  territory: ["level", "question"],
  breakdown_row: ["question"],
  breakdown_column: ["question"],
};

function isObject(value: unknown): value is Raw {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isCode(value: unknown): value is string {
  return typeof value === "string" && CODE_PATTERN.test(value);
}

const BAD_CODE =
  "n'est pas un code valide : minuscules sans accents, chiffres et « _ », en commençant par une lettre.";

/** Shape checks that need no database; codes are checked against the grid's history later. */
export function checkDefinitionShape(raw: unknown): DefinitionError[] {
  if (!isObject(raw))
    return [{ field: "", message: "La définition du tableau doit être un objet JSON." }];
  const errors: DefinitionError[] = [];
  const push = (field: string, message: string) => errors.push({ field, message });

  for (const key of Object.keys(raw)) {
    if (!DEFINITION_KEYS.includes(key)) push(key, `Champ inconnu dans la définition : « ${key} ».`);
  }
  if (!isCode(raw.code)) push("code", `Le code du tableau ${BAD_CODE}`);
  checkTexts(raw, push);
  if (!isCode(raw.grid)) push("grid", `Le code de la grille ${BAD_CODE}`);
  checkMeasure(raw.measure, push);

  for (const axis of ["rows", "columns"] as const) {
    const dims = raw[axis];
    if (!Array.isArray(dims)) {
      push(
        axis,
        `${axis === "rows" ? "Les lignes (« rows »)" : "Les colonnes (« columns »)"} sont une liste de dimensions, éventuellement vide.`,
      );
      continue;
    }
    if (dims.length > MAX_DIMENSIONS_PER_AXIS) {
      push(axis, `Au plus ${MAX_DIMENSIONS_PER_AXIS} dimensions par axe.`);
    }
    dims.forEach((dim, index) => checkDimension(dim, `${axis}[${index}]`, push));
  }
  checkBreakdownPairing(raw, push);

  if (raw.filters !== undefined) {
    if (!Array.isArray(raw.filters)) push("filters", "Les filtres sont une liste.");
    else raw.filters.forEach((filter, index) => checkFilter(filter, `filters[${index}]`, push));
  }
  if (raw.period !== undefined) checkPeriod(raw.period, push);
  checkScope(raw.scope, push);
  return errors;
}

export type Push = (field: string, message: string) => void;

/** Title and description: texts of a bounded length (a list of tables shows them all). */
export function checkTexts(raw: Raw, push: Push): void {
  if (typeof raw.title !== "string" || raw.title.trim() === "")
    push("title", "Donnez un titre au tableau.");
  else if (raw.title.length > MAX_TITLE_LENGTH)
    push("title", `Le titre dépasse ${MAX_TITLE_LENGTH} caractères : raccourcissez-le.`);
  if (raw.description !== undefined && typeof raw.description !== "string") {
    push("description", "La description est un texte.");
  } else if (
    typeof raw.description === "string" &&
    raw.description.length > MAX_DESCRIPTION_LENGTH
  ) {
    push(
      "description",
      `La description dépasse ${MAX_DESCRIPTION_LENGTH} caractères : raccourcissez-la.`,
    );
  }
}

/** Refuses the fields of `value` not in `allowed`, naming each. */
export function checkKnownKeys(value: Raw, allowed: string[], field: string, push: Push): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) push(`${field}.${key}`, `Champ inconnu : « ${key} ».`);
  }
}

export function checkScope(scope: unknown, push: Push): void {
  if (scope !== undefined && !["service", "association", "federation"].includes(scope as string)) {
    push("scope", "La portée est « service », « association » ou « federation ».");
  }
}

function checkMeasure(measure: unknown, push: Push): void {
  if (
    !isObject(measure) ||
    !(MEASURE_KINDS as readonly string[]).includes(measure.kind as string)
  ) {
    push(
      "measure",
      "La mesure est « count », « count_distinct », « sum », « avg » ou « breakdown_sum ».",
    );
    return;
  }
  const needsQuestion = ["sum", "avg", "breakdown_sum"].includes(measure.kind as string);
  checkKnownKeys(measure, needsQuestion ? ["kind", "question"] : ["kind"], "measure", push);
  if (needsQuestion && !isCode(measure.question))
    push("measure.question", `La question mesurée ${BAD_CODE}`);
  if (!needsQuestion && measure.question !== undefined) {
    push("measure.question", "Cette mesure ne porte pas sur une question.");
  }
}

function checkDimension(dim: unknown, field: string, push: Push): void {
  if (!isObject(dim) || !DIMENSION_KINDS.includes(dim.kind as DimensionKind)) {
    push(`${field}.kind`, `Dimension inconnue : « ${String(isObject(dim) ? dim.kind : dim)} ».`);
    return;
  }
  const kind = dim.kind as DimensionKind;
  checkKnownKeys(dim, ["kind", ...DIMENSION_KEYS[kind]], field, push);
  if (QUESTION_DIMENSIONS.includes(kind) || (kind === "territory" && dim.question !== undefined)) {
    if (!isCode(dim.question)) push(`${field}.question`, `La question ${BAD_CODE}`);
  }
  if (kind === "age_band") {
    if (dim.at !== undefined && dim.at !== "record_date" && dim.at !== "year_end") {
      push(
        `${field}.at`,
        "L'âge se calcule à la date de la fiche (« record_date ») ou au 31/12 (« year_end »).",
      );
    }
    if (dim.bands !== undefined) checkBands(dim.bands, `${field}.bands`, push);
  }
  if (kind === "period" && !["month", "quarter", "year"].includes(dim.unit as string)) {
    push(
      `${field}.unit`,
      "La période se découpe par mois (« month »), trimestre (« quarter ») ou année (« year »).",
    );
  }
  if (kind === "organisation" && !["association", "service"].includes(dim.level as string)) {
    push(`${field}.level`, "Le niveau est « association » ou « service ».");
  }
  if (kind === "territory" && !["commune", "metropole"].includes(dim.level as string)) {
    push(
      `${field}.level`,
      "Le territoire se découpe par commune (« commune ») ou métropole / reste du département (« metropole »).",
    );
  }
}

function checkBands(bands: unknown, field: string, push: Push): void {
  if (!Array.isArray(bands) || bands.length === 0) {
    push(field, "Les tranches d'âge sont une liste non vide.");
    return;
  }
  bands.forEach((band, index) => {
    if (isObject(band))
      checkKnownKeys(band, ["code", "label", "min", "max"], `${field}[${index}]`, push);
    const ok =
      isObject(band) &&
      isCode(band.code) &&
      typeof band.label === "string" &&
      Number.isInteger(band.min) &&
      (band.max === null ||
        (Number.isInteger(band.max) && (band.max as number) >= (band.min as number)));
    if (!ok)
      push(
        `${field}[${index}]`,
        "Une tranche a un code, un libellé, un âge minimum et un maximum (ou null).",
      );
  });
}

function checkFilter(filter: unknown, field: string, push: Push): void {
  if (isObject(filter) && "territory" in filter) {
    checkKnownKeys(filter, ["territory", "question"], field, push);
    if (filter.territory !== "metropole" && filter.territory !== "departement") {
      push(`${field}.territory`, "Le filtre de territoire garde « metropole » ou « departement ».");
    }
    if (filter.question !== undefined && !isCode(filter.question))
      push(`${field}.question`, `La question ${BAD_CODE}`);
    return;
  }
  if (!isObject(filter) || !isCode(filter.question)) {
    push(`${field}.question`, `La question filtrée ${BAD_CODE}`);
    return;
  }
  checkKnownKeys(filter, ["question", "values"], field, push);
  if (!Array.isArray(filter.values) || filter.values.length === 0 || !filter.values.every(isCode)) {
    push(`${field}.values`, "Un filtre garde une liste non vide de codes de réponse.");
  }
}

export function checkPeriod(period: unknown, push: Push): void {
  if (!isObject(period)) {
    push("period", "La période est un objet { from, to }.");
    return;
  }
  checkKnownKeys(period, ["from", "to"], "period", push);
  for (const bound of ["from", "to"] as const) {
    if (period[bound] !== undefined && !isCalendarDate(period[bound])) {
      push(`period.${bound}`, "Une date s'écrit AAAA-MM-JJ, par exemple 2026-01-31.");
    }
  }
  if (isCalendarDate(period.from) && isCalendarDate(period.to) && period.from > period.to) {
    push("period.to", "La fin de la période précède son début.");
  }
}

/** Breakdown dimensions go with a `breakdown_sum` measure of the same question. */
function checkBreakdownPairing(raw: Raw, push: Push): void {
  const measure = isObject(raw.measure) ? raw.measure : {};
  for (const axis of ["rows", "columns"] as const) {
    const dims = Array.isArray(raw[axis]) ? (raw[axis] as unknown[]) : [];
    dims.forEach((dim, index) => {
      if (!isObject(dim) || (dim.kind !== "breakdown_row" && dim.kind !== "breakdown_column"))
        return;
      if (measure.kind !== "breakdown_sum" || measure.question !== dim.question) {
        push(
          `${axis}[${index}]`,
          "Les lignes ou colonnes d'un tableau de décompte vont avec la mesure « breakdown_sum » de la même question.",
        );
      }
    });
  }
}
