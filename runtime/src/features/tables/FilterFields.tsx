import type { Filter, TableOptions } from "./types.ts";

// The builder's filters: keep only the records whose answer to a question is
// one of the ticked choices.

export function FilterFields({
  options,
  filters,
  onChange,
}: {
  options: TableOptions;
  filters: Filter[];
  onChange: (filters: Filter[]) => void;
}) {
  const available = options.filters.filter(
    (f) => !filters.some((chosen) => chosen.question === f.question),
  );
  return (
    <fieldset className="field">
      <legend>Filtres</legend>
      {filters.length === 0 && (
        <p className="hint">Facultatif : ne garder que certaines réponses.</p>
      )}
      {filters.map((filter, position) => {
        const option = options.filters.find((f) => f.question === filter.question)!;
        const toggle = (value: string, on: boolean) =>
          onChange(
            filters.map((f, i) =>
              i === position
                ? { ...f, values: on ? [...f.values, value] : f.values.filter((v) => v !== value) }
                : f,
            ),
          );
        return (
          <fieldset className="filter card" key={filter.question}>
            <legend>{option.label}</legend>
            <div className="choices">
              {option.choices.map((choice) => (
                <label className="choice" key={choice.value}>
                  <input
                    type="checkbox"
                    checked={filter.values.includes(choice.value)}
                    onChange={(e) => toggle(choice.value, e.target.checked)}
                  />
                  {choice.label}
                </label>
              ))}
            </div>
            <button
              type="button"
              onClick={() => onChange(filters.filter((_, i) => i !== position))}
            >
              Retirer ce filtre
            </button>
          </fieldset>
        );
      })}
      {available.length > 0 && (
        <div className="axis-line">
          <label className="sr-only" htmlFor="builder-add-filter">
            Ajouter un filtre sur une question
          </label>
          <select
            id="builder-add-filter"
            value=""
            onChange={(e) =>
              e.target.value && onChange([...filters, { question: e.target.value, values: [] }])
            }
          >
            <option value="">Ajouter un filtre sur…</option>
            {available.map((f) => (
              <option key={f.question} value={f.question}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
