import { useState, type FormEvent } from "react";
import { ErrorAlert, SuccessAlert } from "../../shared/Alert.tsx";
import { errorFor, Field } from "../../shared/Field.tsx";
import { useChangePassword } from "./change-password.ts";
import { useSession } from "../../app/session-context.tsx";

const MIN_LENGTH = 12;

/**
 * The signed-in person replaces their password. With a provisional one (an
 * admin gave it) this page is all the app shows until it is changed.
 */
export function PasswordPage({ provisional = false }: { provisional?: boolean }) {
  const { run, pending, error, reset } = useChangePassword();
  const { signedIn } = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const fieldErrors = error?.fieldErrors ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setMismatch(next !== again);
    // The server's last refusal is about what was typed then, not now.
    reset();
    if (next !== again) return;
    const session = await run(current, next);
    if (session) {
      // The session now says the password is the person's own: the app opens.
      signedIn(session);
      setDone(true);
      setCurrent("");
      setNext("");
      setAgain("");
    }
  }

  return (
    <section aria-labelledby="password-title">
      <h1 id="password-title">
        {provisional ? "Choisissez votre mot de passe" : "Changer mon mot de passe"}
      </h1>
      {provisional && (
        <p className="alert alert-info">
          Le mot de passe que vous avez reçu est provisoire : choisissez le vôtre pour accéder à la
          BDC. Vous seul·e le connaîtrez.
        </p>
      )}
      {done && (
        <SuccessAlert>
          <p>Mot de passe changé. Vos autres appareils ont été déconnectés.</p>
        </SuccessAlert>
      )}
      <form
        className="card form inline-form"
        onSubmit={submit}
        aria-labelledby="password-title"
        noValidate
      >
        <ErrorAlert error={error} />
        <Field
          label={provisional ? "Mot de passe provisoire reçu" : "Mot de passe actuel"}
          error={errorFor(fieldErrors, "current_password")}
        >
          <input
            type="password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            autoComplete="current-password"
          />
        </Field>
        <Field
          label="Nouveau mot de passe"
          hint={`${MIN_LENGTH} caractères au moins. Une phrase facile à retenir convient bien.`}
          error={errorFor(fieldErrors, "new_password")}
        >
          <input
            type="password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            autoComplete="new-password"
          />
        </Field>
        <Field
          label="Nouveau mot de passe, une seconde fois"
          error={
            mismatch ? "Les deux saisies du nouveau mot de passe sont différentes." : undefined
          }
        >
          <input
            type="password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            autoComplete="new-password"
          />
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={pending}>
            {pending ? "Enregistrement…" : "Changer le mot de passe"}
          </button>
        </div>
      </form>
    </section>
  );
}
