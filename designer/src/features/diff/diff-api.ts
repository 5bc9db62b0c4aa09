import { apiGet } from "../../shared/api.ts";
import type { GridChange } from "../../../../engine/grid/diff.ts";
import type { Impact } from "../../shared/ChangeList.tsx";
import type { CatalogueEntry } from "../grids/grids-api.ts";

export type Diff = {
  from: number | "draft";
  to: number | "draft";
  changes: GridChange[];
  impact: Impact;
};

export const getDiff = (code: string, from: string, to: string) =>
  apiGet<Diff>(`/grids/${code}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);

export async function getGridEntry(code: string): Promise<CatalogueEntry | undefined> {
  const all = await apiGet<CatalogueEntry[]>("/designer/grids");
  return all.find((g) => g.code === code);
}
