import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import type { CompatibilityBreak } from "../../../../engine/grid/compatibility.ts";
import type { GridChange } from "../../../../engine/grid/diff.ts";
import type { LintFinding } from "../../../../engine/grid/lint.ts";
import type { SurveyJson } from "../../../../engine/grid/types.ts";
import { useSession } from "../../app/session-context.tsx";
import { SurveyEditor } from "../../editor/SurveyEditor.tsx";
import { Preview } from "../../editor/Preview.tsx";
import { ApiError } from "../../shared/api.ts";
import { formatDate } from "../../shared/labels.ts";
import { useLoad } from "../../shared/use-load.ts";
import { ErrorMessage, Loading } from "../../shared/ui.tsx";
import { isCopil } from "../session/session-api.ts";
import { ConflictNotice } from "./ConflictNotice.tsx";
import { openDraft, readDraft, saveDraft, type Draft } from "./draft-api.ts";
import { PublishPanel } from "./PublishPanel.tsx";

// The COPIL edits the draft (made from the newest published version if
// needed); referents read it. Saves name their base revision.

type Conflict = { current: number; changes: GridChange[] };

export function DraftPage() {
  const { code = "" } = useParams();
  const copil = isCopil(useSession());
  const [published, setPublished] = useState<number | null>(null);
  const {
    data: loaded,
    error,
    reload,
  } = useLoad(() => (copil ? openDraft(code) : readDraft(code)), [code, copil]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [survey, setSurvey] = useState<SurveyJson | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [serverFindings, setServerFindings] = useState<LintFinding[]>([]);
  const [compatibility, setCompatibility] = useState<CompatibilityBreak[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  useEffect(() => {
    if (!loaded) return;
    setDraft(loaded);
    setSurvey(loaded.survey);
    setDirty(false);
    setConflict(null);
  }, [loaded]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  if (published !== null) {
    return (
      <div role="status" className="card ok">
        <h1>Version {published} publiée</h1>
        <p>
          Les nouvelles fiches utilisent désormais la version {published}. Les fiches déjà saisies
          gardent leur version.
        </p>
        <Link to="/">Retour aux grilles</Link>
      </div>
    );
  }
  if (error) return <ErrorMessage error={error} />;
  if (!draft || !survey) return <Loading what="du brouillon" />;

  const save = async (revision = draft.revision) => {
    setSaveError(null);
    setServerFindings([]);
    try {
      const saved = await saveDraft(code, survey, revision);
      setDraft(saved);
      setCompatibility(saved.compatibility);
      setDirty(false);
      setConflict(null);
      setSavedAt(saved.updatedAt);
    } catch (failure) {
      const apiError = failure as ApiError;
      if (apiError.code === "stale_revision")
        setConflict({ current: apiError.details.current, changes: apiError.details.changes ?? [] });
      else if (apiError.code === "lint_failed")
        setServerFindings(
          apiError.details.findings.map((f: LintFinding) => ({ ...f, severity: "error" })),
        );
      setSaveError(apiError);
    }
  };

  const grid = { code: draft.code, title: draft.title, subject: draft.subject };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{draft.title} — brouillon</h1>
          <p className="muted">
            Révision {draft.revision}
            {draft.updatedBy ? `, enregistrée par ${draft.updatedBy}` : ""} le{" "}
            {formatDate(draft.updatedAt)}
            {draft.newestPublished
              ? ` · part de la version ${draft.newestPublished}`
              : " · jamais publiée"}
          </p>
        </div>
        {copil && (
          <div className="row">
            {savedAt && !dirty && (
              <span role="status" className="ok">
                Brouillon enregistré.
              </span>
            )}
            {dirty && <span className="muted">Modifications non enregistrées</span>}
            <button type="button" className="primary" disabled={!dirty} onClick={() => save()}>
              Enregistrer le brouillon
            </button>
          </div>
        )}
      </div>
      {conflict && (
        <ConflictNotice
          changes={conflict.changes}
          current={conflict.current}
          onReload={reload}
          onOverwrite={() => save(conflict.current)}
        />
      )}
      {saveError && !conflict && <ErrorMessage error={saveError} />}
      {compatibility.length > 0 && (
        <div className="card warning" role="status">
          <strong>Cette version ne pourra pas être publiée en l'état :</strong>
          <ul>
            {compatibility.map((b, i) => (
              <li key={i}>{b.message}</li>
            ))}
          </ul>
        </div>
      )}
      {copil ? (
        <>
          <SurveyEditor
            grid={grid}
            survey={survey}
            serverFindings={serverFindings}
            onChange={(next) => {
              setSurvey(next);
              setDirty(true);
            }}
          />
          <PublishPanel
            code={code}
            revision={draft.revision}
            nextNumber={(draft.newestPublished ?? 0) + 1}
            dirty={dirty}
            onPublished={setPublished}
          />
        </>
      ) : (
        <>
          <p>
            Seuls les membres du COPIL modifient le brouillon.{" "}
            <Link to={`/grilles/${code}/proposer?base=draft`}>
              Proposer un changement à partir de ce brouillon
            </Link>
          </p>
          <Preview survey={survey} />
        </>
      )}
    </>
  );
}
