import { Router } from "express";
import type { AppContext } from "../context.ts";
import { createManagedOrganisation, listOrganisations } from "../../access/organisation-admin.ts";
import { bodyObject, onlyKeys } from "../request.ts";
import { requireCaller } from "../security.ts";

// Services and teams, for association admins (their branch) and the platform admin.
export function organisationRoutes({ db }: AppContext): Router {
  const router = Router();

  router.get("/organisations", async (req, res) => {
    res.json(await listOrganisations(db, requireCaller(req)));
  });

  router.post("/organisations", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    onlyKeys(body, ["kind", "code", "name", "parent_id"]);
    res.status(201).json(await createManagedOrganisation(db, caller, body));
  });

  return router;
}
