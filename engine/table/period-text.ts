// How a table's period and scope are written for people: under a report's
// title, in a download's first lines, in its file name, so that two files of
// two years can be told apart.

export type Period = { from?: string; to?: string };

export const frenchDate = (iso: string) =>
  `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A whole calendar year, when the period is one. */
function wholeYear(p: Period): string | undefined {
  const year = p.from?.slice(0, 4);
  return year && p.from === `${year}-01-01` && p.to === `${year}-12-31` ? year : undefined;
}

export function periodText(p: Period): string {
  const year = wholeYear(p);
  if (year) return `Année ${year} (du 01/01/${year} au 31/12/${year})`;
  if (p.from && p.to) return `Du ${frenchDate(p.from)} au ${frenchDate(p.to)}`;
  if (p.from) return `Depuis le ${frenchDate(p.from)}`;
  if (p.to) return `Jusqu'au ${frenchDate(p.to)}`;
  return "Toutes les dates";
}

/** `_2026`, `_2026-01-01_2026-06-30`, `_depuis_2026-01-01`…, or nothing for all dates. */
export function periodFileSuffix(p: Period): string {
  const year = wholeYear(p);
  if (year) return `_${year}`;
  if (p.from && p.to) return `_${p.from}_${p.to}`;
  if (p.from) return `_depuis_${p.from}`;
  if (p.to) return `_jusqu_au_${p.to}`;
  return "";
}

export const SCOPE_TEXTS: Record<string, string> = {
  branch: "les fiches de votre service ou de votre association",
  organisation: "les fiches de l'organisation choisie",
  federation: "toutes les associations de la fédération (petits effectifs masqués, arrondis)",
};

/** « Année 2026 (…) — toutes les associations… »: the line under a table's title. */
export function periodAndScope(table: { period: Period; scope: string }): string {
  return `${periodText(table.period)} — ${SCOPE_TEXTS[table.scope] ?? table.scope}.`;
}
