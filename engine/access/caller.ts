import { RECORD_READER_ROLES, RECORD_WRITER_ROLES, type Role } from "./roles.ts";

// Who is making a request, as the session layer found them. Every repository
// function that reads or writes records takes a Caller and scopes by it.

export type RoleAssignment = {
  role: Role;
  organisationId: number;
  organisationName: string;
  organisationKind: string;
  /** "/1/4/9/": the organisation's ids from the root; its branch shares the prefix. */
  organisationPath: string;
};

export type Caller = {
  userId: number;
  email: string;
  displayName: string;
  roles: RoleAssignment[];
  sessionId: string;
  csrfToken: string;
  ip?: string;
  /** The password is provisional (given by an admin): only changing it is allowed. */
  mustChangePassword?: boolean;
};

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.roles.some((assignment) => roles.includes(assignment.role));
}

/** Path prefixes of the branches whose records the caller may read. */
export function recordReadPrefixes(caller: Caller): string[] {
  return unique(
    caller.roles
      .filter((assignment) => RECORD_READER_ROLES.includes(assignment.role))
      .map((assignment) => assignment.organisationPath),
  );
}

/** Services (organisation ids) where the caller may create records. */
export function recordWriteServices(caller: Caller): number[] {
  return unique(
    caller.roles
      .filter((assignment) => RECORD_WRITER_ROLES.includes(assignment.role))
      .map((assignment) => assignment.organisationId),
  );
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
