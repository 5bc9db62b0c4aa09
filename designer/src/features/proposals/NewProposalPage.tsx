import { useEffect, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { GridSubject, SurveyJson } from "../../../../engine/grid/types.ts";
import { SurveyEditor } from "../../editor/SurveyEditor.tsx";
import { apiGet } from "../../shared/api.ts";
import { useLoad } from "../../shared/use-load.ts";
import { ErrorMessage, Loading } from "../../shared/ui.tsx";
import { createProposal, getDraftSurvey, getPublishedSurvey } from "./proposals-api.ts";

// A referent (or a COPIL member) proposes a change with the same editor,
// from the newest published version or from the draft, with a rationale.

async function loadBase(code: string, base: string | null) {
  if (base === "draft") return { ...(await getDraftSurvey(code)), base: "draft" };
  const grids = await apiGet<{ code: string; versions: { number: number }[] }[]>("/designer/grids");
  const newest = grids.find((g) => g.code === code)?.versions.at(-1)?.number ?? 1;
  const number = base ? Number(base) : newest;
  return { ...(await getPublishedSurvey(code, number)), base: String(number) };
}

export function NewProposalPage() {
  const { code = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data, error } = useLoad(
    () => loadBase(code, params.get("base")),
    [code, params.get("base")],
  );
  const [survey, setSurvey] = useState<SurveyJson | null>(null);
  const [rationale, setRationale] = useState("");
  const [sendError, setSendError] = useState<Error | null>(null);

  useEffect(() => {
    if (data) setSurvey(data.survey);
  }, [data]);

  if (error) return <ErrorMessage error={error} />;
  if (!data || !survey) return <Loading what="de la grille" />;

  const send = async () => {
    setSendError(null);
    try {
      const created = await createProposal(code, { survey, rationale, base: data.base });
      navigate(`/propositions/${created.id}`);
    } catch (failure) {
      setSendError(failure as Error);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>Proposer un changement — {data.title}</h1>
        <p className="muted">
          À partir {data.base === "draft" ? "du brouillon" : `de la version ${data.base}`}
        </p>
      </div>
      <SurveyEditor
        grid={{ code, title: data.title, subject: data.subject as GridSubject }}
        survey={survey}
        onChange={setSurvey}
      />
      <section className="card" aria-label="Envoyer la proposition">
        <label className="field">
          <span>Pourquoi ce changement ? (lu par le COPIL)</span>
          <textarea rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
        </label>
        <ErrorMessage error={sendError} />
        <button type="button" className="primary" disabled={rationale.trim() === ""} onClick={send}>
          Envoyer la proposition
        </button>
      </section>
    </>
  );
}
