import type { TablePeriod } from "./get-table.ts";

/** "Du … au …" on the record's date; an empty field leaves that end open. */
export function PeriodFields({
  period,
  onChange,
}: {
  period: TablePeriod;
  onChange: (p: TablePeriod) => void;
}) {
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
