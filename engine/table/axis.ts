import type { Dimension } from "./definition.ts";
import { questionHistory, type PublishedVersion } from "./labels.ts";
import { DEFAULT_AGE_BANDS } from "./age-bands.ts";

// A dimension resolved against the grid's history: the SQL expression giving
// each response its key (with every value bound, never pasted) and the ordered
// headers with their French labels.

export const NOT_ANSWERED = "__non_renseigne";
export const NOT_ASKED = "__non_demande";

export type Header = { key: string; label: string };

export type ResolvedAxis = {
  sql: string;
  bindings: (string | number)[];
  headers: Header[];
  needsSubject: boolean;
};

const SEX_HEADERS: Header[] = [
  { key: "fille", label: "Filles" },
  { key: "garcon", label: "Garçons" },
  { key: "autre_nsp", label: "Autre / non précisé" },
];

export class UnknownCodeError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
  ) {
    super(`La question « ${code} » n'existe dans aucune version publiée de la grille.`);
  }
}

export function resolveAxis(
  dimension: Dimension | undefined,
  versions: PublishedVersion[],
  field: string,
): ResolvedAxis {
  if (!dimension) {
    return { sql: "'total'", bindings: [], headers: [{ key: "total", label: "Total" }], needsSubject: false };
  }
  switch (dimension.kind) {
    case "choice": {
      const history = questionHistory(versions, dimension.question);
      if (!history) throw new UnknownCodeError(`${field}.question`, dimension.question);
      return {
        sql:
          "case when r.grid_version_id = any(?::int[]) " +
          "then coalesce(nullif(r.data->>?, ''), ?) else ? end",
        bindings: [`{${history.versionIds.join(",")}}`, dimension.question, NOT_ANSWERED, NOT_ASKED],
        headers: [
          ...history.choices.map((c) => ({ key: c.value, label: c.label })),
          { key: NOT_ANSWERED, label: "Non renseigné" },
          { key: NOT_ASKED, label: "Non demandé" },
        ],
        needsSubject: false,
      };
    }
    case "sex":
      return {
        sql: "coalesce(s.sex, ?)",
        bindings: [NOT_ANSWERED],
        headers: [...SEX_HEADERS, { key: NOT_ANSWERED, label: "Non renseigné" }],
        needsSubject: true,
      };
    case "age_band": {
      // Whole years on the record's date; an unknown birth month counts as January.
      const age =
        "(extract(year from r.occurred_on)::int - s.birth_year - " +
        "case when extract(month from r.occurred_on)::int < coalesce(s.birth_month, 1) " +
        "then 1 else 0 end)";
      const cases = DEFAULT_AGE_BANDS.map((band) =>
        band.max === null ? `when ${age} >= ? then ?` : `when ${age} between ? and ? then ?`,
      ).join(" ");
      const bindings = DEFAULT_AGE_BANDS.flatMap((band) =>
        band.max === null ? [band.min, band.code] : [band.min, band.max, band.code],
      );
      return {
        sql: `case when s.birth_year is null then ? ${cases} else ? end`,
        bindings: [NOT_ANSWERED, ...bindings, NOT_ANSWERED],
        headers: [
          ...DEFAULT_AGE_BANDS.map((band) => ({ key: band.code, label: band.label })),
          { key: NOT_ANSWERED, label: "Non renseigné" },
        ],
        needsSubject: true,
      };
    }
  }
}
