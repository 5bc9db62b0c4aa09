import { Router } from "express";
import type { AppContext } from "../context.ts";
import { AUDIT_PAGE_MAX, listAudit } from "../../access/audit-log.ts";
import { queryInteger, queryString } from "../request.ts";
import { requireCaller } from "../security.ts";

// The audit log in the caller's scope, newest first; `?before=<id>` pages on.
export function auditRoutes({ db }: AppContext): Router {
  const router = Router();

  router.get("/audit", async (req, res) => {
    const caller = requireCaller(req);
    res.json(
      await listAudit(db, caller, {
        before: queryString(req, "before"),
        limit: queryInteger(req, "limit", { min: 1, max: AUDIT_PAGE_MAX, default: 50 }),
      }),
    );
  });

  return router;
}
