import { downloadUrl, type TablePeriod } from "./get-table.ts";

/** XLSX, and CSV with semicolons (French spreadsheets) or commas. */
export function Downloads({ code, period }: { code: string; period: TablePeriod }) {
  return (
    <div className="actions" role="group" aria-label="Télécharger le tableau">
      <a className="button" href={downloadUrl(code, "xlsx", period)} download>
        Télécharger en XLSX
      </a>
      <a className="button" href={downloadUrl(code, "csv", period)} download>
        CSV (point-virgule)
      </a>
      <a className="button" href={downloadUrl(code, "csv", period, "comma")} download>
        CSV (virgule)
      </a>
    </div>
  );
}
