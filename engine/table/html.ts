import type { AxisEntry, Figure } from "./shape.ts";

// A printable HTML page set: one section per table, each starting a new
// printed page, figures with their percentage of the grand total.

export type PrintableTable = {
  title: string;
  description?: string;
  rowDimensions: string[];
  columnDimensions: string[];
  rows: AxisEntry[];
  columns: AxisEntry[];
  cells: Figure[][];
  totals: { rows: Figure[]; columns: Figure[]; all: Figure };
  notes: string[];
};

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const figure = (v: Figure) =>
  v === null ? '<td class="masked">masqué</td>' : `<td>${v.toLocaleString("fr-FR")}</td>`;

function tableHtml(t: PrintableTable): string {
  const rowHeads = Math.max(1, t.rowDimensions.length);
  // Without column dimensions the single column is the total already.
  const totalColumn = t.columnDimensions.length > 0;
  const head = [
    ...Array.from(
      { length: rowHeads },
      (_, i) => `<th scope="col">${escapeHtml(t.rowDimensions[i] ?? "")}</th>`,
    ),
    ...t.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`),
    ...(totalColumn ? ['<th scope="col">Total</th>'] : []),
  ].join("");
  const body = t.rows
    .map((row, r) => {
      const labels = row.labels.length ? row.labels : [row.label];
      const heads = labels.map((l) => `<th scope="row">${escapeHtml(l)}</th>`).join("");
      const total = totalColumn ? figure(t.totals.rows[r]!) : "";
      return `<tr>${heads}${t.cells[r]!.map(figure).join("")}${total}</tr>`;
    })
    .join("");
  const grandTotal = totalColumn ? figure(t.totals.all) : "";
  const total =
    `<tr class="total"><th scope="row" colspan="${rowHeads}">Total</th>` +
    `${t.totals.columns.map(figure).join("")}${grandTotal}</tr>`;
  return (
    `<section><h2>${escapeHtml(t.title)}</h2>` +
    (t.description ? `<p>${escapeHtml(t.description)}</p>` : "") +
    `<div class="wide"><table><thead><tr>${head}</tr></thead>` +
    `<tbody>${body}${total}</tbody></table></div>` +
    t.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("") +
    "</section>"
  );
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; }
.wide { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid #999; padding: .25rem .5rem; }
thead th { vertical-align: bottom; max-width: 9rem; }
td { text-align: right; font-variant-numeric: tabular-nums; }
th[scope=row] { text-align: left; font-weight: normal; }
tr.total th, tr.total td { font-weight: bold; }
td.masked { color: #666; font-style: italic; }
p.note { font-size: .8rem; color: #444; }
.screen-only { background: #eef3f8; padding: .5rem .75rem; }
@media (max-width: 600px) { body { margin: 1rem; } table { font-size: .8rem; } }
@page { size: A4 landscape; margin: 1cm; }
@media print {
  body { margin: 0; }
  .screen-only { display: none; }
  .wide { overflow: visible; }
  table { font-size: 8pt; width: 100%; }
  th, td { padding: .1rem .25rem; }
  thead th { max-width: none; hyphens: auto; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
}
`;

export function reportHtml(
  report: { title: string; description?: string; subtitle: string },
  tables: PrintableTable[],
): string {
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(report.title)}</title>` +
    `<style>${STYLE}</style></head><body><header><h1>${escapeHtml(report.title)}</h1>` +
    `<p>${escapeHtml(report.subtitle)}</p>` +
    (report.description ? `<p>${escapeHtml(report.description)}</p>` : "") +
    `<p class="screen-only">Pour imprimer ou enregistrer en PDF : Ctrl+P (⌘+P sur Mac) ; ` +
    `les pages sont mises en paysage. <a href="/tableaux">Retour aux tableaux</a></p>` +
    `</header>${tables.map(tableHtml).join("")}</body></html>`
  );
}
