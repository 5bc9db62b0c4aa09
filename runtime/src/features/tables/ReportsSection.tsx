import { useState } from "react";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { useReports } from "./list-reports.ts";
import { recentYears } from "./PeriodFields.tsx";

/** The shipped report packs: each opens as one printable page set, or downloads as one workbook. */
export function ReportsSection() {
  const { data, error } = useReports();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const query = year ? `?year=${year}` : "";
  return (
    <section aria-labelledby="reports-title" className="reports">
      <h2 id="reports-title">Rapports</h2>
      <div className="field inline-field">
        <label htmlFor="report-year">Année</label>
        <select id="report-year" value={year} onChange={(e) => setYear(e.target.value)}>
          {recentYears().map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
          <option value="">Toutes les années</option>
        </select>
      </div>
      <ErrorAlert error={error} />
      <ul className="cards">
        {(data ?? []).map((report) => (
          <li key={report.code} className="card">
            <strong>{report.title}</strong>
            {report.description && <p className="muted">{report.description}</p>}
            <p className="hint">{report.tables.length} tableaux</p>
            <div className="actions">
              <a
                className="button"
                href={`/api/reports/${encodeURIComponent(report.code)}.html${query}`}
                target="_blank"
                rel="noopener"
              >
                Ouvrir pour imprimer
              </a>
              <a
                className="button"
                href={`/api/reports/${encodeURIComponent(report.code)}.xlsx${query}`}
                download
              >
                XLSX
              </a>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
