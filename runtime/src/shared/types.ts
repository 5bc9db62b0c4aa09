// Shapes of the API answers more than one feature reads. Each mirrors the
// server's whitelist of fields (engine/http/routes).

export type SurveyJson = Record<string, unknown>;

export type GridVersion = {
  code: string;
  title: string;
  subject: "youth" | "family" | "action" | "none";
  number: number;
  status: string;
  note: string | null;
  publishedAt: string | null;
  survey: SurveyJson;
};

export type ResponseRecord = {
  id: string;
  grid: string;
  version: number;
  grid_version_id: number;
  subject_id: string | null;
  subject_code: string | null;
  subject_first_name: string | null;
  organisation_id: number;
  author_id: number;
  occurred_on: string;
  status: string;
  revision: number;
  data: Record<string, unknown>;
  created_at: string;
  updated_at: string;
};

export type Sex = "fille" | "garcon" | "autre_nsp";

export type Youth = {
  id: string;
  kind: "youth";
  code: string;
  organisation_id: number;
  first_name: string | null;
  birth_year: number | null;
  birth_month: number | null;
  sex: Sex | null;
  /** INSEE code and official name, from the list of communes. */
  commune: { code: string; name: string } | null;
  neighbourhood: string | null;
  created_at: string;
  /** In lists only: an accompaniment is open today. */
  active_accompaniment?: boolean;
};

export const SEX_LABELS: Record<Sex, string> = {
  fille: "Fille",
  garcon: "Garçon",
  autre_nsp: "Autre / non précisé",
};
