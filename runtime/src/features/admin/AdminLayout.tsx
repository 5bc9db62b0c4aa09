import { Navigate, NavLink, Outlet } from "react-router";

/** The association admin's area: accounts, services and the journal. */
export function AdminLayout({ allowed }: { allowed: boolean }) {
  // Someone else signing in after an admin lands here: send them to their own start page.
  if (!allowed) return <Navigate to="/grilles" replace />;

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Administration</h1>
      <nav className="subnav" aria-label="Administration">
        <ul>
          <li>
            <NavLink to="/administration/comptes">Comptes</NavLink>
          </li>
          <li>
            <NavLink to="/administration/services">Services</NavLink>
          </li>
          <li>
            <NavLink to="/administration/journal">Journal</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </section>
  );
}
