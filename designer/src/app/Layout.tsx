import { Link, Outlet } from "react-router";
import { deleteSession, isCopil, isReferent } from "../features/session/session-api.ts";
import { useSession } from "./session-context.tsx";

export function Layout({ onLogout }: { onLogout: () => void }) {
  const session = useSession();
  const allowed = isCopil(session) || isReferent(session);
  const role = isCopil(session)
    ? "membre du COPIL"
    : isReferent(session)
      ? "référent·e BDC"
      : session.roles[0]?.label;
  return (
    <>
      <header className="topbar">
        <Link to="/" className="brand">
          BDC · Concepteur de grilles
        </Link>
        <span className="who">
          {session.user.displayName}
          {role && role.toLowerCase() !== session.user.displayName.toLowerCase() && ` · ${role}`}
        </span>
        <a className="link" href="/">
          Application des équipes
        </a>
        <button
          type="button"
          className="link"
          onClick={async () => {
            await deleteSession().catch(() => undefined);
            onLogout();
          }}
        >
          Se déconnecter
        </button>
      </header>
      <main className="page">
        {allowed ? (
          <Outlet />
        ) : (
          <p role="alert" className="error">
            Le concepteur de grilles est réservé aux membres du COPIL et aux référent·es BDC. Les
            grilles se remplissent dans <a href="/">l'application des équipes</a>.
          </p>
        )}
      </main>
    </>
  );
}
