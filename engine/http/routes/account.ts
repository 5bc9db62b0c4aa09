import { Router } from "express";
import type { AppContext } from "../context.ts";
import { changeOwnPassword } from "../../access/account.ts";
import { bodyObject, onlyKeys } from "../request.ts";
import { requireCaller } from "../security.ts";
import { describe, setSessionCookie } from "./session.ts";

// The signed-in person's own account.
export function accountRoutes({ db, config }: AppContext): Router {
  const router = Router();

  // Every session of the account ends; this browser gets a fresh one (new cookie, new CSRF token).
  router.post("/session/password", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    onlyKeys(body, ["current_password", "new_password"]);
    const session = await changeOwnPassword(
      db,
      caller,
      { current: body.current_password, next: body.new_password },
      config.sessionHours,
    );
    setSessionCookie(res, config, session);
    res.json(describe(session.caller));
  });

  return router;
}
