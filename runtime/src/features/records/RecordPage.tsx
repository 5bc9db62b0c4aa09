import { useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorAlert, Loading, SuccessAlert } from "../../shared/Alert.tsx";
import { formatDate } from "../../shared/dates.ts";
import { useGridVersion } from "../../shared/grids/get-grid-version.ts";
import { newestVersion, useGrids } from "../../shared/grids/list-grids.ts";
import { MoveToNewest } from "./MoveToNewest.tsx";
import { RecordEditor } from "./RecordEditor.tsx";
import { useRecord } from "./get-record.ts";

/** One record, shown with the grid version it was filled against. */
export function RecordPage() {
  const { id } = useParams();
  const record = useRecord(id);
  const version = useGridVersion(record.data?.grid, record.data?.version);
  const grids = useGrids();
  const [saved, setSaved] = useState(false);
  // Bumped on "Recharger": the editor starts afresh even when the revision did not move.
  const [round, setRound] = useState(0);

  const back = <Link to="/fiches">← Mes fiches</Link>;
  const error = record.error ?? version.error;
  if (error) {
    return (
      <section>
        {back}
        <ErrorAlert error={error} />
      </section>
    );
  }
  if (!record.data || !version.data) return <Loading what="de la fiche" />;

  const r = record.data;
  const summary = grids.data?.find((g) => g.code === r.grid);
  const newest = summary ? newestVersion(summary) : undefined;
  return (
    <section aria-labelledby="record-title">
      {back}
      <h1 id="record-title">{version.data.title}</h1>
      <dl className="facts">
        <div>
          <dt>Date</dt>
          <dd>{formatDate(r.occurred_on)}</dd>
        </div>
        <div>
          <dt>Jeune</dt>
          <dd>{r.subject_code ?? "—"}</dd>
        </div>
        <div>
          <dt>Version de la grille</dt>
          <dd>{r.version}</dd>
        </div>
        <div>
          <dt>Révision</dt>
          <dd>{r.revision}</dd>
        </div>
      </dl>
      {newest !== undefined && newest > r.version && (
        <MoveToNewest record={r} newest={newest} onMoved={() => record.reload()} />
      )}
      {saved && (
        <SuccessAlert>
          <p>Modifications enregistrées.</p>
        </SuccessAlert>
      )}
      <RecordEditor
        key={`${r.id}:${r.revision}:${round}:${version.data.number}`}
        record={r}
        version={version.data}
        onSaved={() => {
          setSaved(true);
          record.reload();
        }}
        onReload={() => {
          setSaved(false);
          setRound((n) => n + 1);
          record.reload();
        }}
      />
    </section>
  );
}
