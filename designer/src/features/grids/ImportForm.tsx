import { useState } from "react";
import { useNavigate } from "react-router";
import { GRID_SUBJECTS } from "../../../../engine/grid/types.ts";
import { ChangeList } from "../../shared/ChangeList.tsx";
import { SUBJECT_LABELS } from "../../shared/labels.ts";
import { ErrorMessage } from "../../shared/ui.tsx";
import { importGrid, readDraftRevision, type ImportReport } from "./grids-api.ts";

// Import a grid file (ours, or SurveyJS JSON from another tool): the
// linter's report first, then the import on request.

export function ImportForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [file, setFile] = useState<Record<string, unknown> | null>(null);
  const [fields, setFields] = useState({ code: "", title: "", subject: "youth" });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const plain = file !== null && !(file.survey && typeof file.survey === "object");

  const body = () => ({ survey: file, ...(plain ? fields : {}) });
  const check = async () => {
    setError(null);
    try {
      setReport(await importGrid(body(), true));
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const run = async () => {
    try {
      // An existing draft is replaced only by naming the revision it is at.
      const draft =
        report?.exists && report.code ? await readDraftRevision(report.code) : undefined;
      const done = await importGrid({ ...body(), ...(draft ? { revision: draft } : {}) }, false);
      navigate(`/grilles/${done.code}/brouillon`);
    } catch (failure) {
      setError(failure as Error);
    }
  };

  return (
    <div className="card">
      <h2>Importer une grille</h2>
      <label className="field">
        <span>Fichier JSON (grille BDC ou questionnaire SurveyJS)</span>
        <input
          type="file"
          accept="application/json,.json"
          onChange={async (e) => {
            setReport(null);
            const chosen = e.target.files?.[0];
            if (!chosen) return;
            try {
              setFile(JSON.parse(await chosen.text()));
            } catch {
              setError(new Error("Ce fichier n'est pas du JSON valide."));
            }
          }}
        />
      </label>
      {plain && (
        <>
          <p className="hint">
            Questionnaire SurveyJS sans enveloppe BDC : donnez son code, son titre et son sujet.
          </p>
          <div className="row">
            <label className="field">
              <span>Code</span>
              <input
                className="mono"
                value={fields.code}
                onChange={(e) => setFields({ ...fields, code: e.target.value })}
              />
            </label>
            <label className="field">
              <span>Titre</span>
              <input
                value={fields.title}
                onChange={(e) => setFields({ ...fields, title: e.target.value })}
              />
            </label>
            <label className="field">
              <span>Chaque fiche concerne</span>
              <select
                value={fields.subject}
                onChange={(e) => setFields({ ...fields, subject: e.target.value })}
              >
                {GRID_SUBJECTS.map((s) => (
                  <option key={s} value={s}>
                    {SUBJECT_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </>
      )}
      <ErrorMessage error={error} />
      {report && (
        <div className="report">
          <h3>Rapport de vérification</h3>
          {report.findings.length === 0 ? (
            <p className="ok">Aucun problème trouvé.</p>
          ) : (
            <ul className="findings">
              {report.findings.map((f, i) => (
                <li key={i} className={f.severity}>
                  {f.message}
                </li>
              ))}
            </ul>
          )}
          {report.compatibility.map((b, i) => (
            <p key={i} className="error">
              {b.message}
            </p>
          ))}
          {report.exists && (
            <>
              <p>
                La grille « {report.code} » existe : l'import deviendra son brouillon. Changements
                par rapport à la dernière version :
              </p>
              <ChangeList changes={report.changes} />
            </>
          )}
        </div>
      )}
      <div className="row">
        <button type="button" onClick={check} disabled={!file}>
          Vérifier
        </button>
        <button
          type="button"
          className="primary"
          onClick={run}
          disabled={!report || report.findings.some((f) => f.severity === "error")}
        >
          Importer la grille
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </div>
  );
}
