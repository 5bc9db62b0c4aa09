import { useState } from "react";
import { DataGrid } from "../../shared/DataGrid.tsx";
import { BarChart } from "./BarChart.tsx";
import { DISPLAY_LABELS, toGridCells, type Display } from "./table-cells.ts";
import type { ComputedTable } from "./types.ts";

// Reported: a service's educator read « toutes les associations » in a
// synthesis that only counted their own service. Say whose records count.
const SCOPE_LABELS: Record<string, string> = {
  branch: "les fiches de votre service ou de votre association",
  organisation: "les fiches de l'organisation choisie",
  // The notes under the table say how small figures are masked and rounded.
  federation: "toutes les associations de la fédération",
};

/**
 * A computed table: the grid with totals and percentages, a bar chart beside it
 * (under it when `stacked`, as in the builder's narrower column), its notes.
 */
export function TableView({ table, stacked = false }: { table: ComputedTable; stacked?: boolean }) {
  const [display, setDisplay] = useState<Display>("counts");
  if (table.rows.length === 0 || table.columns.length === 0) {
    return <p>Aucune donnée pour ce tableau dans votre périmètre.</p>;
  }
  const grid = toGridCells(table, display);
  const choices = (table.percentages ? Object.keys(DISPLAY_LABELS) : ["counts"]) as Display[];
  return (
    <div className={stacked ? "table-view stacked" : "table-view"}>
      {choices.length > 1 && (
        <div className="field inline-field">
          <label htmlFor="table-display">Afficher</label>
          <select
            id="table-display"
            value={display}
            onChange={(e) => setDisplay(e.target.value as Display)}
          >
            {choices.map((d) => (
              <option key={d} value={d}>
                {DISPLAY_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
      )}
      {table.rowDimensions.length + table.columnDimensions.length > 0 && (
        <p className="hint axes-hint">
          {table.rowDimensions.length > 0 && <>En lignes : {table.rowDimensions.join(" × ")}. </>}
          {table.columnDimensions.length > 0 && (
            <>En colonnes : {table.columnDimensions.join(" × ")}.</>
          )}
        </p>
      )}
      <div className="table-and-chart">
        <DataGrid
          label={`Résultats : ${table.title}`}
          rowHeaders={grid.rowHeaders}
          columnHeaders={grid.columnHeaders}
          cells={grid.cells}
          totalRows={grid.totalRow === undefined ? [] : [grid.totalRow]}
          totalColumns={grid.totalColumn === undefined ? [] : [grid.totalColumn]}
        />
        <BarChart table={table} />
      </div>
      <p className="hint">Périmètre : {SCOPE_LABELS[table.scope] ?? table.scope}.</p>
      {table.notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
    </div>
  );
}
