import { useState } from "react";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { useGridVersion } from "../../shared/grids/get-grid-version.ts";
import { createSurveyModel } from "../../shared/survey/create-model.ts";
import { SurveyForm } from "../../shared/survey/SurveyForm.tsx";
import type { GridVersion, ResponseRecord } from "../../shared/types.ts";
import { useMutation } from "../../shared/use-mutation.ts";
import { migrateRecord } from "./migrate-record.ts";

// The record's answers in the newest version's form, to give what that
// version newly requires before the move.
export function CompleteInNewest({
  record,
  newest,
  onMoved,
}: {
  record: ResponseRecord;
  newest: number;
  onMoved: () => void;
}) {
  const version = useGridVersion(record.grid, newest);
  if (version.error) return <ErrorAlert error={version.error} />;
  if (!version.data) return <Loading what="de la nouvelle version" />;
  return <CompleteForm record={record} version={version.data} onMoved={onMoved} />;
}

function CompleteForm({
  record,
  version,
  onMoved,
}: {
  record: ResponseRecord;
  version: GridVersion;
  onMoved: () => void;
}) {
  const [model] = useState(() => {
    const built = createSurveyModel(version.survey, { data: record.data, singlePage: true });
    built.showCompleteButton = false;
    return built;
  });
  const move = useMutation((data: Record<string, unknown>) =>
    migrateRecord(record.id, record.revision, data),
  );

  return (
    <>
      <ErrorAlert error={move.error} />
      <SurveyForm model={model} />
      <button
        type="button"
        className="primary"
        disabled={move.pending}
        onClick={async () => {
          if (!model.validate(true, true)) return;
          if (await move.run(model.data as Record<string, unknown>)) onMoved();
        }}
      >
        Enregistrer dans la version {version.number}
      </button>
    </>
  );
}
