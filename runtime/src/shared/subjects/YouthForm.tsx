import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../Alert.tsx";
import { errorFor, Field } from "../Field.tsx";
import type { Youth } from "../types.ts";
import { useCreateYouth, type NewYouth } from "./create-youth.ts";
import { identityDraft, identityOf, IdentityFields } from "./IdentityFields.tsx";

/**
 * Adds a young person: only a code, a first name or initials, birth
 * month/year, sex, commune and neighbourhood. Nothing else identifies them.
 */
export function YouthForm({
  onCreated,
  onCancel,
}: {
  onCreated: (y: Youth) => void;
  onCancel?: () => void;
}) {
  const { run, pending, error } = useCreateYouth();
  const [code, setCode] = useState("");
  const [draft, setDraft] = useState(identityDraft);
  const fieldErrors = error?.fieldErrors ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: NewYouth = identityOf(draft);
    if (code.trim()) input.code = code.trim();
    const youth = await run(input);
    if (youth) onCreated(youth);
  }

  return (
    <form className="card form" onSubmit={submit} aria-label="Ajouter un jeune" noValidate>
      <ErrorAlert error={error} />
      <Field
        label="Code du jeune (facultatif)"
        hint="Laissez vide pour qu'un code soit créé automatiquement."
        error={errorFor(fieldErrors, "code")}
      >
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          maxLength={32}
        />
      </Field>
      <IdentityFields draft={draft} onChange={setDraft} fieldErrors={fieldErrors} sexGroup="sex" />
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Ajouter le jeune"}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
