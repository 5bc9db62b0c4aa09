import { useEffect, useMemo, useState } from "react";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.fontless.css";
import type { SurveyJson } from "../../../engine/grid/types.ts";
import { ErrorMessage } from "../shared/ui.tsx";
import { createPreviewModel } from "./preview-model.ts";
import { validatePreview, type PreviewResult } from "./validate-preview.ts";

// The form as educators will see it, rebuilt as the definition changes.
// « Vérifier » sends the answers to the server's validator (the one every
// submission goes through), so the preview and the server never disagree.

export function Preview({ survey }: { survey: SurveyJson }) {
  const json = JSON.stringify(survey);
  const [restart, setRestart] = useState(0);
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [allPages, setAllPages] = useState(false);

  const model = useMemo(() => {
    try {
      return createPreviewModel(JSON.parse(json), { singlePage: allPages });
    } catch {
      return null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [json, restart, allPages]);

  useEffect(() => setResult(null), [json]);
  // NOTE: no model.dispose() in an effect cleanup: StrictMode runs cleanups once
  // on mount in development, which left an empty, disposed form on screen.

  if (!model)
    return <ErrorMessage error="Cette définition ne peut pas être affichée : voyez la vue JSON." />;

  const check = async () => {
    setFailure(null);
    try {
      setResult(await validatePreview(survey, model.data));
    } catch (error) {
      setFailure(error as Error);
    }
  };

  return (
    <section className="preview" aria-label="Aperçu">
      <div className="row">
        <button type="button" onClick={check}>
          Vérifier les réponses comme le serveur
        </button>
        <button type="button" className="link" onClick={() => setRestart((n) => n + 1)}>
          Recommencer l'aperçu
        </button>
        <label className="check">
          <input
            type="checkbox"
            checked={allPages}
            onChange={(e) => setAllPages(e.target.checked)}
          />
          Toutes les pages d'un coup
        </label>
      </div>
      <ErrorMessage error={failure} />
      {result && (
        <div role="status" className={result.ok ? "ok" : "error"}>
          {result.ok ? (
            "Ces réponses seraient acceptées."
          ) : (
            <>
              Le serveur refuserait ces réponses :
              <ul>
                {result.errors.map((e, i) => (
                  <li key={i}>
                    <code>{e.field}</code> : {e.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <Survey model={model} />
    </section>
  );
}
