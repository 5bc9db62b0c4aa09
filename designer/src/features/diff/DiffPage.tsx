import { Link, useParams, useSearchParams } from "react-router";
import type { ChangeClass } from "../../../../engine/grid/diff.ts";
import { ChangeList } from "../../shared/ChangeList.tsx";
import { CLASS_HELP } from "../../shared/labels.ts";
import { useLoad } from "../../shared/use-load.ts";
import { ClassBadge, ErrorMessage, Loading } from "../../shared/ui.tsx";
import { getDiff, getGridEntry } from "./diff-api.ts";

// Two versions side by side as a list of changes, each with its class and
// its impact: records of each version holding the code, tables using it.

export function DiffPage() {
  const { code = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: grid, error: gridError } = useLoad(() => getGridEntry(code), [code]);

  if (gridError) return <ErrorMessage error={gridError} />;
  if (!grid) return <Loading what="des versions" />;
  const numbers = grid.versions.map((v) => String(v.number));
  const options = [...numbers, ...(grid.draft ? ["draft"] : [])];
  const newest = numbers.at(-1);
  const to = params.get("to") ?? (grid.draft ? "draft" : (newest ?? ""));
  const from = params.get("from") ?? (grid.draft ? newest : numbers.at(-2)) ?? newest ?? "";

  return (
    <>
      <div className="page-head">
        <h1>{grid.title} — comparer</h1>
        <Link to="/">Retour aux grilles</Link>
      </div>
      {options.length < 2 ? (
        <p className="muted">
          Il faut au moins deux versions (ou une version et un brouillon) pour comparer.
        </p>
      ) : (
        <>
          <div className="row card">
            {(["from", "to"] as const).map((key) => (
              <label className="field" key={key}>
                <span>{key === "from" ? "De" : "À"}</span>
                <select
                  value={key === "from" ? from : to}
                  onChange={(e) => setParams({ from, to, [key]: e.target.value })}
                >
                  {options.map((o) => (
                    <option key={o} value={o}>
                      {o === "draft" ? "Brouillon" : `Version ${o}`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <DiffResult code={code} from={from} to={to} />
        </>
      )}
    </>
  );
}

function DiffResult({ code, from, to }: { code: string; from: string; to: string }) {
  const { data, error } = useLoad(() => getDiff(code, from, to), [code, from, to]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading what="des changements" />;
  const count = (c: ChangeClass) => data.changes.filter((change) => change.class === c).length;
  return (
    <section className="card" aria-label="Changements">
      <p className="legend" aria-label="Nombre de changements par nature">
        {(["cosmetic", "additive", "breaking"] as const).map((c) => (
          <span key={c} title={CLASS_HELP[c]}>
            <ClassBadge value={c} /> {count(c)}
          </span>
        ))}
      </p>
      <ChangeList changes={data.changes} impact={data.impact} />
    </section>
  );
}
