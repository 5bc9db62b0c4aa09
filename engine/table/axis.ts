import type { AgeBandSpec, Dimension } from "./definition.ts";
import { questionHistory, type PublishedVersion, type QuestionHistory } from "./labels.ts";
import { DEFAULT_AGE_BANDS } from "./age-bands.ts";
import { sql, type Fragment } from "./sql.ts";
import type { Territory } from "./territory.ts";

// A dimension resolved against the grid's history: the SQL giving each record
// its key (every value bound, never pasted) and the French labels of the keys.
// Dimensions that give a record several keys (a checkbox) come as a lateral
// set-returning join; the compiler joins it only where the key is grouped on.

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
  /** Year whose 31 December is the reference for age bands `at: "year_end"`, when the period fixes one. */
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

const SEX_HEADERS: Header[] = [
  { key: "fille", label: "Filles" },
  { key: "garcon", label: "Garçons" },
  { key: "autre_nsp", label: "Autre / non précisé" },
];

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

const CHOICE_TYPES = ["radiogroup", "dropdown", "rating", "imagepicker", "buttongroup"];
const MULTI_TYPES = ["checkbox", "tagbox"];

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
function idArray(ids: number[]): string {
  return `{${ids.join(",")}}`;
}

function withSpecials(headers: Header[], asked: boolean): Header[] {
  const specials = [{ key: NOT_ANSWERED, label: NOT_ANSWERED_LABEL }];
  if (asked) specials.push({ key: NOT_ASKED, label: NOT_ASKED_LABEL });
  return [...headers, ...specials];
}

function identity(key: string): string {
  return key;
}

export function resolveDimension(
  dim: Dimension,
  ctx: ResolveContext,
  field: string,
): ResolvedDimension {
  const subjectOnly = (title: string) => {
    if (ctx.gridSubject !== "youth") {
      throw new DefinitionCodeError(
        `${field}.kind`,
        `« ${title} » ne s'applique qu'aux grilles qui portent sur un jeune.`,
      );
    }
  };
  switch (dim.kind) {
    case "choice": {
      const h = requireQuestion(
        ctx.versions,
        dim.question,
        `${field}.question`,
        CHOICE_TYPES,
        "une question à choix unique",
      );
      return {
        title: h.label,
        key: sql(
          "case when r.grid_version_id = any(?::int[]) then coalesce(nullif(r.data->>?, ''), ?) else ? end",
          idArray(h.versionIds),
          dim.question,
          NOT_ANSWERED,
          NOT_ASKED,
        ),
        headers: withSpecials(
          h.choices.map((c) => ({ key: c.value, label: c.label })),
          true,
        ),
        optional: new Set([
          NOT_ANSWERED,
          NOT_ASKED,
          ...h.choices.filter((c) => c.retired).map((c) => c.value),
        ]),
        labelOf: identity,
        reads: "record",
      };
    }
    case "checkbox": {
      const h = requireQuestion(
        ctx.versions,
        dim.question,
        `${field}.question`,
        MULTI_TYPES,
        "une question à choix multiples",
      );
      const alias = `m_${field.replace(/[^a-z0-9]/g, "_")}`;
      return {
        title: h.label,
        key: sql(`${alias}.key`),
        lateral: sql(
          "cross join lateral jsonb_array_elements_text(case " +
            "when not (r.grid_version_id = any(?::int[])) then jsonb_build_array(?::text) " +
            "when jsonb_typeof(r.data->?) = 'array' and jsonb_array_length(r.data->?) > 0 then r.data->? " +
            `else jsonb_build_array(?::text) end) as ${alias}(key)`,
          idArray(h.versionIds),
          NOT_ASKED,
          dim.question,
          dim.question,
          dim.question,
          NOT_ANSWERED,
        ),
        headers: withSpecials(
          h.choices.map((c) => ({ key: c.value, label: c.label })),
          true,
        ),
        optional: new Set([
          NOT_ANSWERED,
          NOT_ASKED,
          ...h.choices.filter((c) => c.retired).map((c) => c.value),
        ]),
        labelOf: identity,
        reads: "record",
        note: `« ${h.label} » admet plusieurs réponses : une fiche compte sous chaque choix coché, les totaux la comptent une fois.`,
      };
    }
    case "boolean": {
      const h = requireQuestion(
        ctx.versions,
        dim.question,
        `${field}.question`,
        ["boolean"],
        "une question oui / non",
      );
      return {
        title: h.label,
        key: sql(
          "case when not (r.grid_version_id = any(?::int[])) then ? " +
            "when r.data->? = 'true'::jsonb then 'oui' when r.data->? = 'false'::jsonb then 'non' else ? end",
          idArray(h.versionIds),
          NOT_ASKED,
          dim.question,
          dim.question,
          NOT_ANSWERED,
        ),
        headers: withSpecials(
          [
            { key: "oui", label: "Oui" },
            { key: "non", label: "Non" },
          ],
          true,
        ),
        optional: new Set([NOT_ANSWERED, NOT_ASKED]),
        labelOf: identity,
        reads: "record",
      };
    }
    case "sex":
      subjectOnly("Sexe");
      return {
        title: "Sexe",
        key: sql("coalesce(s.sex, ?)", NOT_ANSWERED),
        headers: withSpecials(SEX_HEADERS, false),
        optional: new Set([NOT_ANSWERED]),
        labelOf: identity,
        reads: "subject",
      };
    case "age_band":
      subjectOnly("Tranche d'âge");
      return ageBand(dim.bands ?? DEFAULT_AGE_BANDS, dim.at ?? "record_date", ctx.referenceYear);
    case "period":
      return period(dim.unit);
    case "organisation":
      return organisation(dim.level, ctx.organisations);
    case "territory":
      return territory(dim, ctx, field);
    case "breakdown_row":
    case "breakdown_column": {
      const h = requireQuestion(
        ctx.versions,
        dim.question,
        `${field}.question`,
        ["matrixdropdown"],
        "un tableau de décompte",
      );
      const items = dim.kind === "breakdown_row" ? h.rows : h.columns;
      return {
        title: `${h.label} (${dim.kind === "breakdown_row" ? "lignes" : "colonnes"})`,
        key: sql(dim.kind === "breakdown_row" ? "b.row_key" : "b.column_key"),
        headers: items.map((c) => ({ key: c.value, label: c.label })),
        optional: new Set(items.filter((c) => c.retired).map((c) => c.value)),
        labelOf: identity,
        reads: "record",
      };
    }
  }
}

