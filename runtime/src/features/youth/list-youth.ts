import { apiGet, query } from "../../shared/api.ts";
import type { Youth } from "../../shared/types.ts";
import { useApi } from "../../shared/use-api.ts";

export type YouthFilters = {
  q: string;
  /** "" all, "true" with an accompaniment open today, "false" without. */
  active: "" | "true" | "false";
  commune: string;
  ageMin: string;
  ageMax: string;
};

export const NO_FILTERS: YouthFilters = { q: "", active: "", commune: "", ageMin: "", ageMax: "" };

export function listYouth(filters: YouthFilters): Promise<Youth[]> {
  return apiGet<Youth[]>(
    `/subjects${query({
      kind: "youth",
      q: filters.q.trim(),
      active: filters.active,
      commune: filters.commune,
      age_min: filters.ageMin,
      age_max: filters.ageMax,
    })}`,
  );
}

export function useYouthList(filters: YouthFilters) {
  return useApi(`youth-list:${JSON.stringify(filters)}`, () => listYouth(filters));
}
