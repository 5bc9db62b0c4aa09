import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { useGrids } from "../../shared/grids/list-grids.ts";
import { asApiError } from "../../shared/use-api.ts";
import type { ApiError } from "../../shared/api.ts";
import { useMutation } from "../../shared/use-mutation.ts";
import { useTableOptions } from "./table-options.ts";
import { previewTable } from "./preview-table.ts";
import { saveTable } from "./save-table.ts";
import { TableView } from "./TableView.tsx";
import { PeriodFields } from "./PeriodFields.tsx";
import type { TablePeriod } from "./get-table.ts";
import type { ComputedTable, Filter, TableDefinition, TableOptions } from "./types.ts";

// The table builder: pick a grid, a measure, the rows, the columns, filters and
// a period; the result is computed as you go; save it under a title. No JSON.

const MAX_PER_AXIS = 3;
const PREVIEW_DELAY_MS = 350;

/** A table code from its title: « Jeunes par âge » → jeunes_par_age. */
export function codeFromTitle(title: string): string {
  const code = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
  return /^[a-z]/.test(code) ? code : `tableau_${code}`;
}

type Axis = "rows" | "columns";

export default function TableBuilderPage() {
  const navigate = useNavigate();
  const grids = useGrids();
  const [grid, setGrid] = useState("");
  const options = useTableOptions(grid);
  const [measure, setMeasure] = useState(0);
  const [axes, setAxes] = useState<Record<Axis, number[]>>({ rows: [], columns: [] });
  const [filters, setFilters] = useState<Filter[]>([]);
  const [period, setPeriod] = useState<TablePeriod>({});
  const [title, setTitle] = useState("");
  const [result, setResult] = useState<ComputedTable>();
  const [previewError, setPreviewError] = useState<ApiError>();
  const save = useMutation(saveTable);

  // A new grid starts a new table.
  useEffect(() => {
    setMeasure(0);
    setAxes({ rows: [], columns: [] });
    setFilters([]);
    setResult(undefined);
  }, [grid]);

  const definition = useMemo(
    () =>
      options.data
        ? buildDefinition(options.data, { measure, axes, filters, period, title })
        : undefined,
    [options.data, measure, axes, filters, period, title],
  );

  // The result at once: each change is computed after a short pause.
  useEffect(() => {
    if (!definition || definition.rows.length === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      previewTable(definition).then(
        (table) => {
          if (!current) return;
          setResult(table);
          setPreviewError(undefined);
        },
        (failure: unknown) => current && setPreviewError(asApiError(failure)),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [definition]);

  const offered = (options.data?.dimensions ?? [])
    .map((option, index) => ({ ...option, index }))
    .filter((o) => dimensionFits(options.data!, measure, o.index));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!definition) return;
    const saved = await save.run(definition);
    if (saved) navigate(`/tableaux/${encodeURIComponent(saved.code)}`);
  }

  const setAxis = (axis: Axis, values: number[]) =>
    setAxes((current) => ({ ...current, [axis]: values }));
  const titleError = save.error?.fieldErrors.find(
    (e) => e.field === "title" || e.field === "code",
  )?.message;

  return (
    <section aria-labelledby="builder-title">
      <Link to="/tableaux">← Tous les tableaux</Link>
      <h1 id="builder-title">Nouveau tableau</h1>
      <form className="builder" onSubmit={submit} noValidate>
        <div className="builder-form card">
          <div className="field">
            <label htmlFor="builder-grid">Grille</label>
            <select id="builder-grid" value={grid} onChange={(e) => setGrid(e.target.value)}>
              <option value="">Choisissez une grille…</option>
              {(grids.data ?? []).map((g) => (
                <option key={g.code} value={g.code}>
                  {g.title}
                </option>
              ))}
            </select>
          </div>
          <ErrorAlert error={grids.error ?? options.error} />

          {options.data && (
            <>
              <div className="field">
                <label htmlFor="builder-measure">Compter</label>
                <select
                  id="builder-measure"
                  value={measure}
                  onChange={(e) => {
                    // Breakdown rows and columns belong to one measure: drop those that no longer fit.
                    const next = Number(e.target.value);
                    const fits = (i: number) => dimensionFits(options.data!, next, i);
                    setMeasure(next);
                    setAxes((a) => ({
                      rows: a.rows.filter(fits),
                      columns: a.columns.filter(fits),
                    }));
                  }}
                >
                  {options.data.measures.map((m, i) => (
                    <option key={i} value={i}>
                      {m.label}
                    </option>
                  ))}
                </select>
              </div>
              <AxisFields
                axis="rows"
                label="En lignes"
                values={axes.rows}
                offered={offered}
                onChange={(v) => setAxis("rows", v)}
              />
              <AxisFields
                axis="columns"
                label="En colonnes"
                values={axes.columns}
                offered={offered}
                onChange={(v) => setAxis("columns", v)}
              />
              <FilterFields options={options.data} filters={filters} onChange={setFilters} />
              <PeriodFields
                period={period}
                onChange={setPeriod}
                wholeYears={result?.scope === "federation"}
              />
              <div className={titleError ? "field field-invalid" : "field"}>
                <label htmlFor="builder-title-input">Titre du tableau</label>
                <input
                  id="builder-title-input"
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                  aria-describedby="builder-title-hint"
                />
                <p className="hint" id="builder-title-hint">
                  Il nomme le tableau dans la liste et dans les téléchargements.
                </p>
                {titleError && <p className="field-error">{titleError}</p>}
              </div>
              <ErrorAlert error={save.error && !titleError ? save.error : undefined} />
              <div className="actions">
                <button
                  type="submit"
                  className="primary"
                  disabled={save.pending || !title.trim() || axes.rows.length === 0}
                >
                  Enregistrer le tableau
                </button>
              </div>
            </>
          )}
        </div>
        <div className="builder-result" aria-live="polite">
          <h2>Résultat</h2>
          {!definition || definition.rows.length === 0 ? (
            <p className="muted">Choisissez une grille et au moins une dimension en lignes.</p>
          ) : (
            <>
              {previewError && <PreviewError error={previewError} />}
              {result && <TableView table={result} stacked />}
            </>
          )}
        </div>
      </form>
    </section>
  );
}

function PreviewError({ error }: { error: ApiError }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.message}</p>
      {error.fieldErrors.length > 0 && (
        <ul>
          {error.fieldErrors.map((e) => (
            <li key={e.field + e.message}>{e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Offered = TableOptions["dimensions"][number] & { index: number };

function AxisFields({
  axis,
  label,
  values,
  offered,
  onChange,
}: {
  axis: Axis;
  label: string;
  values: number[];
  offered: Offered[];
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
      {values.length < MAX_PER_AXIS && offered.length > 0 && (
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

function FilterFields({
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

/** A breakdown's rows or columns go only with the sum of that breakdown. */
function dimensionFits(
  options: TableOptions,
  measureIndex: number,
  dimensionIndex: number,
): boolean {
  const measure = options.measures[measureIndex]?.measure;
  const d = options.dimensions[dimensionIndex]?.dimension;
  if (!d) return false;
  return (
    !d.kind.startsWith("breakdown_") ||
    (measure?.kind === "breakdown_sum" && measure.question === d.question)
  );
}

/** The definition the choices make; breakdown dimensions that no longer fit the measure are left out. */
function buildDefinition(
  options: TableOptions,
  state: {
    measure: number;
    axes: Record<Axis, number[]>;
    filters: Filter[];
    period: TablePeriod;
    title: string;
  },
): TableDefinition {
  const measure = options.measures[state.measure]?.measure ?? { kind: "count" };
  const fits = (index: number) => dimensionFits(options, state.measure, index);
  const title = state.title.trim() || "Tableau sans titre";
  const period = {
    ...(state.period.from ? { from: state.period.from } : {}),
    ...(state.period.to ? { to: state.period.to } : {}),
  };
  return {
    code: codeFromTitle(title),
    title,
    grid: options.grid.code,
    measure,
    rows: state.axes.rows.filter(fits).map((i) => options.dimensions[i]!.dimension),
    columns: state.axes.columns.filter(fits).map((i) => options.dimensions[i]!.dimension),
    ...(state.filters.some((f) => f.values.length > 0)
      ? { filters: state.filters.filter((f) => f.values.length > 0) }
      : {}),
    ...(Object.keys(period).length > 0 ? { period } : {}),
  };
}