function ageBand(
  bands: AgeBandSpec[],
  at: "record_date" | "year_end",
  referenceYear?: number,
): ResolvedDimension {
  // Whole years; an unknown birth month counts as January.
  const age =
    at === "year_end"
      ? referenceYear !== undefined
        ? sql("(?::int - s.birth_year)", referenceYear)
        : sql("(extract(year from r.occurred_on)::int - s.birth_year)")
      : sql(
          "(extract(year from r.occurred_on)::int - s.birth_year - " +
            "case when extract(month from r.occurred_on)::int < coalesce(s.birth_month, 1) then 1 else 0 end)",
        );
  const cases = bands.map((band) =>
    band.max === null
      ? sql(`when ${age.text} >= ? then ?`, ...age.bindings, band.min, band.code)
      : sql(
          `when ${age.text} between ? and ? then ?`,
          ...age.bindings,
          band.min,
          band.max,
          band.code,
        ),
  );
  return {
    title: at === "year_end" ? "Âge au 31 décembre" : "Âge à la date de la fiche",
    key: sql(
      `case when s.birth_year is null then ? ${cases.map((c) => c.text).join(" ")} else ? end`,
      NOT_ANSWERED,
      ...cases.flatMap((c) => c.bindings),
      NOT_ANSWERED,
    ),
    headers: withSpecials(
      bands.map((band) => ({ key: band.code, label: band.label })),
      false,
    ),
    optional: new Set([NOT_ANSWERED]),
    labelOf: identity,
    // At 31 December of a known year, the age depends on the young person alone.
    reads: at === "year_end" && referenceYear !== undefined ? "subject" : "both",
  };
}

