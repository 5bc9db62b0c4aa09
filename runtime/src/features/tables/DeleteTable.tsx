import { useState } from "react";
import { useNavigate } from "react-router";
import { apiRequest } from "../../shared/api.ts";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { useMutation } from "../../shared/use-mutation.ts";

/** True once deleted, so that the mutation tells success from failure. */
async function deleteTable(code: string): Promise<true> {
  await apiRequest<void>("DELETE", `/tables/${encodeURIComponent(code)}`);
  return true;
}

/** Deletes a table made in the app, after a second click; the server says who may. */
export function DeleteTable({ code, title }: { code: string; title: string }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(deleteTable);
  const navigate = useNavigate();

  async function confirm() {
    if (await remove.run(code)) navigate("/tableaux", { replace: true });
  }

  if (!confirming) {
    return (
      <div className="actions">
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Supprimer ce tableau…
        </button>
      </div>
    );
  }
  return (
    <div className="confirm" role="group" aria-label="Confirmer la suppression">
      <p>
        Supprimer « {title} » ? Sa définition disparaît pour toute votre organisation ; les fiches
        ne changent pas.
      </p>
      <ErrorAlert error={remove.error} />
      <div className="actions">
        <button type="button" className="danger" onClick={confirm} disabled={remove.pending}>
          Supprimer définitivement
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          Annuler
        </button>
      </div>
    </div>
  );
}
