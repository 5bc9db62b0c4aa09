import { HotTable } from "@handsontable/react-wrapper";
import { registerCellType, TextCellType } from "handsontable/cellTypes";
import { registerLanguageDictionary, frFR } from "handsontable/i18n";
import "handsontable/styles/handsontable.min.css";
import "handsontable/styles/ht-theme-main.min.css";

// The only file that knows Handsontable (licence: deps.md P1), so it can be
// swapped for another grid without touching the features. Only the modules a
// read-only table needs are registered, not registerAllModules().
registerCellType(TextCellType);
registerLanguageDictionary(frFR);

const LICENSE_KEY: string =
  import.meta.env.VITE_HANDSONTABLE_LICENSE_KEY ?? "non-commercial-and-evaluation";

export type DataGridProps = {
  /** Read by screen readers as the grid's name. */
  label: string;
  rowHeaders: string[];
  columnHeaders: string[];
  /** Cells already formatted for display, one array per row. */
  cells: string[][];
  /** Rows whose headers and cells are drawn as totals (bold). */
  totalRows?: number[];
  totalColumns?: number[];
};

/** A read-only table with row and column headers. */
export function DataGrid({
  label,
  rowHeaders,
  columnHeaders,
  cells,
  totalRows = [],
  totalColumns = [],
}: DataGridProps) {
  return (
    <div className="data-grid" role="region" aria-label={label}>
      <HotTable
        themeName="ht-theme-main"
        licenseKey={LICENSE_KEY}
        language="fr-FR"
        data={cells}
        rowHeaders={rowHeaders}
        colHeaders={columnHeaders}
        readOnly
        disableVisualSelection={false}
        rowHeaderWidth={rowHeaderWidth(rowHeaders)}
        colWidths={columnHeaders.map(columnWidth)}
        height="auto"
        width="100%"
        // Handsontable names its top-left corner in English whatever the language.
        afterGetColHeader={(column, th) => {
          if (column < 0) th.setAttribute("aria-label", "Sélectionner tout le tableau");
        }}
        cells={(row, column) => ({
          className:
            totalRows.includes(row) || totalColumns.includes(column)
              ? "htRight total-cell"
              : "htRight",
        })}
      />
    </div>
  );
}

/** Wide enough for its header on a desktop (reported: « Accompagnement ponc… »), narrower on a phone. */
function columnWidth(header: string): number {
  const cap = window.innerWidth < 600 ? 180 : 260;
  return Math.min(cap, Math.max(80, header.length * 8 + 24));
}

/** Wide enough for the longest label, but leaving room for numbers on a phone. */
function rowHeaderWidth(labels: string[]): number {
  const longest = labels.reduce((max, text) => Math.max(max, text.length), 0);
  const cap = window.innerWidth < 600 ? 175 : 320;
  return Math.min(cap, Math.max(100, longest * 7 + 20));
}
