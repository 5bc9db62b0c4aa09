import { useState, type FormEvent } from "react";
import { ErrorMessage } from "../../shared/ui.tsx";
import { createSession, type Session } from "./session-api.ts";

// The same login as the runtime (POST /api/session, same cookie).
export function LoginPage({ onLogin }: { onLogin: (session: Session) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await createSession(email, password));
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <h1>Concepteur de grilles de la BDC</h1>
      <p>Réservé aux membres du COPIL et aux référent·es BDC.</p>
      <form onSubmit={submit} className="card">
        <label className="field">
          <span>Adresse e-mail</span>
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>Mot de passe</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Se connecter
        </button>
      </form>
    </main>
  );
}
