import { Link, useNavigate, useSearchParams } from "react-router";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { formatDate } from "../../shared/dates.ts";
import { useGrids } from "../../shared/grids/list-grids.ts";
import { PAGE_SIZE, useRecords } from "./list-records.ts";
import type { ResponseRecord } from "../../shared/types.ts";

/** « J-7K3Q9P · Inès »: the code, and the first name when the young person has one. */
function subjectLabel(record: ResponseRecord): string {
  if (!record.subject_code) return "—";
  const name = record.subject_first_name;
  return name ? `${record.subject_code} · ${name}` : record.subject_code;
}

export function RecordsPage() {
  const [params, setParams] = useSearchParams();
  const grid = params.get("grille") ?? "";
  const page = Math.max(0, Number(params.get("page") ?? "1") - 1) || 0;
  const grids = useGrids();
  const records = useRecords(grid, page);
  const list = records.data?.records;
  const navigate = useNavigate();
  const titles = new Map((grids.data ?? []).map((g) => [g.code, g.title]));

  function choose(code: string) {
    setParams(code ? { grille: code } : {}, { replace: true });
  }

  function turnTo(next: number) {
    setParams({
      ...(grid ? { grille: grid } : {}),
      ...(next > 0 ? { page: String(next + 1) } : {}),
    });
  }

  return (
    <section aria-labelledby="records-title">
      <h1 id="records-title">Mes fiches</h1>
      <div className="field inline-field">
        <label htmlFor="records-grid">Grille</label>
        <select id="records-grid" value={grid} onChange={(e) => choose(e.target.value)}>
          <option value="">Toutes les grilles</option>
          {(grids.data ?? []).map((g) => (
            <option key={g.code} value={g.code}>
              {g.title}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={records.error ?? grids.error} />
      {records.loading && <Loading what="des fiches" />}
      {list && list.length === 0 && (
        <p>
          {page > 0
            ? "Aucune fiche sur cette page."
            : grid
              ? "Aucune fiche pour cette grille."
              : "Aucune fiche pour l'instant."}
        </p>
      )}
      {list && list.length > 0 && (
        <div className="table-wrap">
          <table className="list">
            <caption className="sr-only">
              Fiches enregistrées, de la plus récente à la plus ancienne
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Grille</th>
                <th scope="col">Version</th>
                <th scope="col">Jeune</th>
                <th scope="col">Révision</th>
              </tr>
            </thead>
            <tbody>
              {list.map((record) => (
                <tr
                  key={record.id}
                  className="clickable"
                  onClick={() => navigate(`/fiches/${record.id}`)}
                >
                  <td data-label="Date">
                    <Link to={`/fiches/${record.id}`} onClick={(e) => e.stopPropagation()}>
                      {formatDate(record.occurred_on)}
                    </Link>
                  </td>
                  <td data-label="Grille">{titles.get(record.grid) ?? record.grid}</td>
                  <td data-label="Version">{record.version}</td>
                  <td data-label="Jeune">{subjectLabel(record)}</td>
                  <td data-label="Révision">{record.revision}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && (page > 0 || records.data?.hasMore) && (
        <nav className="pager" aria-label="Pages de fiches">
          <button type="button" disabled={page === 0} onClick={() => turnTo(page - 1)}>
            ← Plus récentes
          </button>
          <span>
            Fiches {page * PAGE_SIZE + 1} à {page * PAGE_SIZE + list.length}
          </span>
          <button type="button" disabled={!records.data?.hasMore} onClick={() => turnTo(page + 1)}>
            Plus anciennes →
          </button>
        </nav>
      )}
    </section>
  );
}
