import { apiGet } from "../api.ts";
import type { Youth } from "../types.ts";
import { useApi } from "../use-api.ts";

export function getYouth(id: string): Promise<Youth> {
  return apiGet<Youth>(`/subjects/${encodeURIComponent(id)}`);
}

/** One young person of the service, or nothing asked when `id` is null. */
export function useYouth(id: string | null) {
  return useApi(id ? `youth:${id}` : null, () => getYouth(id!));
}
