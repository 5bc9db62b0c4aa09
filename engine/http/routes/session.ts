import { Router, type Response } from "express";
import type { Config } from "../../config.ts";
import type { AppContext } from "../context.ts";
import { login, logout, type NewSession } from "../../access/sessions.ts";
import { ROLE_LABELS } from "../../access/roles.ts";
import type { Caller } from "../../access/caller.ts";
import { ApiError } from "../errors.ts";
import { bodyObject, onlyKeys } from "../request.ts";
import { requireCaller, SESSION_COOKIE } from "../security.ts";

export function sessionRoutes({ db, config }: AppContext): Router {
  const router = Router();

  router.post("/session", async (req, res) => {
    const body = bodyObject(req);
    onlyKeys(body, ["email", "password"]);
    if (typeof body.email !== "string" || typeof body.password !== "string" || !body.email) {
      throw new ApiError("invalid_request", {
        errors: [
          { field: "email", message: "Indiquez votre adresse e-mail et votre mot de passe." },
        ],
      });
    }
    const session = await login(
      db,
      { email: body.email, password: body.password, ip: req.ip },
      config.sessionHours,
    );
    setSessionCookie(res, config, session);
    res.status(201).json(describe(session.caller));
  });

  router.get("/session", (req, res) => {
    res.json(describe(requireCaller(req)));
  });

  router.delete("/session", async (req, res) => {
    await logout(db, requireCaller(req));
    res.clearCookie(SESSION_COOKIE, { path: "/" });
    res.status(204).end();
  });

  return router;
}

export function setSessionCookie(res: Response, config: Config, session: NewSession): void {
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "strict",
    secure: config.secureCookies,
    path: "/",
    expires: session.expiresAt,
  });
}

/** What the front ends learn about the signed-in person. */
export function describe(caller: Caller) {
  return {
    user: { id: caller.userId, email: caller.email, displayName: caller.displayName },
    roles: caller.roles.map((r) => ({
      role: r.role,
      label: ROLE_LABELS[r.role],
      organisation: { id: r.organisationId, name: r.organisationName, kind: r.organisationKind },
    })),
    csrfToken: caller.csrfToken,
    mustChangePassword: caller.mustChangePassword ?? false,
  };
}
