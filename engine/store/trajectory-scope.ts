import { hasRole, recordReadPrefixes, type Caller } from "../access/caller.ts";
import { apiError } from "../http/errors.ts";

// Whose young people the path indicators (durations, reach of collective
// actions) count.

export type Scope = { kind: "branch"; prefixes: string[] } | { kind: "federation" };

/**
 * Record readers see their branch; the COPIL and analysts see the whole
 * federation, with small cells masked.
 * NOTE: store/table-scope.ts (resolveScope) is the fuller rule of the tables.
 */
export function scopeOf(caller: Caller): Scope {
  const prefixes = recordReadPrefixes(caller);
  if (prefixes.length > 0) return { kind: "branch", prefixes };
  if (hasRole(caller, "analyst", "copil")) return { kind: "federation" };
  throw apiError("forbidden");
}
