import { DEFAULT_AGE_BANDS } from "./age-bands.ts";
import type { Dimension } from "./definition.ts";
import { sql } from "./sql.ts";
import {
  CHOICE_TYPES,
  DefinitionCodeError,
  idArray,
  identity,
  MULTI_TYPES,
  NOT_ANSWERED,
  NOT_ASKED,
  requireQuestion,
  SEX_HEADERS,
  withSpecials,
  type ResolveContext,
  type ResolvedDimension,
} from "./axis-common.ts";
import { ageBand, organisation, period, territory } from "./axis-context.ts";

// A dimension resolved against the grid's history: the SQL giving each record
// its key (every value bound, never pasted) and the French labels of the keys.
// Dimensions that give a record several keys (a checkbox) come as a lateral
// set-returning join; the compiler joins it only where the key is grouped on.
// The shared parts live in axis-common.ts, re-exported here for the callers.

export {
  DefinitionCodeError,
  NOT_ANSWERED,
  NOT_ANSWERED_LABEL,
  NOT_ASKED,
  NOT_ASKED_LABEL,
  requireQuestion,
  type Header,
  type OrganisationRow,
  type ResolveContext,
  type ResolvedDimension,
} from "./axis-common.ts";

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
