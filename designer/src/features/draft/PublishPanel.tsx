import { useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../../shared/api.ts";
import { ErrorMessage } from "../../shared/ui.tsx";
import { publishDraft } from "./draft-api.ts";

// Publishing: a change note, then the server's compatibility rules.
export function PublishPanel({
  code,
  revision,
  nextNumber,
  dirty,
  onPublished,
}: {
  code: string;
  revision: number;
  nextNumber: number;
  dirty: boolean;
  onPublished: (number: number) => void;
}) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await publishDraft(code, note, revision);
      onPublished(done.number);
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const breaks: { message: string }[] =
    error?.code === "incompatible_version" ? error.details.breaks : [];
  const findings: { message: string }[] =
    error?.code === "lint_failed" ? error.details.findings : [];

  return (
    <section className="card" aria-label="Publication">
      <h2>Publier la version {nextNumber}</h2>
      <p className="hint">
        Une version publiée ne change plus ; les nouvelles fiches l'utiliseront, les anciennes
        gardent la leur.{" "}
        <Link to={`/grilles/${code}/comparer?from=${nextNumber - 1}&to=draft`}>
          Voir les changements
        </Link>
      </p>
      <label className="field">
        <span>Note de version (ce qui change et pourquoi)</span>
        <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      {[...breaks, ...findings].length > 0 && (
        <ul className="findings">
          {[...breaks, ...findings].map((b, i) => (
            <li key={i} className="error">
              {b.message}
            </li>
          ))}
        </ul>
      )}
      {dirty && <p className="hint">Enregistrez le brouillon avant de le publier.</p>}
      <button
        type="button"
        className="primary"
        disabled={dirty || busy || note.trim() === ""}
        onClick={publish}
      >
        Publier la version {nextNumber}
      </button>
    </section>
  );
}
