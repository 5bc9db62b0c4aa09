import { useState } from "react";
import { ErrorAlert, Loading, SuccessAlert } from "../../shared/Alert.tsx";
import { formatDay } from "../../shared/dates.ts";
import { useUsers } from "./list-users.ts";
import { useOrganisations } from "./list-organisations.ts";
import { useUpdateUser } from "./update-user.ts";
import { PasswordResetForm } from "./PasswordResetForm.tsx";
import { UserForm } from "./UserForm.tsx";
import type { ManagedUser } from "./types.ts";
import { useSession } from "../../app/session-context.tsx";

/** The association's accounts: create, disable or enable, give a new password. */
export function UsersPage() {
  const users = useUsers();
  const organisations = useOrganisations();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<ManagedUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { state } = useSession();
  // One's own password is changed in « Mon compte », which asks for the current one.
  const selfId = state.status === "signed-in" ? state.session.user.id : undefined;

  async function toggle(user: ManagedUser) {
    setNotice(null);
    const changed = await update.run(user.id, { disabled: !user.disabled });
    if (changed) {
      setNotice(
        changed.disabled
          ? `Le compte de ${changed.display_name} est désactivé.`
          : `Le compte de ${changed.display_name} est réactivé.`,
      );
      users.reload();
    }
  }

  return (
    <div className="admin-section">
      <div className="title-row">
        <h2>Comptes</h2>
        {!creating && (
          <button
            type="button"
            className="primary"
            onClick={() => (setCreating(true), setNotice(null))}
          >
            Créer un compte
          </button>
        )}
      </div>
      {notice && (
        <SuccessAlert>
          <p>{notice}</p>
        </SuccessAlert>
      )}
      {creating && organisations.data && (
        <UserForm
          organisations={organisations.data}
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setNotice(`Compte créé pour ${user.display_name} (${user.email}).`);
            users.reload();
          }}
        />
      )}
      {resetting && (
        <PasswordResetForm
          user={resetting}
          onCancel={() => setResetting(null)}
          onDone={() => {
            setNotice(`Nouveau mot de passe enregistré pour ${resetting.display_name}.`);
            setResetting(null);
          }}
        />
      )}
      <ErrorAlert error={users.error ?? organisations.error ?? update.error} />
      {users.loading && <Loading what="des comptes" />}
      {users.data && (
        <div className="table-wrap">
          <table className="list">
            <caption className="sr-only">Comptes de l'association</caption>
            <thead>
              <tr>
                <th scope="col">Nom affiché</th>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">Rôle</th>
                <th scope="col">État</th>
                <th scope="col">Créé le</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id} className={user.disabled ? "is-disabled" : undefined}>
                  <td data-label="Nom">
                    <strong>{user.display_name}</strong>
                  </td>
                  <td data-label="E-mail">{user.email}</td>
                  <td data-label="Rôle">
                    {user.roles
                      .map((r) => `${capitalise(r.label)} · ${r.organisation_name}`)
                      .join(", ") || "—"}
                  </td>
                  <td data-label="État">
                    {user.disabled
                      ? "Désactivé"
                      : user.must_change_password
                        ? "Actif · mot de passe provisoire"
                        : "Actif"}
                  </td>
                  <td data-label="Créé le">{formatDay(user.created_at)}</td>
                  <td data-label="Actions">
                    <div className="actions row-actions">
                      {user.id === selfId ? (
                        <span className="muted">Votre compte</span>
                      ) : (
                        <button
                          type="button"
                          onClick={() => toggle(user)}
                          disabled={update.pending}
                        >
                          {user.disabled ? "Réactiver" : "Désactiver"}
                          <span className="sr-only"> {user.display_name}</span>
                        </button>
                      )}
                      {user.id !== selfId && (
                        <button type="button" onClick={() => (setResetting(user), setNotice(null))}>
                          Nouveau mot de passe
                          <span className="sr-only"> pour {user.display_name}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
