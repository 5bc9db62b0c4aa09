import { Link } from "react-router";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { useTables } from "./list-tables.ts";
import { ReportsSection } from "./ReportsSection.tsx";
import type { TableSummary } from "./types.ts";
import { useGrids } from "../../shared/grids/list-grids.ts";

/** Position of a grid in the grids' order; grids not listed go last. */
function rank(order: string[], grid: string): number {
  const index = order.indexOf(grid);
  return index < 0 ? order.length : index;
}

function TableCards({ tables }: { tables: TableSummary[] }) {
  return (
    <ul className="cards">
      {tables.map((table) => (
        <li key={table.code}>
          <Link className="card card-link" to={`/tableaux/${encodeURIComponent(table.code)}`}>
            <strong>{table.title}</strong>
            {table.description && <span className="muted">{table.description}</span>}
            {table.source === "app" && <span className="hint">Créé dans l'application</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function TablesPage({ canAuthor }: { canAuthor: boolean }) {
  const { data, error, loading } = useTables();
  const grids = useGrids();
  const indicators = (data ?? []).filter((t) => t.kind !== "transition");
  const paths = (data ?? []).filter((t) => t.kind === "transition");
  // One section per grid, in the grids' order, so a long list reads by subject.
  const titles = new Map((grids.data ?? []).map((g) => [g.code, g.title]));
  const order = [...titles.keys()];
  const byGrid = [...new Set(indicators.map((t) => t.grid))]
    .sort((a, b) => rank(order, a) - rank(order, b))
    .map((grid) => ({
      grid,
      title: titles.get(grid) ?? grid,
      tables: indicators.filter((t) => t.grid === grid),
    }));
  return (
    <section aria-labelledby="tables-title">
      <div className="title-row">
        <h1 id="tables-title">Tableaux</h1>
        {canAuthor && (
          <Link className="button primary-link" to="/tableaux/nouveau">
            Créer un tableau
          </Link>
        )}
      </div>
      <p className="muted">Indicateurs calculés sur les fiches de votre périmètre.</p>
      <ErrorAlert error={error} />
      {loading && <Loading what="des tableaux" />}
      {data && data.length === 0 && <p>Aucun tableau n'est défini.</p>}
      {data && data.length > 0 && (
        <nav className="jump-links" aria-label="Aller à">
          {paths.length > 0 && <a href="#paths-title">Parcours des jeunes</a>}
          <a href="#reports-title">Rapports</a>
          {byGrid.map((section) => (
            <a key={section.grid} href={`#tables-${section.grid}`}>
              {section.title}
            </a>
          ))}
        </nav>
      )}
      {byGrid.map((section) => (
        <section
          key={section.grid}
          className="table-group"
          aria-labelledby={`tables-${section.grid}`}
        >
          <h2 id={`tables-${section.grid}`}>{section.title}</h2>
          <TableCards tables={section.tables} />
        </section>
      ))}
      {paths.length > 0 && (
        <section className="table-group" aria-labelledby="paths-title">
          <h2 id="paths-title">Parcours des jeunes</h2>
          <p className="muted">
            Chaque jeune compte une fois : sa situation à l'entrée en accompagnement, croisée avec
            la dernière situation notée dans ses fiches de situation.
          </p>
          <TableCards tables={paths} />
        </section>
      )}
      <ReportsSection />
    </section>
  );
}
