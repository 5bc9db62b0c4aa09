import { apiGet } from "../api.ts";
import type { GridVersion } from "../types.ts";
import { useApi } from "../use-api.ts";

export function getGridVersion(code: string, number: number): Promise<GridVersion> {
  return apiGet<GridVersion>(`/grids/${encodeURIComponent(code)}/versions/${number}`);
}

/** Loads nothing until both the grid code and the version number are known. */
export function useGridVersion(code: string | undefined, number: number | undefined) {
  const key = code && number ? `grid:${code}:${number}` : null;
  return useApi(key, () => getGridVersion(code ?? "", number ?? 0));
}
