import fs from "node:fs";
import { createRequire } from "node:module";

// The official list of communes (INSEE codes), as shipped by
// @etalab/decoupage-administratif: current communes plus the municipal
// arrondissements of Paris, Lyon and Marseille, which is where educators work.
// Loaded once, on first use (the file is 8.6 MB; the kept part is small).

export type Commune = { code: string; name: string; departement: string };

type RawCommune = { code: string; nom: string; departement: string; type: string };

const KEPT_TYPES = new Set(["commune-actuelle", "arrondissement-municipal"]);

let byCode: Map<string, Commune> | undefined;
let searchable: { commune: Commune; folded: string }[] | undefined;

function load(): Map<string, Commune> {
  if (byCode) return byCode;
  const require = createRequire(import.meta.url);
  // The package's index.js reads its files relative to the working directory:
  // read the data file directly instead.
  const file = require.resolve("@etalab/decoupage-administratif/data/communes.json");
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as RawCommune[];
  byCode = new Map();
  for (const row of raw) {
    if (!KEPT_TYPES.has(row.type)) continue;
    byCode.set(row.code, { code: row.code, name: row.nom, departement: row.departement });
  }
  return byCode;
}

/** An INSEE code looks like 5 characters: 2 digits, or 2A/2B for Corsica, then digits. */
export const INSEE_CODE = /^(?:\d{2}|2[AB])\d{3}$/;

export function findCommune(code: string): Commune | undefined {
  return load().get(code.toUpperCase());
}

/** Lower case without accents or punctuation, so "saint etienne" finds "Saint-Étienne". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Communes whose name starts with (then contains) the text, or whose code
 * starts with it; optionally within one département. At most `limit`.
 */
export function searchCommunes(
  text: string,
  options: { departement?: string; limit?: number } = {},
) {
  searchable ??= [...load().values()].map((commune) => ({ commune, folded: fold(commune.name) }));
  const wanted = fold(text);
  const limit = options.limit ?? 20;
  if (wanted === "") return [];
  const inDepartement = (c: Commune) =>
    !options.departement || c.departement === options.departement;
  const starts: Commune[] = [];
  const contains: Commune[] = [];
  for (const { commune, folded } of searchable) {
    if (!inDepartement(commune)) continue;
    if (folded.startsWith(wanted) || commune.code.startsWith(text.trim().toUpperCase())) {
      starts.push(commune);
    } else if (folded.includes(wanted)) contains.push(commune);
  }
  const byName = (a: Commune, b: Commune) => a.name.localeCompare(b.name, "fr");
  return [...starts.sort(byName), ...contains.sort(byName)].slice(0, limit);
}
