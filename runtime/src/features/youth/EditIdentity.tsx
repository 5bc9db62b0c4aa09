import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../shared/Alert.tsx";
import type { Youth } from "../../shared/types.ts";
import {
  identityDraft,
  identityOf,
  IdentityFields,
} from "../../shared/subjects/IdentityFields.tsx";
import { useUpdateYouth } from "./update-youth.ts";

/** Corrects a young person's identity fields; the code does not change. */
export function EditIdentity(props: { youth: Youth; onSaved: () => void; onCancel: () => void }) {
  const { youth, onSaved, onCancel } = props;
  const { run, pending, error } = useUpdateYouth();
  const [draft, setDraft] = useState(() => identityDraft(youth));
  const fieldErrors = error?.fieldErrors ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(youth.id, identityOf(draft))) onSaved();
  }

  return (
    <form className="card form" onSubmit={submit} aria-label="Modifier l'identité" noValidate>
      <ErrorAlert error={error} />
      <IdentityFields
        draft={draft}
        onChange={setDraft}
        fieldErrors={fieldErrors}
        sexGroup="edit-sex"
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer"}
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
