import type { GridChange } from "../../../../engine/grid/diff.ts";
import { ChangeList } from "../../shared/ChangeList.tsx";

// Someone saved the draft first: show what they changed, and let the person
// choose; never overwrite silently.
export function ConflictNotice({
  changes,
  current,
  onReload,
  onOverwrite,
}: {
  changes: GridChange[];
  current: number;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  return (
    <div role="alert" className="card conflict">
      <h2>Le brouillon a été enregistré par quelqu'un d'autre</h2>
      <p>
        Pendant que vous le modifiiez, le brouillon est passé à la révision {current}. Voici ce qui
        a changé depuis votre version de départ :
      </p>
      <ChangeList changes={changes} />
      <div className="row">
        <button type="button" onClick={onReload}>
          Abandonner mes modifications et recharger
        </button>
        <button type="button" className="danger" onClick={onOverwrite}>
          Enregistrer ma version à la place (les changements ci-dessus seront remplacés)
        </button>
      </div>
    </div>
  );
}
