import type { TableOptions } from "./types.ts";

// The dimensions of one axis of the table builder: a select per dimension,
// grouped as the server offers them, with « Retirer » and « Ajouter ».

export type Axis = "rows" | "columns";
export type Offered = TableOptions["dimensions"][number] & { index: number };

export function AxisFields({
  axis,
  label,
  values,
  offered,
  max,
  onChange,
}: {
  axis: Axis;
  label: string;
  values: number[];
  offered: Offered[];
  max: number;
  onChange: (values: number[]) => void;
}) {
  const groups = [...new Set(offered.map((o) => o.group))];
  return (
    <fieldset className="field axis-fields">
      <legend>{label}</legend>
      {values.length === 0 && (
        <p className="hint">
          {axis === "rows"
            ? "Au moins une dimension."
            : "Facultatif : une seule colonne « Total » sinon."}
        </p>
      )}
      {values.map((value, position) => (
        <div className="axis-line" key={position}>
          <label className="sr-only" htmlFor={`${axis}-${position}`}>
            {`${label}, dimension ${position + 1}`}
          </label>
          <select
            id={`${axis}-${position}`}
            value={value}
            onChange={(e) =>
              onChange(values.map((v, i) => (i === position ? Number(e.target.value) : v)))
            }
          >
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {offered
                  .filter((o) => o.group === group)
                  .map((o) => (
                    <option key={o.index} value={o.index}>
                      {o.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <button type="button" onClick={() => onChange(values.filter((_, i) => i !== position))}>
            Retirer
          </button>
        </div>
      ))}
      {values.length < max && offered.length > 0 && (
        <button
          type="button"
          className="secondary"
          onClick={() => onChange([...values, offered[0]!.index])}
        >
          {axis === "rows"
            ? "Ajouter une dimension en lignes"
            : "Ajouter une dimension en colonnes"}
        </button>
      )}
    </fieldset>
  );
}
