import { hasRole, type Caller } from "./caller.ts";
import type { OrganisationKind } from "./organisations.ts";
import type { Role } from "./roles.ts";
import { apiError } from "../http/errors.ts";

// Who manages what: an association admin manages the organisations and the
// accounts of their association's branch, the platform admin everything.
// Nobody manages outside their own branch.

/** Path prefixes of the branches the caller administers ("/" for the platform admin). */
export function adminPrefixes(caller: Caller): string[] {
  if (hasRole(caller, "platform_admin")) return ["/"];
  return [
    ...new Set(
      caller.roles.filter((r) => r.role === "association_admin").map((r) => r.organisationPath),
    ),
  ];
}

/** The caller's admin branches, or 403 when they administer nothing. */
export function requireAdminPrefixes(caller: Caller): string[] {
  const prefixes = adminPrefixes(caller);
  if (prefixes.length === 0) throw apiError("forbidden");
  return prefixes;
}

export function inPrefixes(path: string, prefixes: string[]): boolean {
  return prefixes.some((prefix) => path.startsWith(prefix));
}

/** The kinds of organisation where a role can be held. */
export const ROLE_KINDS: Record<Role, readonly OrganisationKind[]> = {
  educator: ["service", "team"],
  referent: ["service", "team"],
  service_head: ["service", "team"],
  association_admin: ["association"],
  copil: ["federation"],
  analyst: ["federation"],
  platform_admin: ["federation"],
};

/** The kind of organisation that can sit under each kind. */
export const CHILD_KIND: Record<OrganisationKind, OrganisationKind | null> = {
  federation: "association",
  association: "service",
  service: "team",
  team: null,
};
