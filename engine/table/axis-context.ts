import type { AgeBandSpec, Dimension } from "./definition.ts";
import { sql, type Fragment } from "./sql.ts";
import {
  DefinitionCodeError,
  idArray,
  identity,
  MONTHS,
  NOT_ANSWERED,
  NOT_ANSWERED_LABEL,
  NOT_ASKED,
  requireQuestion,
  withSpecials,
  type OrganisationRow,
  type ResolveContext,
  type ResolvedDimension,
} from "./axis-common.ts";

// Dimensions from a record's context rather than its answers: the young
// person's age band, the record's date, its organisation, a territory.

export function ageBand(
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

export function period(unit: "month" | "quarter" | "year"): ResolvedDimension {
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

export function organisation(
  level: "association" | "service",
  organisations: OrganisationRow[],
): ResolvedDimension {
  // Each organisation maps to its ancestor (or itself) of the level asked,
  // bound as one jsonb object.
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

export function territory(
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
