import { formatDate } from "../../shared/dates.ts";
import type { Coded, Situations } from "./file-types.ts";

const text = (answer: Coded[] | null) =>
  answer && answer.length ? answer.map((a) => a.label).join(", ") : "—";

/** The situation at entry beside the latest one, computed from the situation records. */
export function SituationsTable({ situations }: { situations: Situations }) {
  const { entry, latest, rows } = situations;
  return (
    <section aria-labelledby="situations-title">
      <h2 id="situations-title">Situation à l'entrée et dernière situation</h2>
      {!entry || !latest ? (
        <p className="muted">
          Aucun point de situation pour l'instant : remplissez « Situation du jeune ».
        </p>
      ) : (
        <div className="table-wrap">
          <table className="list situations">
            <thead>
              <tr>
                <th scope="col">Situation</th>
                <th scope="col">
                  À l'entrée <span className="muted">({formatDate(entry.occurred_on)})</span>
                </th>
                <th scope="col">
                  Dernière situation{" "}
                  <span className="muted">({formatDate(latest.occurred_on)})</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.question} className={row.changed ? "changed" : undefined}>
                  <th scope="row">{row.label}</th>
                  <td data-label="À l'entrée">{text(row.entry)}</td>
                  <td data-label="Dernière situation">
                    <span className="answer">{text(row.latest)}</span>
                    {row.changed && <span className="badge">a changé</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
