import { Router } from "express";
import type { AppContext } from "../context.ts";
import {
  createManagedUser,
  listUsers,
  resetUserPassword,
  updateManagedUser,
} from "../../access/user-admin.ts";
import { notFound } from "../errors.ts";
import { bodyObject, onlyKeys } from "../request.ts";
import { requireCaller } from "../security.ts";

// Accounts, for association admins (their branch) and the platform admin.
export function userRoutes({ db }: AppContext): Router {
  const router = Router();

  router.get("/users", async (req, res) => {
    res.json(await listUsers(db, requireCaller(req)));
  });

  router.post("/users", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    onlyKeys(body, ["email", "display_name", "password", "roles"]);
    res.status(201).json(await createManagedUser(db, caller, body));
  });

  router.put("/users/:id", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    onlyKeys(body, ["display_name", "roles", "disabled"]);
    res.json(await updateManagedUser(db, caller, userId(req.params.id), body));
  });

  router.post("/users/:id/password", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    onlyKeys(body, ["password"]);
    await resetUserPassword(db, caller, userId(req.params.id), body.password);
    res.status(204).end();
  });

  return router;
}

function userId(raw: string): number {
  const id = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || !Number.isSafeInteger(id)) throw notFound("Le compte");
  return id;
}
