import { Router } from "express";
import type { AppContext } from "../context.ts";
import { anonymiseSubject, deleteSubject, exportSubject } from "../../store/subject-data.ts";
import { renderExportPage } from "../../subject/export-page.ts";
import { requireCaller } from "../security.ts";
import { queryString } from "../request.ts";

// A young person's rights over their data: export (JSON or a printable
// page), anonymisation and erasure, for the service head and the association admin.
export function subjectRightsRoutes({ db }: AppContext): Router {
  const router = Router();

  router.get("/subjects/:id/export", async (req, res) => {
    const exported = await exportSubject(db, requireCaller(req), req.params.id);
    res.setHeader("Cache-Control", "no-store");
    if (queryString(req, "format") === "html") {
      res.type("text/html; charset=utf-8").send(renderExportPage(exported));
      return;
    }
    res.setHeader(
      "Content-Disposition",
      `attachment; filename="jeune-${exported.subject.code}.json"`,
    );
    res.json(exported);
  });

  router.post("/subjects/:id/anonymise", async (req, res) => {
    res.json(await anonymiseSubject(db, requireCaller(req), req.params.id));
  });

  router.delete("/subjects/:id", async (req, res) => {
    await deleteSubject(db, requireCaller(req), req.params.id);
    res.status(204).end();
  });

  return router;
}
