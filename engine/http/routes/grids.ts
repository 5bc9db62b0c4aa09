import { Router } from "express";
import type { AppContext } from "../context.ts";
import { findPublishedVersion, listGrids } from "../../store/grids.ts";
import { requireCaller } from "../security.ts";
import { notFound } from "../errors.ts";

export function gridRoutes({ db }: AppContext): Router {
  const router = Router();

  router.get("/grids", async (req, res) => {
    requireCaller(req);
    res.json(await listGrids(db));
  });

  router.get("/grids/:code/versions/:number", async (req, res) => {
    requireCaller(req);
    const number = Number(req.params.number);
    if (!Number.isInteger(number) || number < 1) throw notFound("Cette version");
    const version = await findPublishedVersion(db, req.params.code, number);
    res.json({
      code: version.code,
      title: version.title,
      subject: version.subject,
      number: version.number,
      status: version.status,
      note: version.note,
      publishedAt: version.publishedAt,
      survey: version.survey,
    });
  });

  return router;
}
