import { useState } from "react";
import { Link, useParams } from "react-router";
import type { GridChange } from "../../../../engine/grid/diff.ts";
import { useSession } from "../../app/session-context.tsx";
import { ApiError } from "../../shared/api.ts";
import { ChangeList } from "../../shared/ChangeList.tsx";
import { formatDate } from "../../shared/labels.ts";
import { useLoad } from "../../shared/use-load.ts";
import { ErrorMessage, Loading } from "../../shared/ui.tsx";
import { isCopil } from "../session/session-api.ts";
import {
  acceptProposal,
  commentProposal,
  getProposal,
  rejectProposal,
  STATUS_LABELS,
  type Proposal,
} from "./proposals-api.ts";

// One proposal: its rationale, its changes, the discussion, and the COPIL's decision.

type Conflict = { codes: string[]; proposal: GridChange[]; draft: GridChange[] };

export function ProposalPage() {
  const { id = "" } = useParams();
  const copil = isCopil(useSession());
  const { data, error, setData } = useLoad(() => getProposal(id), [id]);
  const [comment, setComment] = useState("");
  const [reason, setReason] = useState("");
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading what="de la proposition" />;

  const act = async (action: () => Promise<Proposal>) => {
    setActionError(null);
    setConflict(null);
    try {
      setData(await action());
    } catch (failure) {
      const apiError = failure as ApiError;
      if (apiError.code === "proposal_conflict") setConflict(apiError.details);
      setActionError(apiError);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>
          Proposition n° {data.id} — {data.gridTitle}
        </h1>
        <Link to={`/grilles/${data.grid}/propositions`}>Toutes les propositions de la grille</Link>
      </div>
      <section className="card">
        <p>
          <span className={`status status-${data.status}`}>{STATUS_LABELS[data.status]}</span> ·
          proposée par {data.author} le {formatDate(data.createdAt)}, à partir{" "}
          {data.base === "draft" ? "du brouillon" : `de la version ${data.base}`}
        </p>
        <h2>Pourquoi</h2>
        <p className="note">{data.rationale}</p>
        {data.status !== "open" && (
          <p role="status">
            {data.status === "accepted"
              ? `Acceptée par ${data.decidedBy} le ${formatDate(data.decidedAt)} : intégrée au brouillon (révision ${data.appliedRevision}).`
              : `Refusée par ${data.decidedBy} le ${formatDate(data.decidedAt)} : ${data.decisionReason}`}
          </p>
        )}
      </section>
      <section className="card" aria-label="Changements proposés">
        <h2>Changements proposés</h2>
        <ChangeList changes={data.changes} />
      </section>
      {conflict && (
        <section role="alert" className="card conflict">
          <h2>Conflit avec le brouillon</h2>
          <p>
            Le brouillon a changé les mêmes questions ({conflict.codes.join(", ")}) depuis la base
            de cette proposition. Rien n'a été appliqué : reportez la proposition à la main dans le
            brouillon, ou refusez-la en expliquant pourquoi.
          </p>
          <h3>Dans la proposition</h3>
          <ChangeList changes={conflict.proposal} />
          <h3>Dans le brouillon</h3>
          <ChangeList changes={conflict.draft} />
        </section>
      )}
      <ErrorMessage error={conflict ? null : actionError} />
      {copil && data.status === "open" && (
        <section className="card" aria-label="Décision">
          <h2>Décision du COPIL</h2>
          <button
            type="button"
            className="primary"
            onClick={() => act(() => acceptProposal(data.id))}
          >
            Accepter et intégrer au brouillon
          </button>
          <label className="field">
            <span>Raison du refus</span>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="button"
            className="danger"
            disabled={reason.trim() === ""}
            onClick={() => act(() => rejectProposal(data.id, reason))}
          >
            Refuser
          </button>
        </section>
      )}
      <section className="card" aria-label="Discussion">
        <h2>Discussion</h2>
        {data.comments.length === 0 && <p className="muted">Pas encore de commentaire.</p>}
        <ol className="plain comments">
          {data.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author}</strong> <span className="muted">{formatDate(c.createdAt)}</span>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
        <label className="field">
          <span>Votre commentaire</span>
          <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={comment.trim() === ""}
          onClick={() =>
            act(async () => {
              const updated = await commentProposal(data.id, comment);
              setComment("");
              return updated;
            })
          }
        >
          Commenter
        </button>
      </section>
    </>
  );
}
