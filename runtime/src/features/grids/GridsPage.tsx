import { Link } from "react-router";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { newestVersion, useGrids } from "../../shared/grids/list-grids.ts";

const SUBJECT_LABELS = {
  youth: "Un jeune",
  family: "Une famille",
  action: "Une action collective",
  none: "Sans personne désignée",
} as const;

export function GridsPage() {
  const { data, error, loading } = useGrids();
  const published = (data ?? []).filter((grid) => newestVersion(grid) !== undefined);

  return (
    <section aria-labelledby="grids-title">
      <h1 id="grids-title">Grilles</h1>
      <p className="muted">Choisissez la grille à remplir.</p>
      <ErrorAlert error={error} />
      {loading && <Loading what="des grilles" />}
      {data && published.length === 0 && <p>Aucune grille n'est encore publiée.</p>}
      <ul className="cards">
        {published.map((grid) => (
          <li key={grid.code}>
            <Link className="card card-link" to={`/grilles/${encodeURIComponent(grid.code)}`}>
              <strong>{grid.title}</strong>
              <span className="muted">
                {SUBJECT_LABELS[grid.subject]} · version {newestVersion(grid)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
