import { Link } from "react-router";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { useTables } from "./list-tables.ts";
import { ReportsSection } from "./ReportsSection.tsx";
import type { TableSummary } from "./types.ts";

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
  const indicators = (data ?? []).filter((t) => t.kind !== "transition");
  const paths = (data ?? []).filter((t) => t.kind === "transition");
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
      <TableCards tables={indicators} />
      {paths.length > 0 && (
        <section aria-labelledby="paths-title">
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
