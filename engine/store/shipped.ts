import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { GridEnvelope } from "../grid/types.ts";
import { expandSharedLists, type ChoiceList } from "../grid/shared-lists.ts";

// Reads what the product ships in definitions/: grids (with shared choice
// lists inlined) and table definitions.

export const DEFINITIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../definitions",
);

function readJsonFiles<T>(folder: string): T[] {
  const dir = path.join(DEFINITIONS_DIR, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as T);
}

export function readSharedLists(): Record<string, ChoiceList> {
  return Object.fromEntries(readJsonFiles<ChoiceList>("lists").map((list) => [list.code, list]));
}

export function readShippedGrids(): GridEnvelope[] {
  const lists = readSharedLists();
  return readJsonFiles<GridEnvelope>("grids").map((envelope) => ({
    ...envelope,
    survey: expandSharedLists(envelope.survey, lists),
  }));
}

export function readShippedTables<T>(): T[] {
  return readJsonFiles<T>("tables");
}
