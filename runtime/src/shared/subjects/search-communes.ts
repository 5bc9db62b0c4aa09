import { apiGet, query } from "../api.ts";
import { useApi } from "../use-api.ts";

export type Commune = { code: string; name: string; departement: string };

export function searchCommunes(text: string): Promise<Commune[]> {
  return apiGet<Commune[]>(`/communes${query({ q: text.trim() })}`);
}

/** Searches from two characters on; below that, nothing is asked. */
export function useCommuneSearch(text: string) {
  const wanted = text.trim();
  return useApi(wanted.length >= 2 ? `communes:${wanted}` : null, () => searchCommunes(wanted));
}
