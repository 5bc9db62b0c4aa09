import { Link } from "react-router";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { newestVersion, useGrids } from "../../shared/grids/list-grids.ts";

/** One link per published grid about a young person, opening it for this one. */
export function AddRecord({ youthId }: { youthId: string }) {
  const { data, error } = useGrids();
  const grids = (data ?? []).filter((g) => g.subject === "youth" && newestVersion(g) !== undefined);
  return (
    <section aria-labelledby="add-record-title">
      <h2 id="add-record-title">Ajouter une fiche</h2>
      <ErrorAlert error={error} />
      <ul className="add-record">
        {grids.map((grid) => (
          <li key={grid.code}>
            <Link
              className="button"
              to={`/grilles/${encodeURIComponent(grid.code)}?jeune=${encodeURIComponent(youthId)}`}
            >
              {grid.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
