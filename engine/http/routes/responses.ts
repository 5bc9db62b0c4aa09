import { Router } from "express";
import type { AppContext } from "../context.ts";
import {
  MAX_LIST,
  createResponse,
  findResponse,
  listResponses,
  listRevisions,
  migrateResponse,
  updateResponse,
} from "../../store/responses.ts";
import { ApiError } from "../errors.ts";
import { bodyObject, onlyKeys, queryInteger, queryString } from "../request.ts";
import { requireCaller } from "../security.ts";

export function responseRoutes({ db }: AppContext): Router {
  const router = Router();

  router.post("/responses", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    onlyKeys(body, ["id", "grid", "version", "subject", "occurred_on", "organisation", "data"]);
    if (typeof body.grid !== "string") {
      throw new ApiError("invalid_request", {
        errors: [{ field: "grid", message: "Indiquez le code de la grille remplie." }],
      });
    }
    if (body.version !== undefined && !Number.isInteger(body.version)) {
      throw new ApiError("invalid_request", {
        errors: [{ field: "version", message: "La version est un numéro entier." }],
      });
    }
    const result = await createResponse(db, caller, {
      id: body.id as string,
      grid: body.grid,
      version: body.version as number | undefined,
      subject: body.subject as string | undefined,
      occurred_on: body.occurred_on as string | undefined,
      organisation: body.organisation as number | undefined,
      data: body.data,
    });
    res.status(result.created ? 201 : 200).json(result.record);
  });

  router.get("/responses", async (req, res) => {
    const caller = requireCaller(req);
    res.json(
      await listResponses(
        db,
        caller,
        { grid: queryString(req, "grid"), subject: queryString(req, "subject") },
        {
          limit: queryInteger(req, "limit", { min: 1, max: MAX_LIST, default: MAX_LIST }),
          offset: queryInteger(req, "offset", { min: 0, max: 100_000_000, default: 0 }),
        },
      ),
    );
  });

  router.get("/responses/:id", async (req, res) => {
    res.json(await findResponse(db, requireCaller(req), req.params.id));
  });

  router.get("/responses/:id/revisions", async (req, res) => {
    res.json(await listRevisions(db, requireCaller(req), req.params.id));
  });

  router.put("/responses/:id", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    onlyKeys(body, ["revision", "data", "occurred_on"]);
    res.json(await updateResponse(db, caller, req.params.id, body as never));
  });

  router.post("/responses/:id/migrate", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    onlyKeys(body, ["revision", "data"]);
    res.json(await migrateResponse(db, caller, req.params.id, body as never));
  });

  return router;
}
