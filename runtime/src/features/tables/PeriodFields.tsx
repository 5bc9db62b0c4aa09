import type { TablePeriod } from "./get-table.ts";

/** Years offered at federation scope: this year and the nine before. */
export function recentYears(): number[] {
  const thisYear = new Date().getFullYear();
  return Array.from({ length: 10 }, (_, i) => thisYear - i);
}

/** The year a whole-year period covers, or "" when the period is open. */
function yearOf(period: TablePeriod): string {
  const from = period.from?.slice(0, 4);
  return from && period.from === `${from}-01-01` && period.to === `${from}-12-31` ? from : "";
}

/**
 * "Du … au …" on the record's date; an empty field leaves that end open.
 * At federation scope the server takes whole calendar years only (two periods a
 * few days apart would give away the records between them): a year list then.
 */
export function PeriodFields({
  period,
  onChange,
  wholeYears = false,
}: {
  period: TablePeriod;
  onChange: (p: TablePeriod) => void;
  wholeYears?: boolean;
}) {
  if (wholeYears) {
    return (
      <div className="field period-fields">
        <label htmlFor="period-year">Année civile (date de la fiche)</label>
        <select
          id="period-year"
          value={yearOf(period)}
          onChange={(e) => {
            const year = e.target.value;
            onChange(year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {});
          }}
        >
          <option value="">Toutes les années</option>
          {recentYears().map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <fieldset className="field period-fields">
      <legend>Période (date de la fiche)</legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor="period-from">Du</label>
          <input
            id="period-from"
            type="date"
            value={period.from ?? ""}
            onChange={(e) => onChange({ ...period, from: e.target.value || undefined })}
          />
        </div>
        <div className="field">
          <label htmlFor="period-to">Au</label>
          <input
            id="period-to"
            type="date"
            value={period.to ?? ""}
            onChange={(e) => onChange({ ...period, to: e.target.value || undefined })}
          />
        </div>
      </div>
    </fieldset>
  );
}
