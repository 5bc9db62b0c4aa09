import { Link } from "react-router";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { useTables } from "./list-tables.ts";

export function TablesPage() {
  const { data, error, loading } = useTables();
  return (
    <section aria-labelledby="tables-title">
      <h1 id="tables-title">Tableaux</h1>
      <p className="muted">Indicateurs calculés sur les fiches de votre périmètre.</p>
      <ErrorAlert error={error} />
      {loading && <Loading what="des tableaux" />}
      {data && data.length === 0 && <p>Aucun tableau n'est défini.</p>}
      <ul className="cards">
        {(data ?? []).map((table) => (
          <li key={table.code}>
            <Link className="card card-link" to={`/tableaux/${encodeURIComponent(table.code)}`}>
              <strong>{table.title}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
