import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { errorFor, Field } from "../../shared/Field.tsx";
import { useCreateUser } from "./create-user.ts";
import {
  ASSIGNABLE_ROLES,
  KIND_LABELS,
  type AdminRole,
  type ManagedOrganisation,
  type ManagedUser,
} from "./types.ts";

export const MIN_PASSWORD_LENGTH = 12;

/** Creates an account with one role in one organisation of the admin's association. */
export function UserForm({
  organisations,
  onCreated,
  onCancel,
}: {
  organisations: ManagedOrganisation[];
  onCreated: (user: ManagedUser) => void;
  onCancel: () => void;
}) {
  const { run, pending, error } = useCreateUser();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<AdminRole>("educator");
  const [organisation, setOrganisation] = useState("");
  const [password, setPassword] = useState("");
  const fieldErrors = error?.fieldErrors ?? [];
  const kinds = ASSIGNABLE_ROLES.find((r) => r.role === role)!.kinds;
  const places = organisations.filter((o) => kinds.includes(o.kind));
  const chosen = places.some((o) => String(o.id) === organisation)
    ? organisation
    : String(places[0]?.id ?? "");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const user = await run({
      email: email.trim(),
      display_name: displayName.trim(),
      password,
      roles: [{ role, organisation_id: Number(chosen) }],
    });
    if (user) onCreated(user);
  }

  return (
    <form className="card form" onSubmit={submit} aria-label="Créer un compte" noValidate>
      <h2>Nouveau compte</h2>
      <ErrorAlert error={error} />
      <Field label="Adresse e-mail" error={errorFor(fieldErrors, "email")}>
        <input
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="off"
        />
      </Field>
      <Field
        label="Nom affiché"
        hint="Le nom que verront les collègues, par exemple « Samia B. »."
        error={errorFor(fieldErrors, "display_name")}
      >
        <input
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          autoComplete="off"
          maxLength={100}
        />
      </Field>
      <div className="field-row">
        <Field label="Rôle" error={errorFor(fieldErrors, "roles.0.role")}>
          <select value={role} onChange={(e) => setRole(e.target.value as AdminRole)}>
            {ASSIGNABLE_ROLES.map((r) => (
              <option key={r.role} value={r.role}>
                {r.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={kinds.includes("association") ? "Association" : "Service"}
          error={errorFor(fieldErrors, "roles.0.organisation_id") ?? errorFor(fieldErrors, "roles")}
        >
          <select value={chosen} onChange={(e) => setOrganisation(e.target.value)}>
            {places.map((o) => (
              <option key={o.id} value={o.id}>
                {o.kind === "team" ? `${KIND_LABELS.team} ${o.name}` : o.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label="Mot de passe provisoire"
        hint={`${MIN_PASSWORD_LENGTH} caractères au moins. Transmettez-le à la personne de vive voix ; elle pourra le changer.`}
        error={errorFor(fieldErrors, "password")}
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
          {pending ? "Création…" : "Créer le compte"}
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
