import type { NextFunction, Request, Response } from "express";
import { ApiError } from "./errors.ts";

// Text PostgreSQL cannot store (the NUL character, half of a surrogate pair)
// is refused at the door with a 400, wherever it hides: path, query, JSON
// keys or values. Reported: a "\u0000" in a login, a first name or a search
// ended in a 500. So is a body nested deeper than anything the BDC takes
// (grids nest a few levels, answers fewer): 5,000 nested arrays in a table
// definition overflowed the stack when stored, another 500.

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const MAX_BODY_DEPTH = 64;

type Finding = "unstorable" | "too_deep" | null;

function inspect(value: unknown, depth = 0): Finding {
  if (typeof value === "string") return UNSTORABLE.test(value) ? "unstorable" : null;
  if (value === null || typeof value !== "object") return null;
  if (depth >= MAX_BODY_DEPTH) return "too_deep";
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item) => ["", item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    if (UNSTORABLE.test(key)) return "unstorable";
    const found = inspect(item, depth + 1);
    if (found) return found;
  }
  return null;
}

function decodedPath(req: Request): string {
  try {
    return decodeURIComponent(req.originalUrl);
  } catch {
    return "\u0000"; // a malformed escape is refused like a NUL
  }
}

const MESSAGES: Record<Exclude<Finding, null>, string> = {
  unstorable:
    "La demande contient un caractère invalide (caractère nul ou mal encodé). " +
    "Retirez-le et réessayez.",
  too_deep: `La demande est imbriquée sur plus de ${MAX_BODY_DEPTH} niveaux : elle ne peut pas être lue.`,
};

export function refuseUnstorableText(req: Request, _res: Response, next: NextFunction): void {
  const found = UNSTORABLE.test(decodedPath(req)) ? "unstorable" : inspect(req.body);
  if (found) {
    next(new ApiError("invalid_request", { errors: [{ field: "", message: MESSAGES[found] }] }));
    return;
  }
  next();
}
