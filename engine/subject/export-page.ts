import type { SubjectExport } from "../store/subject-data.ts";

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

function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map(display).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  if (value === true) return "oui";
  if (value === false) return "non";
  return String(value);
}

function answersTable(
  data: Record<string, unknown>,
  labels: Record<string, string>,
  freeText: Set<string>,
): string {
  const rows = Object.entries(data).map(([code, value]) => {
    const flagged = freeText.has(code) ? ' <span class="libre">(texte libre)</span>' : "";
    const label = labels[code.replace(/-Comment$/, "")] ?? code;
    const suffix = code.endsWith("-Comment") ? " — précision" : "";
    return `<tr><th scope="row">${escapeHtml(label + suffix)}${flagged}</th><td>${escapeHtml(display(value))}</td></tr>`;
  });
  if (rows.length === 0) return "<p>Aucune réponse.</p>";
  return `<table>${rows.join("")}</table>`;
}

export function renderExportPage(exported: SubjectExport): string {
  const s = exported.subject;
  const identity = Object.entries(SUBJECT_LABELS)
    .map(([key, label]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(display(s[key]))}</td></tr>`)
    .join("");
  const responses = exported.responses
    .map((r) => {
      const freeText = new Set(r.free_text.map((f) => f.path));
      const history = r.revisions
        .map(
          (rv) =>
            `<details><summary>Révision ${escapeHtml(rv.revision)} du ${escapeHtml(rv.created_at.slice(0, 10))}` +
            ` par ${escapeHtml(rv.author ?? "—")}</summary>${answersTable(rv.data, r.labels, freeText)}</details>`,
        )
        .join("");
      return (
        `<section><h2>${escapeHtml(r.grid_title)} du ${escapeHtml(r.occurred_on)}</h2>` +
        `<p>Grille ${escapeHtml(r.grid)}, version ${escapeHtml(r.version)} — révision ${escapeHtml(r.revision)}` +
        ` — saisie par ${escapeHtml(r.author ?? "—")}</p>` +
        answersTable(r.data, r.labels, freeText) +
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
<p>Export du ${escapeHtml(exported.exported_at.slice(0, 10))}, service ${escapeHtml(exported.organisation.name)}.
Les réponses marquées « texte libre » ont été écrites par les professionnel·les avec leurs propres mots.</p>
<table>${identity}</table>
<p>${exported.responses.length} fiche(s).</p>
${responses}
</body></html>`;
}
