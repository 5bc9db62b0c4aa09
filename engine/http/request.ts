import type { Request } from "express";
import { ApiError } from "./errors.ts";

/** The JSON body as a plain object, or a 400 saying what was expected. */
export function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined || body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiError("invalid_request", {
      errors: [{ field: "", message: "Le corps de la demande doit être un objet JSON." }],
    });
  }
  return body as Record<string, unknown>;
}

/** Refuses keys a route does not read, so a typo never passes silently. */
export function onlyKeys(body: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ApiError("invalid_request", {
      errors: unknown.map((field) => ({ field, message: `Champ inconnu : ${field}.` })),
    });
  }
}

export function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}
