import { apiGet } from "../api.ts";
import { useApi } from "../use-api.ts";

export type GridSummary = {
  code: string;
  title: string;
  subject: "youth" | "family" | "action" | "none";
  versions: { number: number; publishedAt: string | null; note: string | null }[];
};

export function listGrids(): Promise<GridSummary[]> {
  return apiGet<GridSummary[]>("/grids");
}

export function useGrids() {
  return useApi("grids", listGrids);
}

/** The number of the newest published version, or undefined when none is published. */
export function newestVersion(grid: GridSummary): number | undefined {
  if (grid.versions.length === 0) return undefined;
  return Math.max(...grid.versions.map((v) => v.number));
}
