import type { SubjectExport } from "../store/subject-data.ts";
import { FRENCH_MONTHS } from "../response/dates.ts";

// The printable page of a young person's data export. Every value is text:
// escaped here, never interpreted as markup, whatever an answer contains.

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const SUBJECT_LABELS: Record<string, string> = {
  code: "Code",
  first_name: "Prénom ou initiales",
  birth_year: "Année de naissance",
  birth_month: "Mois de naissance",
  sex: "Sexe",
  commune: "Commune",
  neighbourhood: "Quartier",
  created_at: "Créé le",
  updated_at: "Modifié le",
  anonymised_at: "Anonymisé le",
};

const MONTHS: readonly string[] = FRENCH_MONTHS;
const SEXES: Record<string, string> = {
  fille: "Fille",
  garcon: "Garçon",
  autre_nsp: "Autre / non précisé",
};

/** '2026-03-14' → '14/03/2026'; a timestamp → its day and time in France. */
function frenchDate(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) {
      return date.toLocaleString("fr-FR", {
        timeZone: "Europe/Paris",
        dateStyle: "short",
        timeStyle: "short",
      });
    }
  }
  return value;
}

function display(value: unknown, choices: Record<string, string> = {}): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map((v) => display(v, choices)).join(", ");
  if (typeof value === "string" && value in choices) return choices[value]!;
  if (typeof value === "string") return frenchDate(value);
  if (typeof value === "object") return JSON.stringify(value);
  if (value === true) return "oui";
  if (value === false) return "non";
  return String(value);
}

function answersTable(
  data: Record<string, unknown>,
  labels: Record<string, string>,
  choiceLabels: Record<string, Record<string, string>>,
  freeText: Set<string>,
): string {
  const rows = Object.entries(data).map(([code, value]) => {
    const flagged = freeText.has(code) ? ' <span class="libre">(texte libre)</span>' : "";
    const label = labels[code.replace(/-Comment$/, "")] ?? code;
    const suffix = code.endsWith("-Comment") ? " — précision" : "";
    return `<tr><th scope="row">${escapeHtml(label + suffix)}${flagged}</th><td>${escapeHtml(freeText.has(code) ? String(value) : display(value, choiceLabels[code]))}</td></tr>`;
  });
  if (rows.length === 0) return "<p>Aucune réponse.</p>";
  return `<table>${rows.join("")}</table>`;
}

export function renderExportPage(exported: SubjectExport): string {
  const s = exported.subject;
  const shown: Record<string, unknown> = {
    ...s,
    birth_month: typeof s.birth_month === "number" ? MONTHS[s.birth_month - 1] : s.birth_month,
    sex: typeof s.sex === "string" ? (SEXES[s.sex] ?? s.sex) : s.sex,
  };
  const identity = Object.entries(SUBJECT_LABELS)
    .map(
      ([key, label]) =>
        `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(display(shown[key]))}</td></tr>`,
    )
    .join("");
  const responses = exported.responses
    .map((r) => {
      const freeText = new Set(r.free_text.map((f) => f.path));
      const history = r.revisions
        .map(
          (rv) =>
            `<details open><summary>Révision ${escapeHtml(rv.revision)} du ${escapeHtml(frenchDate(rv.created_at))}` +
            ` par ${escapeHtml(rv.author ?? "—")}</summary>${answersTable(rv.data, r.labels, r.choice_labels, freeText)}</details>`,
        )
        .join("");
      return (
        `<section><h2>${escapeHtml(r.grid_title)} du ${escapeHtml(frenchDate(r.occurred_on))}</h2>` +
        `<p>Grille ${escapeHtml(r.grid)}, version ${escapeHtml(r.version)} — révision ${escapeHtml(r.revision)}` +
        ` — saisie par ${escapeHtml(r.author ?? "—")}</p>` +
        answersTable(r.data, r.labels, r.choice_labels, freeText) +
        `<h3>Historique des modifications</h3>${history}</section>`
      );
    })
    .join("");
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>Données enregistrées — ${escapeHtml(s.code)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{width:35%;font-weight:600;background:#f4f4f4}.libre{font-weight:400;font-style:italic;color:#555}
section{break-inside:avoid;margin-top:1.5rem}
</style></head><body>
<h1>Données enregistrées sur le jeune ${escapeHtml(s.code)}</h1>
<p>Export du ${escapeHtml(frenchDate(exported.exported_at))} — ${escapeHtml(exported.organisation.name)}.
Les réponses marquées « texte libre » ont été écrites par les professionnel·les avec leurs propres mots.</p>
<table>${identity}</table>
<p>${exported.responses.length} fiche(s).</p>
${responses}
</body></html>`;
}
