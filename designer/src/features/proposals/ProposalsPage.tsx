import { Link, useParams } from "react-router";
import { formatDate } from "../../shared/labels.ts";
import { useLoad } from "../../shared/use-load.ts";
import { ErrorMessage, Loading } from "../../shared/ui.tsx";
import { listProposals, STATUS_LABELS } from "./proposals-api.ts";

// The proposals made on one grid, newest first, open or decided.
export function ProposalsPage() {
  const { code = "" } = useParams();
  const { data, error } = useLoad(() => listProposals(code), [code]);
  return (
    <>
      <div className="page-head">
        <h1>Propositions — {code}</h1>
        <div className="row">
          <Link className="button primary" to={`/grilles/${code}/proposer`}>
            Proposer un changement
          </Link>
          <Link to="/">Retour aux grilles</Link>
        </div>
      </div>
      <ErrorMessage error={error} />
      {!data && !error && <Loading what="des propositions" />}
      {data?.length === 0 && <p className="muted">Aucune proposition pour cette grille.</p>}
      <ul className="plain">
        {data?.map((p) => (
          <li key={p.id} className="card">
            <Link to={`/propositions/${p.id}`}>
              <strong>Proposition n° {p.id}</strong>
            </Link>{" "}
            <span className={`status status-${p.status}`}>{STATUS_LABELS[p.status]}</span>
            <p>{p.rationale}</p>
            <p className="muted">
              {p.author}, {formatDate(p.createdAt)} · {p.changes.length} changement(s) ·{" "}
              {p.comments.length} commentaire(s)
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
