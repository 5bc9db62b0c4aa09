import { questionHistory, type PublishedVersion, type QuestionHistory } from "./labels.ts";
import type { Territory } from "./territory.ts";
import type { Fragment } from "./sql.ts";
import { FRENCH_MONTHS } from "../response/dates.ts";

// What every dimension shares: the special keys, the resolved shape, the
// context a definition is resolved in, and the check that a question exists.

export const NOT_ANSWERED = "__non_renseigne";
export const NOT_ASKED = "__non_demande";
export const NOT_ANSWERED_LABEL = "Non renseigné";
export const NOT_ASKED_LABEL = "Non demandé";

export type Header = { key: string; label: string };

export type ResolvedDimension = {
  /** What the axis shows as the dimension's title. */
  title: string;
  /** The key of a record: an expression over r (responses), s (subjects), the lateral alias. */
  key: Fragment;
  /** A set-returning join giving several keys per record (multiple counting). */
  lateral?: Fragment;
  /** Known keys in display order; keys met in the data but absent here come after. */
  headers: Header[];
  /** Keys shown only when something falls in them (non renseigné, retired choices…). */
  optional: Set<string>;
  /** Label of a key met in the data and absent from `headers`. */
  labelOf: (key: string) => string;
  /** Whether keys met in the data are sorted by key (dates, codes) rather than by label. */
  sortByKey?: boolean;
  /**
   * Which rows the key reads: the record (r, and its lateral join), the young
   * person (s) only, or both. A key of the young person alone can be computed
   * after the records were reduced to distinct young people.
   */
  reads: "record" | "subject" | "both";
  /** Stated under the table, in French. */
  note?: string;
};

export type OrganisationRow = {
  id: number;
  kind: string;
  code: string;
  name: string;
  path: string;
};

export type ResolveContext = {
  gridSubject: string;
  versions: PublishedVersion[];
  territory: Territory;
  organisations: OrganisationRow[];
  /** Year whose 31 December dates the age bands `at: "year_end"`, when the period fixes one. */
  referenceYear?: number;
};

/** A definition names a code that no published version of the grid has. */
export class DefinitionCodeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const SEX_HEADERS: Header[] = [
  { key: "fille", label: "Filles" },
  { key: "garcon", label: "Garçons" },
  { key: "autre_nsp", label: "Autre / non précisé" },
];

export const MONTHS: readonly string[] = FRENCH_MONTHS;

export const CHOICE_TYPES = ["radiogroup", "dropdown", "rating", "imagepicker", "buttongroup"];
export const MULTI_TYPES = ["checkbox", "tagbox"];

export function requireQuestion(
  versions: PublishedVersion[],
  code: string,
  field: string,
  accepted: string[],
  expected: string,
): QuestionHistory {
  const history = questionHistory(versions, code);
  if (!history) {
    throw new DefinitionCodeError(
      field,
      `La question « ${code} » n'existe dans aucune version publiée de la grille.`,
    );
  }
  const kind = history.type === "text" && history.inputType === "number" ? "number" : history.type;
  if (!accepted.includes(kind)) {
    throw new DefinitionCodeError(
      field,
      `La question « ${code} » (${history.type}) n'est pas ${expected}.`,
    );
  }
  return history;
}

/** `'{1,2}'`: version ids bound as one int[] parameter. */
export function idArray(ids: number[]): string {
  return `{${ids.join(",")}}`;
}

export function withSpecials(headers: Header[], asked: boolean): Header[] {
  const specials = [{ key: NOT_ANSWERED, label: NOT_ANSWERED_LABEL }];
  if (asked) specials.push({ key: NOT_ASKED, label: NOT_ASKED_LABEL });
  return [...headers, ...specials];
}

export function identity(key: string): string {
  return key;
}
