import { labelledAnswer, type Coded, type GridLabels } from "./labels.ts";

// A young person's file, computed from their records, never typed twice:
// accompaniment periods from `accompagnement` records, and the situation at
// entry beside the latest one from `suivi_situation` records. Pure functions.

/** A record as the timeline lists it (the parts these functions read). */
export type FileRecord = {
  id: string;
  grid: string;
  occurred_on: string;
  created_at: string;
  data: Record<string, unknown>;
};

export type AccompanimentPeriod = {
  response_id: string;
  start: string;
  end: string | null;
  open: boolean;
  /** Days from start to end, or to today while open. */
  length_days: number;
  type: Coded | null;
  end_reason: Coded | null;
  domains: Coded[];
  partners: Coded[];
};

export const ACCOMPANIMENT_GRID = "accompagnement";
export const SITUATION_GRID = "suivi_situation";

/** The situation questions set side by side, in the order the file shows them. */
export const SITUATION_QUESTIONS = [
  "situation_scolaire_pro",
  "niveau_scolaire",
  "diplome_plus_eleve",
  "hebergement",
  "droits_sante",
  "ressources",
  "mesure_en_cours",
] as const;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const byDate = (a: FileRecord, b: FileRecord) =>
  a.occurred_on.localeCompare(b.occurred_on) || a.created_at.localeCompare(b.created_at);

function dateAnswer(value: unknown): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/**
 * Every accompaniment period, oldest first. A period is open on `today` when
 * it has started and has no end date, or ends later.
 * NOTE: store/subjects.ts (activeAccompanimentSql) applies the same rule in SQL.
 */
export function accompanimentPeriods(
  records: FileRecord[],
  labels: GridLabels,
  today: string,
): AccompanimentPeriod[] {
  return records
    .filter((r) => r.grid === ACCOMPANIMENT_GRID)
    .sort(byDate)
    .map((r) => {
      const start = dateAnswer(r.data.date_debut) ?? r.occurred_on;
      const end = dateAnswer(r.data.date_fin);
      const open = start <= today && (end === null || end >= today);
      return {
        response_id: r.id,
        start,
        end,
        open,
        length_days: Math.max(0, daysBetween(start, end ?? today)),
        type:
          labelledAnswer(labels, "type_accompagnement", r.data.type_accompagnement)?.[0] ?? null,
        end_reason: labelledAnswer(labels, "motif_fin", r.data.motif_fin)?.[0] ?? null,
        domains: labelledAnswer(labels, "domaines_travailles", r.data.domaines_travailles) ?? [],
        partners:
          labelledAnswer(labels, "partenaires_mobilises", r.data.partenaires_mobilises) ?? [],
      };
    });
}

/** The accompaniment under way: the open period that started last. */
export function currentAccompaniment(periods: AccompanimentPeriod[]): AccompanimentPeriod | null {
  return periods.filter((p) => p.open).at(-1) ?? null;
}

export type SituationPoint = { response_id: string; occurred_on: string; moment: Coded | null };

export type SituationComparison = {
  entry: SituationPoint | null;
  latest: SituationPoint | null;
  rows: {
    question: string;
    label: string;
    entry: Coded[] | null;
    latest: Coded[] | null;
    changed: boolean;
  }[];
};

/**
 * The situation at entry and the latest one. Entry is the first record whose
 * moment is "entree", or else the first record; latest is the last record
 * (by date, then by time of entry). With a single record both are that record.
 * NOTE: table/trajectory.ts ranks records the same way in SQL.
 */
export function situationComparison(
  records: FileRecord[],
  labels: GridLabels,
): SituationComparison {
  const situations = records.filter((r) => r.grid === SITUATION_GRID).sort(byDate);
  const entry = situations.find((r) => r.data.moment === "entree") ?? situations[0];
  const latest = situations.at(-1);
  const point = (r: FileRecord | undefined): SituationPoint | null =>
    r
      ? {
          response_id: r.id,
          occurred_on: r.occurred_on,
          moment: labelledAnswer(labels, "moment", r.data.moment)?.[0] ?? null,
        }
      : null;
  const rows = SITUATION_QUESTIONS.filter((q) => labels(q) !== undefined).map((question) => {
    const before = entry ? labelledAnswer(labels, question, entry.data[question]) : null;
    const after = latest ? labelledAnswer(labels, question, latest.data[question]) : null;
    const codes = (answer: Coded[] | null) =>
      (answer ?? [])
        .map((c) => c.code)
        .sort()
        .join(",");
    return {
      question,
      label: labels(question)!.label,
      entry: before,
      latest: after,
      changed: codes(before) !== codes(after),
    };
  });
  return { entry: point(entry), latest: point(latest), rows };
}
