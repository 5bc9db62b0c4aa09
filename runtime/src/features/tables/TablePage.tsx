import { Link, useParams } from "react-router";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { DataGrid } from "../../shared/DataGrid.tsx";
import { useTable } from "./get-table.ts";
import { hasMaskedCells, toGridCells } from "./table-cells.ts";

/** Loaded lazily by the router: it is the only page that pulls in the grid component. */
export default function TablePage() {
  const { code } = useParams();
  const { data, error } = useTable(code);
  const back = <Link to="/tableaux">← Tous les tableaux</Link>;

  if (error) {
    return (
      <section>
        {back}
        <ErrorAlert error={error} />
      </section>
    );
  }
  if (!data) return <Loading what="du tableau" />;

  const grid = toGridCells(data);
  return (
    <section aria-labelledby="table-title">
      {back}
      <div className="title-row">
        <h1 id="table-title">{data.title}</h1>
        <a className="button" href={`/api/tables/${encodeURIComponent(data.code)}.csv`} download>
          Télécharger en CSV
        </a>
      </div>
      {data.rows.length === 0 || data.columns.length === 0 ? (
        <p>Aucune donnée pour ce tableau dans votre périmètre.</p>
      ) : (
        <DataGrid
          label={`Résultats : ${data.title}`}
          rowHeaders={grid.rowHeaders}
          columnHeaders={grid.columnHeaders}
          cells={grid.cells}
          totalRows={[grid.totalRow]}
          totalColumns={[grid.totalColumn]}
        />
      )}
      {hasMaskedCells(data) && (
        <p className="muted">
          « masqué » : effectif trop petit pour être affiché sans risquer d'identifier une personne.
        </p>
      )}
    </section>
  );
}
