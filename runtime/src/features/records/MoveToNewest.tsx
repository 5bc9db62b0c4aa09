import { useState } from "react";
import { KIND_LABELS } from "../../../../engine/grid/diff-labels.ts";
import { ErrorAlert } from "../../shared/Alert.tsx";
import type { ResponseRecord } from "../../shared/types.ts";
import { useApi } from "../../shared/use-api.ts";
import { useMutation } from "../../shared/use-mutation.ts";
import { CompleteInNewest } from "./CompleteInNewest.tsx";
import { getVersionChanges, migrateRecord } from "./migrate-record.ts";

// A record filled on an older version keeps opening with it; this offers to
// move it to the newest version, after showing what changed between the two.
// When the newest version requires answers the record lacks, the move is
// refused with those fields named, and the newest version's form opens to give them.
export function MoveToNewest({
  record,
  newest,
  onMoved,
}: {
  record: ResponseRecord;
  newest: number;
  onMoved: () => void;
}) {
  const [open, setOpen] = useState(false);
  const changes = useApi(open ? `${record.grid}:${record.version}:${newest}` : null, () =>
    getVersionChanges(record.grid, record.version, newest),
  );
  const move = useMutation(migrateRecord);
  const mustComplete = move.error?.code === "invalid_response";

  return (
    <div className="alert" role="note">
      <p>
        Cette fiche a été remplie avec la version {record.version} de la grille ; la version{" "}
        {newest} est celle des nouvelles fiches.
      </p>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Voir les changements et passer à la version {newest}
        </button>
      ) : (
        <>
          <ErrorAlert error={changes.error} />
          {changes.data && (
            <ul>
              {changes.data.changes.map((change, index) => (
                <li key={index}>
                  {KIND_LABELS[change.kind]} : {change.code}
                  {change.choice ? ` (choix ${change.choice})` : ""}
                </li>
              ))}
            </ul>
          )}
          {mustComplete && <p>Complétez d'abord ce que la version {newest} demande :</p>}
          <ErrorAlert error={move.error}>
            {move.error?.fieldErrors.length ? (
              <ul>
                {move.error.fieldErrors.map((e) => (
                  <li key={e.field}>{e.message}</li>
                ))}
              </ul>
            ) : null}
          </ErrorAlert>
          {mustComplete ? (
            <CompleteInNewest record={record} newest={newest} onMoved={onMoved} />
          ) : (
            <button
              type="button"
              className="primary"
              disabled={move.pending}
              onClick={async () => {
                if (await move.run(record.id, record.revision)) onMoved();
              }}
            >
              Passer à la version {newest}
            </button>
          )}
        </>
      )}
    </div>
  );
}
