import { Router } from "express";
import type { AppContext } from "../context.ts";
import { createYouth, findSubject, listSubjects } from "../../store/subjects.ts";
import { parseYouthInput } from "../../subject/youth-input.ts";
import { ApiError } from "../errors.ts";
import { bodyObject, queryString } from "../request.ts";
import { requireCaller } from "../security.ts";

export function subjectRoutes({ db }: AppContext): Router {
  const router = Router();

  router.post("/subjects", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    if (body.kind !== "youth") {
      throw new ApiError("invalid_request", {
        errors: [{ field: "kind", message: "Seuls les jeunes peuvent être créés pour l'instant." }],
      });
    }
    const { value, errors } = parseYouthInput(body);
    if (errors.length > 0) throw new ApiError("invalid_request", { errors });
    res.status(201).json(await createYouth(db, caller, value));
  });

  router.get("/subjects", async (req, res) => {
    const caller = requireCaller(req);
    res.json(
      await listSubjects(db, caller, { kind: queryString(req, "kind"), q: queryString(req, "q") }),
    );
  });

  router.get("/subjects/:id", async (req, res) => {
    res.json(await findSubject(db, requireCaller(req), req.params.id));
  });

  return router;
}
