import { formatDate } from "../../shared/dates.ts";
import type { AccompanimentPeriod } from "./file-types.ts";

const labels = (items: { label: string }[]) =>
  items.length ? items.map((i) => i.label).join(", ") : "—";

function duration(days: number): string {
  if (days < 60) return `${days} jour${days > 1 ? "s" : ""}`;
  const months = Math.round(days / 30.44);
  return `${months} mois`;
}

/** The accompaniment under way, in full. */
export function CurrentAccompaniment({ period }: { period: AccompanimentPeriod | null }) {
  return (
    <section className="card" aria-labelledby="current-title">
      <h2 id="current-title">Accompagnement en cours</h2>
      {!period ? (
        <p className="muted">Aucun accompagnement en cours.</p>
      ) : (
        <dl className="facts">
          <div>
            <dt>Depuis le</dt>
            <dd>
              {formatDate(period.start)}{" "}
              <span className="muted">({duration(period.length_days)})</span>
            </dd>
          </div>
          <div>
            <dt>Type</dt>
            <dd>{period.type?.label ?? "—"}</dd>
          </div>
          <div>
            <dt>Domaines travaillés</dt>
            <dd>{labels(period.domains)}</dd>
          </div>
          <div>
            <dt>Partenaires mobilisés</dt>
            <dd>{labels(period.partners)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

/** Every period over the years, newest first. */
export function AccompanimentPeriods({ periods }: { periods: AccompanimentPeriod[] }) {
  if (periods.length === 0) return null;
  return (
    <section aria-labelledby="periods-title">
      <h2 id="periods-title">Périodes d'accompagnement</h2>
      <div className="table-wrap">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Début</th>
              <th scope="col">Fin</th>
              <th scope="col">Durée</th>
              <th scope="col">Motif de fin</th>
              <th scope="col">Domaines</th>
            </tr>
          </thead>
          <tbody>
            {[...periods].reverse().map((period) => (
              <tr key={period.response_id}>
                <td data-label="Début">{formatDate(period.start)}</td>
                <td data-label="Fin">{period.end ? formatDate(period.end) : "En cours"}</td>
                <td data-label="Durée">{duration(period.length_days)}</td>
                <td data-label="Motif de fin">{period.end_reason?.label ?? "—"}</td>
                <td data-label="Domaines">{labels(period.domains)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
