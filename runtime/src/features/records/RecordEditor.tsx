import { useEffect, useState } from "react";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { createSurveyModel } from "../../shared/survey/create-model.ts";
import { ErrorSummary } from "../../shared/survey/ErrorSummary.tsx";
import { showFieldErrors, type PlacedError } from "../../shared/survey/field-errors.ts";
import { SurveyForm } from "../../shared/survey/SurveyForm.tsx";
import type { GridVersion, ResponseRecord } from "../../shared/types.ts";
import { useUpdateRecord } from "./update-record.ts";

type Props = {
  record: ResponseRecord;
  version: GridVersion;
  onSaved: () => void;
  onReload: () => void;
};

/** Read-only first; "Modifier" switches to editing, "Enregistrer" sends the new revision. */
export function RecordEditor({ record, version, onSaved, onReload }: Props) {
  const [model] = useState(() =>
    createSurveyModel(version.survey, { data: record.data, display: true, singlePage: true }),
  );
  const [editing, setEditing] = useState(false);
  const [placed, setPlaced] = useState<PlacedError[]>([]);
  const { run, pending, error, reset } = useUpdateRecord();
  const stale = error?.code === "stale_revision";

  useEffect(() => {
    model.showCompleteButton = false;
    model.mode = editing ? "edit" : "display";
  }, [model, editing]);

  function cancel() {
    model.data = record.data;
    reset();
    setPlaced([]);
    setEditing(false);
  }

  async function save() {
    setPlaced([]);
    if (!model.validate(true, true)) return;
    const saved = await run(record.id, record.revision, model.data as Record<string, unknown>);
    if (saved) onSaved();
  }

  useEffect(() => {
    if (error?.fieldErrors.length) setPlaced(showFieldErrors(model, error.fieldErrors));
  }, [error, model]);

  return (
    <>
      {stale ? (
        <div className="alert alert-error" role="alert">
          <p>
            Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. Vos
            modifications n'ont pas été enregistrées : rechargez la fiche pour voir la dernière
            version, puis refaites vos changements.
          </p>
          <button type="button" onClick={onReload}>
            Recharger
          </button>
        </div>
      ) : placed.length > 0 ? (
        <ErrorSummary model={model} errors={placed} />
      ) : (
        <ErrorAlert error={error} />
      )}
      <div className="toolbar">
        {editing ? (
          <>
            <button type="button" className="primary" onClick={save} disabled={pending}>
              {pending ? "Enregistrement…" : "Enregistrer"}
            </button>
            <button type="button" onClick={cancel} disabled={pending}>
              Annuler
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => setEditing(true)}>
            Modifier
          </button>
        )}
      </div>
      <SurveyForm model={model} />
    </>
  );
}
