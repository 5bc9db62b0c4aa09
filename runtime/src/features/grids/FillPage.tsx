import { Link, useParams } from "react-router";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { useGridVersion } from "../../shared/grids/get-grid-version.ts";
import { newestVersion, useGrids } from "../../shared/grids/list-grids.ts";
import { FillForm } from "./FillForm.tsx";

/** Fills the newest published version of a grid. */
export function FillPage() {
  const { code } = useParams();
  const grids = useGrids();
  const grid = grids.data?.find((g) => g.code === code);
  const number = grid ? newestVersion(grid) : undefined;
  const version = useGridVersion(code, number);

  const back = <Link to="/grilles">← Toutes les grilles</Link>;
  if (grids.error || version.error) {
    return (
      <section>
        {back}
        <ErrorAlert error={grids.error ?? version.error} />
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

  return (
    <section aria-labelledby="fill-title">
      {back}
      <h1 id="fill-title">{version.data.title}</h1>
      <p className="muted">Version {version.data.number}</p>
      <FillForm key={`${version.data.code}:${version.data.number}`} version={version.data} />
    </section>
  );
}
