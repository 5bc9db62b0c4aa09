import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorAlert, Loading, SuccessAlert } from "../../shared/Alert.tsx";
import { formatBirth } from "../../shared/dates.ts";
import { SEX_LABELS } from "../../shared/types.ts";
import { AccompanimentPeriods, CurrentAccompaniment } from "./Accompaniments.tsx";
import { AddRecord } from "./AddRecord.tsx";
import { DataRights } from "./DataRights.tsx";
import type { YouthFile } from "./file-types.ts";
import { useYouthFile } from "./get-youth-file.ts";
import { SituationsTable } from "./SituationsTable.tsx";
import { Timeline } from "./Timeline.tsx";
import { EditIdentity } from "./EditIdentity.tsx";

/**
 * A young person's file: identity, accompaniment, situations, records; and,
 * for those who answer data requests, the young person's GDPR rights.
 */
export function YouthFilePage({ canManageData = false }: { canManageData?: boolean }) {
  const { id } = useParams();
  const { data, error, loading, reload } = useYouthFile(id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setNotice(null), [id]);
  const back = <Link to="/jeunes">← Mes jeunes</Link>;

  if (error) {
    return (
      <section>
        {back}
        <ErrorAlert error={error} />
      </section>
    );
  }
  if (!data) return <Loading what="du dossier" />;

  return (
    <section aria-labelledby="file-title" className="youth-file">
      {back}
      <h1 id="file-title">
        Dossier de {data.subject.code}
        {data.subject.first_name ? (
          <span className="muted"> · {data.subject.first_name}</span>
        ) : null}
      </h1>
      {notice && (
        <SuccessAlert>
          <p>{notice}</p>
        </SuccessAlert>
      )}
      {editing ? (
        <EditIdentity
          youth={data.subject}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      ) : (
        <Identity subject={data.subject} onEdit={() => setEditing(true)} />
      )}
      {loading && <Loading what="du dossier" />}
      <CurrentAccompaniment period={data.current_accompaniment} />
      <AddRecord youthId={data.subject.id} />
      <SituationsTable situations={data.situations} />
      <AccompanimentPeriods periods={data.accompaniments} />
      <Timeline entries={data.timeline} />
      {canManageData && (
        <DataRights
          youthId={data.subject.id}
          code={data.subject.code}
          onAnonymised={(message) => {
            setNotice(message);
            reload();
          }}
        />
      )}
    </section>
  );
}

function Identity({ subject, onEdit }: { subject: YouthFile["subject"]; onEdit: () => void }) {
  const groups = [
    ...(subject.families ?? []).map((f) => `Famille ${f.code}`),
    ...(subject.actions ?? []).map((a) => a.title ?? a.code),
  ];
  return (
    <section className="card identity" aria-label="Identité">
      <dl className="facts">
        <div>
          <dt>Code</dt>
          <dd>{subject.code}</dd>
        </div>
        <div>
          <dt>Prénom ou initiales</dt>
          <dd>{subject.first_name ?? "—"}</dd>
        </div>
        <div>
          <dt>Naissance</dt>
          <dd>{formatBirth(subject.birth_year, subject.birth_month)}</dd>
        </div>
        <div>
          <dt>Sexe</dt>
          <dd>{subject.sex ? SEX_LABELS[subject.sex] : "—"}</dd>
        </div>
        <div>
          <dt>Commune</dt>
          <dd>{subject.commune ? `${subject.commune.name} (${subject.commune.code})` : "—"}</dd>
        </div>
        <div>
          <dt>Quartier</dt>
          <dd>{subject.neighbourhood ?? "—"}</dd>
        </div>
        {groups.length > 0 && (
          <div>
            <dt>Famille et actions collectives</dt>
            <dd>{groups.join(", ")}</dd>
          </div>
        )}
      </dl>
      <button type="button" className="link" onClick={onEdit}>
        Modifier l'identité
      </button>
    </section>
  );
}
