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

/**
 * `?name=` as text, or undefined when absent or empty. Given twice or as a list
 * (`?grid=a&grid=b`, `?grid[]=a`), it is refused: silently keeping neither
 * dropped a filter and returned every grid.
 */
export function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value !== undefined && typeof value !== "string") {
    throw new ApiError("invalid_request", {
      errors: [{ field: name, message: `« ${name} » ne se donne qu'une fois, comme un texte.` }],
    });
  }
  return value === "" ? undefined : value;
}

/** `?name=` as a whole number between min and max, or the default when absent; else a 400. */
export function queryInteger(
  req: Request,
  name: string,
  bounds: { min: number; max: number; default: number },
): number {
  const text = queryString(req, name);
  if (text === undefined) return bounds.default;
  const value = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(value >= bounds.min && value <= bounds.max)) {
    throw new ApiError("invalid_request", {
      errors: [
        {
          field: name,
          message: `« ${name} » est un nombre entier de ${bounds.min} à ${bounds.max}.`,
        },
      ],
    });
  }
  return value;
}
