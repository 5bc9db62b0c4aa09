import { useState } from "react";
import { Link, NavLink, Outlet } from "react-router";
import type { Session } from "../features/session/types.ts";
import { useSession } from "./session-context.tsx";
import { homePath, menuLinks } from "./navigation.ts";

export { isAdmin } from "./navigation.ts";

/** Service heads and association admins answer a young person's data requests. */
export function canManagePersonalData(session: Session): boolean {
  return session.roles.some((r) => r.role === "service_head" || r.role === "association_admin");
}

export function Layout({ session }: { session: Session }) {
  const { signOut } = useSession();
  // With a provisional password nothing but the password page opens: no menu.
  const links = session.mustChangePassword ? [] : menuLinks(session);
  const [leaving, setLeaving] = useState(false);
  const role = session.roles[0];

  async function leave() {
    setLeaving(true);
    try {
      await signOut();
    } finally {
      setLeaving(false);
    }
  }

  return (
    <>
      <header className="app-header">
        <div className="brand-row">
          <Link className="brand" to={homePath(session)}>
            BDC
          </Link>
          <div className="who">
            <Link
              className="who-name"
              to="/mot-de-passe"
              title="Mon compte : changer de mot de passe"
            >
              {session.user.displayName}
            </Link>
            {role && (
              <span className="who-role">
                {role.label}
                <span className="who-org"> · {role.organisation.name}</span>
              </span>
            )}
          </div>
          <button type="button" className="signout" onClick={leave} disabled={leaving}>
            Se déconnecter
          </button>
        </div>
        <nav aria-label="Navigation principale">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                {link.external ? (
                  <a href={link.to}>{link.label}</a>
                ) : (
                  <NavLink to={link.to}>{link.label}</NavLink>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="page">
        <Outlet />
      </main>
    </>
  );
}
