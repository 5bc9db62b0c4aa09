import type { Youth } from "../../shared/types.ts";

// The shape of GET /api/subjects/:id/file (engine/store/subject-file.ts).

export type Coded = { code: string; label: string };

export type AccompanimentPeriod = {
  response_id: string;
  start: string;
  end: string | null;
  open: boolean;
  length_days: number;
  type: Coded | null;
  end_reason: Coded | null;
  domains: Coded[];
  partners: Coded[];
};

export type SituationPoint = { response_id: string; occurred_on: string; moment: Coded | null };

export type Situations = {
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

export type TimelineEntry = {
  id: string;
  grid: string;
  grid_title: string;
  version: number;
  occurred_on: string;
  created_at: string;
  status: string;
  revision: number;
  via: { id: string; kind: "youth" | "family" | "action"; code: string; title: string | null };
  data: Record<string, unknown>;
};

export type YouthFile = {
  subject: Youth & {
    families?: { id: string; code: string }[];
    actions?: { id: string; code: string; title: string | null; starts_on: string | null }[];
  };
  current_accompaniment: AccompanimentPeriod | null;
  accompaniments: AccompanimentPeriod[];
  situations: Situations;
  timeline: TimelineEntry[];
};
