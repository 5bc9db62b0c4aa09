import { Link } from "react-router";
import { formatDate } from "../../shared/dates.ts";
import type { TimelineEntry } from "./file-types.ts";

const VIA = { family: "famille", action: "action collective" } as const;

/** Every record about the young person, oldest first, with the grid version it was filled against. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Historique des fiches</h2>
      {entries.length === 0 ? (
        <p className="muted">Aucune fiche pour l'instant.</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry) => (
            <li key={entry.id}>
              <span className="timeline-date">{formatDate(entry.occurred_on)}</span>
              <span>
                <Link to={`/fiches/${entry.id}`}>{entry.grid_title}</Link>{" "}
                <span className="muted">version {entry.version}</span>
                {entry.via.kind !== "youth" && (
                  <span className="muted">
                    {" "}
                    · {VIA[entry.via.kind]} {entry.via.title ?? entry.via.code}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
