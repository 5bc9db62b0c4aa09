import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, SuccessAlert } from "../../shared/Alert.tsx";
import { YouthPicker } from "../../shared/subjects/YouthPicker.tsx";
import { youthDetails } from "../../shared/subjects/youth-label.ts";
import { GroupPicker, groupLabel } from "../../shared/subjects/GroupPicker.tsx";
import { GROUP_WORDS, type Group } from "../../shared/subjects/groups.ts";
import { createSurveyModel } from "../../shared/survey/create-model.ts";
import { ErrorSummary } from "../../shared/survey/ErrorSummary.tsx";
import { showFieldErrors, type PlacedError } from "../../shared/survey/field-errors.ts";
import { SurveyForm } from "../../shared/survey/SurveyForm.tsx";
import type { GridVersion, ResponseRecord, Youth } from "../../shared/types.ts";
import { useCreateResponse } from "./create-response.ts";

/** Picks the young person, family or action the grid is about, then fills and posts the survey. */
export function FillForm(props: { version: GridVersion; initialYouth?: Youth | null }) {
  const { version, initialYouth = null } = props;
  const [round, setRound] = useState(0);
  const [youth, setYouth] = useState<Youth | null>(initialYouth);
  const [group, setGroup] = useState<Group | null>(null);
  const [saved, setSaved] = useState<ResponseRecord | null>(null);

  function again() {
    setSaved(null);
    setYouth(null);
    setGroup(null);
    setRound((n) => n + 1);
  }

  if (saved) {
    return (
      <SuccessAlert>
        <p>
          <strong>Fiche enregistrée</strong>
          {saved.subject_code ? ` pour ${saved.subject_code}` : ""}.
        </p>
        <p className="actions">
          <Link to={`/fiches/${saved.id}`}>Voir la fiche</Link>
          {saved.subject_id && youth && (
            <Link to={`/jeunes/${saved.subject_id}`}>Retour au dossier du jeune</Link>
          )}
          <button type="button" onClick={again}>
            Remplir une autre fiche
          </button>
        </p>
      </SuccessAlert>
    );
  }

  const groupKind =
    version.subject === "family" || version.subject === "action" ? version.subject : null;
  if (groupKind && !group) return <GroupPicker kind={groupKind} onPick={setGroup} />;

  if (version.subject === "youth" && !youth) return <YouthPicker onPick={setYouth} />;

  return (
    <>
      {youth && (
        <div className="card chosen">
          <span>
            Jeune : <strong>{youth.code}</strong>{" "}
            <span className="muted">{youthDetails(youth)}</span>
          </span>
          <button type="button" className="link" onClick={() => setYouth(null)}>
            Changer de jeune
          </button>
        </div>
      )}
      {group && (
        <div className="card chosen">
          <span>
            {GROUP_WORDS[group.kind].the} : <strong>{groupLabel(group)}</strong>
          </span>
          <button type="button" className="link" onClick={() => setGroup(null)}>
            Changer
          </button>
        </div>
      )}
      <SurveyStep key={round} version={version} subject={youth ?? group} onSaved={setSaved} />
    </>
  );
}

function SurveyStep(props: {
  version: GridVersion;
  subject: { id: string } | null;
  onSaved: (r: ResponseRecord) => void;
}) {
  const { version, subject, onSaved } = props;
  const [model] = useState(() => createSurveyModel(version.survey));
  // One id per record being filled: a retry after a network error resends the same id.
  const responseId = useRef(crypto.randomUUID());
  const { run, pending, error } = useCreateResponse();
  const [placed, setPlaced] = useState<PlacedError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const handler = (_: unknown, options: { allow: boolean }) => {
      options.allow = false;
      void submit();
    };
    model.onCompleting.add(handler);
    return () => model.onCompleting.remove(handler);
  });

  async function submit() {
    if (pending) return;
    setPlaced([]);
    const record = await run({
      id: responseId.current,
      grid: version.code,
      version: version.number,
      subject: subject?.id,
      data: model.data as Record<string, unknown>,
    });
    if (record) return onSaved(record);
    summaryRef.current?.scrollIntoView({ block: "start" });
  }

  useEffect(() => {
    if (error?.fieldErrors.length) setPlaced(showFieldErrors(model, error.fieldErrors));
  }, [error, model]);

  return (
    <>
      <div ref={summaryRef} aria-live="polite">
        {placed.length > 0 ? (
          <ErrorSummary model={model} errors={placed} />
        ) : (
          <ErrorAlert error={error} />
        )}
        {pending && <p role="status">Enregistrement en cours…</p>}
      </div>
      <SurveyForm model={model} />
    </>
  );
}
