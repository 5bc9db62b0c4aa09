import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { errorFor, Field } from "../../shared/Field.tsx";
import { useResetPassword } from "./reset-password.ts";
import type { ManagedUser } from "./types.ts";
import { MIN_PASSWORD_LENGTH } from "./UserForm.tsx";

/** Gives an account a new provisional password; the person's open sessions end. */
export function PasswordResetForm({
  user,
  onDone,
  onCancel,
}: {
  user: ManagedUser;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { run, pending, error } = useResetPassword();
  const [password, setPassword] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(user.id, password)) onDone();
  }

  return (
    <form
      className="card form"
      onSubmit={submit}
      aria-label={`Nouveau mot de passe pour ${user.display_name}`}
      noValidate
    >
      <h2>Nouveau mot de passe pour {user.display_name}</h2>
      <ErrorAlert error={error} />
      <Field
        label="Mot de passe provisoire"
        hint={`${MIN_PASSWORD_LENGTH} caractères au moins. La personne sera déconnectée de tous ses appareils.`}
        error={errorFor(error?.fieldErrors ?? [], "password")}
      >
        <input
          type="text"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer le mot de passe"}
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
