import { hasRole, type Caller } from "./caller.ts";
import { apiError } from "../http/errors.ts";

// Who may do what with grid definitions. Only the COPIL edits drafts,
// publishes and decides on proposals; referents read drafts, propose and
// comment; nobody else sees drafts or proposals.

export function canDecide(caller: Caller): boolean {
  return hasRole(caller, "copil");
}

export function canPropose(caller: Caller): boolean {
  return hasRole(caller, "copil", "referent");
}

export function requireCopil(caller: Caller): void {
  if (!canDecide(caller)) throw apiError("forbidden");
}

/** Drafts and proposals: the COPIL and referents only. */
export function requireDesignerReader(caller: Caller): void {
  if (!canPropose(caller)) throw apiError("forbidden");
}
