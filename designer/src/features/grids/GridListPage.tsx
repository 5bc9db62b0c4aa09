import { useState } from "react";
import { Link } from "react-router";
import { useSession } from "../../app/session-context.tsx";
import { SUBJECT_LABELS, formatDate } from "../../shared/labels.ts";
import { useLoad } from "../../shared/use-load.ts";
import { ErrorMessage, Loading } from "../../shared/ui.tsx";
import { isCopil } from "../session/session-api.ts";
import { listCatalogue, type CatalogueEntry } from "./grids-api.ts";
import { ImportForm } from "./ImportForm.tsx";
import { NewGridForm } from "./NewGridForm.tsx";

// Every grid with its versions (who, when, note), its draft and its open proposals.

function GridCard({ grid, copil }: { grid: CatalogueEntry; copil: boolean }) {
  const newest = grid.versions.at(-1);
  return (
    <article className="card grid-card" aria-label={grid.title}>
      <header className="card-head">
        <h2>
          {grid.title} <code>{grid.code}</code>
        </h2>
        <span className="muted">Fiche sur {SUBJECT_LABELS[grid.subject]}</span>
      </header>
      {grid.versions.length === 0 ? (
        <p className="muted">Jamais publiée.</p>
      ) : (
        <details>
          <summary>
            Version {newest!.number} publiée le {formatDate(newest!.publishedAt)}
            {newest!.author ? ` par ${newest!.author}` : ""} ({grid.versions.length} version
            {grid.versions.length > 1 ? "s" : ""})
          </summary>
          <ol className="versions">
            {[...grid.versions].reverse().map((v) => (
              <li key={v.number}>
                <strong>v{v.number}</strong> — {formatDate(v.publishedAt)}{" "}
                {v.author ? `· ${v.author}` : ""}
                {v.note && <div className="note">{v.note}</div>}
              </li>
            ))}
          </ol>
        </details>
      )}
      <p>
        {grid.draft
          ? `Brouillon en cours (révision ${grid.draft.revision}, ${formatDate(grid.draft.updatedAt)}${grid.draft.updatedBy ? `, ${grid.draft.updatedBy}` : ""}).`
          : "Pas de brouillon."}{" "}
        {grid.openProposals > 0 && <strong>{grid.openProposals} proposition(s) ouverte(s).</strong>}
      </p>
      <div className="row wrap">
        {copil && (
          <Link className="button primary" to={`/grilles/${grid.code}/brouillon`}>
            {grid.draft ? "Ouvrir le brouillon" : "Créer le brouillon"}
          </Link>
        )}
        {!copil && grid.draft && (
          <Link className="button" to={`/grilles/${grid.code}/brouillon`}>
            Voir le brouillon
          </Link>
        )}
        <Link className="button" to={`/grilles/${grid.code}/comparer`}>
          Comparer les versions
        </Link>
        <Link className="button" to={`/grilles/${grid.code}/propositions`}>
          Propositions
        </Link>
        {grid.versions.length > 0 && (
          <Link className="button" to={`/grilles/${grid.code}/proposer`}>
            Proposer un changement
          </Link>
        )}
        {grid.versions.length > 0 && (
          <a className="button" href={`/api/grids/${grid.code}/export`} download>
            Exporter (JSON)
          </a>
        )}
      </div>
    </article>
  );
}

export function GridListPage() {
  const session = useSession();
  const copil = isCopil(session);
  const { data, error } = useLoad(listCatalogue, []);
  const [panel, setPanel] = useState<"none" | "new" | "import">("none");

  return (
    <>
      <div className="page-head">
        <h1>Grilles</h1>
        {copil && (
          <div className="row">
            <button type="button" className="primary" onClick={() => setPanel("new")}>
              Nouvelle grille
            </button>
            <button type="button" onClick={() => setPanel("import")}>
              Importer
            </button>
          </div>
        )}
      </div>
      {panel === "new" && <NewGridForm onCancel={() => setPanel("none")} />}
      {panel === "import" && <ImportForm onCancel={() => setPanel("none")} />}
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="des grilles" />}
      {data?.map((grid) => (
        <GridCard key={grid.code} grid={grid} copil={copil} />
      ))}
    </>
  );
}