function period(unit: "month" | "quarter" | "year"): ResolvedDimension {
  const formats = { month: "YYYY-MM", quarter: 'YYYY-"T"Q', year: "YYYY" };
  const labelOf = (key: string) => {
    if (unit === "month")
      return `${MONTHS[Number(key.slice(5, 7)) - 1] ?? key.slice(5, 7)} ${key.slice(0, 4)}`;
    if (unit === "quarter") return `${key.slice(5)} ${key.slice(0, 4)}`;
    return key;
  };
  return {
    title: { month: "Mois", quarter: "Trimestre", year: "Année" }[unit],
    key: sql("to_char(r.occurred_on, ?)", formats[unit]),
    headers: [],
    optional: new Set(),
    labelOf,
    sortByKey: true,
    reads: "record",
  };
}

function organisation(
  level: "association" | "service",
  organisations: OrganisationRow[],
): ResolvedDimension {
  // Each organisation maps to its ancestor (or itself) of the level asked, bound as one jsonb object.
  const ofLevel = organisations.filter((o) => o.kind === level);
  const map: Record<string, string> = {};
  for (const o of organisations) {
    const ancestor = ofLevel.find((a) => o.path.startsWith(a.path));
    if (ancestor) map[String(o.id)] = ancestor.code;
  }
  const names = new Map(ofLevel.map((o) => [o.code, o.name]));
  return {
    title: level === "association" ? "Association" : "Service",
    key: sql(
      "coalesce(?::jsonb->>(r.organisation_id::text), ?)",
      JSON.stringify(map),
      NOT_ANSWERED,
    ),
    headers: [],
    optional: new Set([NOT_ANSWERED]),
    labelOf: (key) => (key === NOT_ANSWERED ? NOT_ANSWERED_LABEL : (names.get(key) ?? key)),
    reads: "record",
  };
}

function territory(
  dim: Extract<Dimension, { kind: "territory" }>,
  ctx: ResolveContext,
  field: string,
): ResolvedDimension {
  let commune: Fragment;
  let asked: Fragment | undefined;
  let source: string;
  if (dim.question) {
    const h = requireQuestion(
      ctx.versions,
      dim.question,
      `${field}.question`,
      ["text", "dropdown"],
      "une commune (code INSEE)",
    );
    commune = sql("nullif(r.data->>?, '')", dim.question);
    asked = sql("r.grid_version_id = any(?::int[])", idArray(h.versionIds));
    source = h.label;
  } else {
    if (ctx.gridSubject !== "youth") {
      throw new DefinitionCodeError(
        `${field}.question`,
        "Indiquez la question qui donne la commune : cette grille ne porte pas sur un jeune.",
      );
    }
    commune = sql("nullif(s.commune, '')");
    source = "Commune du jeune";
  }
  const t = ctx.territory;
  const byLevel =
    dim.level === "commune"
      ? sql(`coalesce(${commune.text}, ?)`, ...commune.bindings, NOT_ANSWERED)
      : sql(
          `case when ${commune.text} is null then ? when ${commune.text} = any(?::text[]) then 'metropole' ` +
            `when left(${commune.text}, ?) = ? then 'reste_departement' else 'hors_departement' end`,
          ...commune.bindings,
          NOT_ANSWERED,
          ...commune.bindings,
          `{${t.metropole.communes.join(",")}}`,
          ...commune.bindings,
          t.departement.code.length,
          t.departement.code,
        );
  const key = asked
    ? sql(
        `case when ${asked.text} then ${byLevel.text} else ? end`,
        ...asked.bindings,
        ...byLevel.bindings,
        NOT_ASKED,
      )
    : byLevel;
  const headers =
    dim.level === "commune"
      ? []
      : [
          { key: "metropole", label: t.metropole.name },
          { key: "reste_departement", label: `Reste du département (${t.departement.name})` },
          { key: "hors_departement", label: "Hors département" },
        ];
  return {
    title: dim.level === "commune" ? source : `Territoire : ${source}`,
    key,
    headers: withSpecials(headers, asked !== undefined),
    optional: new Set([NOT_ANSWERED, NOT_ASKED, "hors_departement"]),
    labelOf: (code) => {
      const name = t.communeName(code);
      return name ? `${name} (${code})` : code;
    },
    reads: dim.question ? "record" : "subject",
  };
}
