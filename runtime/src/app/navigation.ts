import type { Session } from "../features/session/types.ts";

// What each person's menu holds. The federation's analysts and the COPIL
// never fill grids or follow young people: they land on the tables, and the
// COPIL and referents get a link to the grid designer. The server checks
// every right again; this only spares people screens they cannot use.

const RECORD_ROLES = ["educator", "referent", "service_head", "association_admin"];
const DESIGNER_ROLES = ["copil", "referent"];
const ADMIN_ROLES = ["association_admin", "platform_admin"];

type MenuLink = { to: string; label: string; external?: boolean };

const has = (session: Session, roles: string[]) =>
  session.roles.some((r) => roles.includes(r.role));

export function worksWithRecords(session: Session): boolean {
  return has(session, RECORD_ROLES);
}

/** Association and platform admins manage accounts and services. */
export function isAdmin(session: Session): boolean {
  return has(session, ADMIN_ROLES);
}

/** Where a person lands after signing in. */
export function homePath(session: Session): string {
  return worksWithRecords(session) ? "/grilles" : "/tableaux";
}

export function menuLinks(session: Session): MenuLink[] {
  const links: MenuLink[] = [];
  if (worksWithRecords(session)) {
    links.push(
      { to: "/grilles", label: "Grilles" },
      { to: "/fiches", label: "Mes fiches" },
      { to: "/jeunes", label: "Mes jeunes" },
    );
  }
  links.push({ to: "/tableaux", label: "Tableaux" });
  if (isAdmin(session)) links.push({ to: "/administration", label: "Administration" });
  if (has(session, DESIGNER_ROLES)) {
    links.push({ to: "/designer/", label: "Concepteur de grilles", external: true });
  }
  return links;
}
