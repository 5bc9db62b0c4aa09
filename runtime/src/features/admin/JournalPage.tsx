import { useCallback, useEffect, useState } from "react";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { asApiError } from "../../shared/use-api.ts";
import type { ApiError } from "../../shared/api.ts";
import { listAudit } from "./list-audit.ts";
import { actionLabel, formatMoment, targetLabel } from "./audit-labels.ts";
import type { AuditEntry } from "./types.ts";

/** The audit log of the association, newest first, fifty lines at a time. */
export function JournalPage() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();

  const load = useCallback(async (before?: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await listAudit(before);
      setEntries((shown) => (before ? [...shown, ...page.entries] : page.entries));
      setNext(page.next_before);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="admin-section">
      <div className="title-row">
        <h2>Journal</h2>
        <button type="button" onClick={() => load()} disabled={loading}>
          Actualiser
        </button>
      </div>
      <p className="muted">Chaque action faite dans l'association : qui, quand, quoi, et d'où.</p>
      <ErrorAlert error={error} />
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className="list">
            <caption className="sr-only">Journal des actions</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Personne</th>
                <th scope="col">Action</th>
                <th scope="col">Concerne</th>
                <th scope="col">Organisation</th>
                <th scope="col">Adresse</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td data-label="Date">{formatMoment(entry.at)}</td>
                  <td data-label="Personne">{entry.actor_email ?? "—"}</td>
                  <td data-label="Action">{actionLabel(entry.action)}</td>
                  <td data-label="Concerne">{targetLabel(entry)}</td>
                  <td data-label="Organisation">{entry.organisation_name ?? "—"}</td>
                  <td data-label="Adresse">{entry.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!loading && !error && entries.length === 0 && <p>Le journal est vide.</p>}
      {loading && <Loading what="du journal" />}
      {next !== null && !loading && (
        <div className="actions more">
          <button type="button" onClick={() => load(next)}>
            Afficher les actions plus anciennes
          </button>
        </div>
      )}
    </div>
  );
}
