import { useState } from "react";
import { Link, NavLink, Outlet } from "react-router";
import type { Session } from "../features/session/types.ts";
import { useSession } from "./session-context.tsx";

const LINKS = [
  { to: "/grilles", label: "Grilles" },
  { to: "/fiches", label: "Mes fiches" },
  { to: "/jeunes", label: "Mes jeunes" },
  { to: "/tableaux", label: "Tableaux" },
];

export function Layout({ session }: { session: Session }) {
  const { signOut } = useSession();
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
          <Link className="brand" to="/grilles">
            BDC
          </Link>
          <div className="who">
            <span className="who-name">{session.user.displayName}</span>
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
            {LINKS.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to}>{link.label}</NavLink>
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
