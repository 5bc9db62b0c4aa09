import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { Field } from "../../shared/Field.tsx";
import { useCreateSession } from "./create-session.ts";
import type { Session } from "./types.ts";

export function LoginPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { run, pending, error } = useCreateSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const session = await run(email.trim(), password);
    if (session) onSignedIn(session);
  }

  return (
    <main className="login">
      <form className="card form" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Connexion à la BDC</h1>
        <p className="muted">Base de données commune de la prévention spécialisée</p>
        <ErrorAlert error={error} />
        <Field label="Adresse e-mail">
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="username"
            required
            autoFocus
          />
        </Field>
        <Field label="Mot de passe">
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </Field>
        <button type="submit" className="primary wide" disabled={pending}>
          {pending ? "Connexion…" : "Se connecter"}
        </button>
      </form>
    </main>
  );
}
