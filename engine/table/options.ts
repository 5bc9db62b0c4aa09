import { dataQuestions } from "../grid/walk.ts";
import type { Dimension, Measure } from "./definition.ts";
import { questionHistory, type PublishedVersion } from "./labels.ts";
import { MOMENT_FIELD, type TransitionDimension } from "./trajectory-definition.ts";

// What a table on one grid can be made of, in words: the building blocks the
// table builder offers, so nobody writes a definition by hand.

/** `transition`: the measure and dimensions of a path table, which go only together. */
export type MeasureOption = { label: string; measure: Measure; transition?: true };
export type DimensionOption = {
  group: string;
  label: string;
  dimension: Dimension | TransitionDimension;
  transition?: true;
};
export type FilterOption = {
  question: string;
  label: string;
  choices: { value: string; label: string }[];
};

export type TableOptions = {
  grid: { code: string; title: string; subject: string };
  measures: MeasureOption[];
  dimensions: DimensionOption[];
  filters: FilterOption[];
};

const CHOICE_TYPES = ["radiogroup", "dropdown", "rating", "imagepicker", "buttongroup"];

export function tableOptions(
  grid: { code: string; title: string; subject: string },
  versions: PublishedVersion[],
): TableOptions {
  const codes: string[] = [];
  for (const version of [...versions].sort((a, b) => b.number - a.number)) {
    for (const q of dataQuestions(version.survey)) {
      if (!q.parent && q.element.name && !codes.includes(q.element.name))
        codes.push(q.element.name);
    }
  }
  const youth = grid.subject === "youth";
  const measures: MeasureOption[] = [{ label: "Nombre de fiches", measure: { kind: "count" } }];
  if (youth)
    measures.push({ label: "Nombre de jeunes (distincts)", measure: { kind: "count_distinct" } });
  const dimensions: DimensionOption[] = [];
  const filters: FilterOption[] = [];

  for (const code of codes) {
    const h = questionHistory(versions, code)!;
    const choices = h.choices.map((c) => ({
      value: c.value,
      label: c.retired ? `${c.label} (retiré)` : c.label,
    }));
    if (CHOICE_TYPES.includes(h.type)) {
      dimensions.push({
        group: "Réponses",
        label: h.label,
        dimension: { kind: "choice", question: code },
      });
      filters.push({ question: code, label: h.label, choices });
    } else if (h.type === "checkbox" || h.type === "tagbox") {
      dimensions.push({
        group: "Réponses",
        label: `${h.label} (plusieurs réponses)`,
        dimension: { kind: "checkbox", question: code },
      });
      filters.push({ question: code, label: h.label, choices });
    } else if (h.type === "boolean") {
      dimensions.push({
        group: "Réponses",
        label: h.label,
        dimension: { kind: "boolean", question: code },
      });
      filters.push({
        question: code,
        label: h.label,
        choices: [
          { value: "oui", label: "Oui" },
          { value: "non", label: "Non" },
        ],
      });
    } else if (h.type === "text" && h.inputType === "number") {
      measures.push({ label: `Somme : ${h.label}`, measure: { kind: "sum", question: code } });
      measures.push({ label: `Moyenne : ${h.label}`, measure: { kind: "avg", question: code } });
    } else if (h.type === "matrixdropdown") {
      measures.push({
        label: `Total du décompte : ${h.label}`,
        measure: { kind: "breakdown_sum", question: code },
      });
      dimensions.push({
        group: "Décompte",
        label: `${h.label} : lignes`,
        dimension: { kind: "breakdown_row", question: code },
      });
      dimensions.push({
        group: "Décompte",
        label: `${h.label} : colonnes`,
        dimension: { kind: "breakdown_column", question: code },
      });
    } else if (h.type === "text" && /commune/.test(code)) {
      dimensions.push({
        group: "Territoire",
        label: `${h.label} : commune`,
        dimension: { kind: "territory", level: "commune", question: code },
      });
      dimensions.push({
        group: "Territoire",
        label: `${h.label} : métropole / reste du département`,
        dimension: { kind: "territory", level: "metropole", question: code },
      });
    }
  }
  if (youth) {
    dimensions.push(
      { group: "Jeune", label: "Sexe", dimension: { kind: "sex" } },
      {
        group: "Jeune",
        label: "Tranche d'âge à la date de la fiche",
        dimension: { kind: "age_band", at: "record_date" },
      },
      {
        group: "Jeune",
        label: "Tranche d'âge au 31 décembre",
        dimension: { kind: "age_band", at: "year_end" },
      },
      {
        group: "Territoire",
        label: "Commune du jeune",
        dimension: { kind: "territory", level: "commune" },
      },
      {
        group: "Territoire",
        label: "Métropole / reste du département (commune du jeune)",
        dimension: { kind: "territory", level: "metropole" },
      },
    );
  }
  dimensions.push(
    { group: "Date de la fiche", label: "Mois", dimension: { kind: "period", unit: "month" } },
    {
      group: "Date de la fiche",
      label: "Trimestre",
      dimension: { kind: "period", unit: "quarter" },
    },
    { group: "Date de la fiche", label: "Année", dimension: { kind: "period", unit: "year" } },
    {
      group: "Organisation",
      label: "Association",
      dimension: { kind: "organisation", level: "association" },
    },
    {
      group: "Organisation",
      label: "Service",
      dimension: { kind: "organisation", level: "service" },
    },
  );
  if (youth && codes.includes(MOMENT_FIELD)) addPathOptions(versions, codes, measures, dimensions);
  return { grid, measures, dimensions, filters };
}

const SITUATION_TYPES = ["radiogroup", "dropdown"];

/**
 * A grid of situations (it says at which moment each record is made) also gives
 * path tables: young people by situation at entry and latest situation.
 */
function addPathOptions(
  versions: PublishedVersion[],
  codes: string[],
  measures: MeasureOption[],
  dimensions: DimensionOption[],
): void {
  measures.push({
    label: "Parcours des jeunes (situation à l'entrée et dernière situation)",
    measure: { kind: "count_distinct" },
    transition: true,
  });
  const situations = codes
    .filter((code) => code !== MOMENT_FIELD)
    .map((code) => questionHistory(versions, code)!)
    .filter((h) => SITUATION_TYPES.includes(h.type));
  // The moment leads the label: a narrow select cut after a few words must still tell them apart.
  for (const [moment, group, prefix] of [
    ["entry", "Situation à l'entrée", "À l'entrée"],
    ["latest", "Dernière situation", "Dernière"],
  ] as const) {
    for (const h of situations) {
      dimensions.push({
        group,
        label: `${prefix} : ${h.label}`,
        dimension: { kind: "situation_at", question: h.code, moment },
        transition: true,
      });
    }
  }
  dimensions.push({
    group: "Accompagnement",
    label: "Domaines d'accompagnement (plusieurs par jeune)",
    dimension: { kind: "accompaniment_domain" },
    transition: true,
  });
}
