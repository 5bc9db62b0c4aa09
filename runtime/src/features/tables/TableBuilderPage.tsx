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
import type { ComputedTable, Filter } from "./types.ts";
import { AxisFields, type Axis } from "./AxisFields.tsx";
import { FilterFields } from "./FilterFields.tsx";
import { buildDefinition, dimensionFits, maxPerAxis } from "./build-definition.ts";

// The table builder: pick a grid, a measure, the rows, the columns, filters and
// a period; the result is computed as you go; save it under a title. No JSON.

const PREVIEW_DELAY_MS = 350;

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

  const path = !!options.data?.measures[measure]?.transition;
  const max = options.data ? maxPerAxis(options.data, measure) : 3;
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
                    // Breakdown rows and columns, and a path table's situations, belong to
                    // their measure: drop those that no longer fit.
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
                max={max}
                onChange={(v) => setAxis("rows", v)}
              />
              <AxisFields
                axis="columns"
                label="En colonnes"
                values={axes.columns}
                offered={offered}
                max={max}
                onChange={(v) => setAxis("columns", v)}
              />
              {path ? (
                <p className="hint">
                  Parcours : chaque jeune compte une fois, selon sa première fiche « entrée » (sinon
                  la première) et sa dernière fiche de situation.
                </p>
              ) : (
                <FilterFields options={options.data} filters={filters} onChange={setFilters} />
              )}
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
              <ErrorAlert error={previewError} details />
              {result && <TableView table={result} stacked />}
            </>
          )}
        </div>
      </form>
    </section>
  );
}
