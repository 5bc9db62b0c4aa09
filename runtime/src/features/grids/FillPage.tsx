import { Link, useParams, useSearchParams } from "react-router";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { useGridVersion } from "../../shared/grids/get-grid-version.ts";
import { newestVersion, useGrids } from "../../shared/grids/list-grids.ts";
import { useYouth } from "../../shared/subjects/get-youth.ts";
import { FillForm } from "./FillForm.tsx";

/** Fills the newest published version of a grid; `?jeune=<id>` chooses the young person beforehand. */
export function FillPage() {
  const { code } = useParams();
  const youthId = useSearchParams()[0].get("jeune");
  const youth = useYouth(youthId);
  const grids = useGrids();
  const grid = grids.data?.find((g) => g.code === code);
  const number = grid ? newestVersion(grid) : undefined;
  const version = useGridVersion(code, number);

  const back = youthId ? (
    <Link to={`/jeunes/${encodeURIComponent(youthId)}`}>← Dossier du jeune</Link>
  ) : (
    <Link to="/grilles">← Toutes les grilles</Link>
  );
  if (grids.error || version.error || youth.error) {
    return (
      <section>
        {back}
        <ErrorAlert error={grids.error ?? version.error ?? youth.error} />
      </section>
    );
  }
  if (grids.data && !number) {
    return (
      <section>
        {back}
        <h1>Grille introuvable</h1>
        <p>Cette grille n'existe pas ou n'a pas encore de version publiée.</p>
      </section>
    );
  }
  if (!version.data) return <Loading what="de la grille" />;
  if (youthId && !youth.data) return <Loading what="du jeune" />;

  return (
    <section aria-labelledby="fill-title">
      {back}
      <h1 id="fill-title">{version.data.title}</h1>
      <p className="muted">Version {version.data.number}</p>
      <FillForm
        key={`${version.data.code}:${version.data.number}:${youthId ?? ""}`}
        version={version.data}
        initialYouth={youth.data ?? null}
      />
    </section>
  );
}
