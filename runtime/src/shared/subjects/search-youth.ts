import { apiGet, query } from "../api.ts";
import type { Youth } from "../types.ts";
import { useApi } from "../use-api.ts";

export function searchYouth(text: string): Promise<Youth[]> {
  return apiGet<Youth[]>(`/subjects${query({ kind: "youth", q: text.trim() })}`);
}

export function useYouthSearch(text: string) {
  return useApi(`youth:${text.trim()}`, () => searchYouth(text));
}
