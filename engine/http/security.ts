import type { NextFunction, Request, Response } from "express";
import type { Caller } from "../access/caller.ts";
import { findCaller } from "../access/sessions.ts";
import { apiError } from "./errors.ts";
import type { Knex } from "knex";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      caller?: Caller;
    }
  }
}

export const SESSION_COOKIE = "bdc_session";

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
      "script-src 'self'; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; " +
      "base-uri 'self'; form-action 'self'",
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined; // a malformed cookie is no session, not a server error
      }
    }
  }
  return undefined;
}

/** Loads the caller behind the session cookie, if any. */
export function loadSession(db: Knex) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) req.caller = (await findCaller(db, token, req.ip)) ?? undefined;
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every write under /api needs the session's CSRF token in X-CSRF-Token;
 * only the login itself, which has no session yet, is exempt.
 */
export function requireCsrf(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  if (req.method === "POST" && req.path === "/session") return next();
  if (!req.caller) return next(apiError("unauthenticated"));
  if (req.get("x-csrf-token") !== req.caller.csrfToken) return next(apiError("csrf_missing"));
  next();
}

/** What someone with a provisional password may still do: see and end their session, change it. */
const WHILE_PASSWORD_PROVISIONAL = new Set([
  "GET /session",
  "DELETE /session",
  "POST /session",
  "POST /session/password",
  "GET /health",
]);

/** A provisional password (from an admin) opens nothing until its holder changes it. */
export function requireOwnPassword(req: Request, _res: Response, next: NextFunction): void {
  if (
    req.caller?.mustChangePassword &&
    !WHILE_PASSWORD_PROVISIONAL.has(`${req.method} ${req.path}`)
  )
    return next(apiError("password_change_required"));
  next();
}

export function requireCaller(req: Request): Caller {
  if (!req.caller) throw apiError("unauthenticated");
  return req.caller;
}
