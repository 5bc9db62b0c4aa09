import type { NextFunction, Request, Response } from "express";
import { ApiError } from "./errors.ts";

// Text PostgreSQL cannot store (the NUL character, half of a surrogate pair)
// is refused at the door with a 400, wherever it hides: path, query, JSON
// keys or values. Reported: a "\u0000" in a login, a first name or a search
// ended in a 500.

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return UNSTORABLE.test(value);
  // Deeper than any grid's answers: express.json has already bounded the size.
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => hasUnstorableText(item, depth + 1));
  return Object.entries(value).some(
    ([key, item]) => UNSTORABLE.test(key) || hasUnstorableText(item, depth + 1),
  );
}

function decodedPath(req: Request): string {
  try {
    return decodeURIComponent(req.originalUrl);
  } catch {
    return "\u0000"; // a malformed escape is refused like a NUL
  }
}

export function refuseUnstorableText(req: Request, _res: Response, next: NextFunction): void {
  if (UNSTORABLE.test(decodedPath(req)) || hasUnstorableText(req.body)) {
    next(
      new ApiError("invalid_request", {
        errors: [
          {
            field: "",
            message:
              "La demande contient un caractère invalide (caractère nul ou mal encodé). " +
              "Retirez-le et réessayez.",
          },
        ],
      }),
    );
    return;
  }
  next();
}
