import { createHash } from "node:crypto";
import { Router } from "express";
import { createResponseValidator } from "../../response/validate.ts";
import { lintShape } from "../../grid/lint-shape.ts";
import type { SurveyJson } from "../../grid/types.ts";
import { ApiError, apiError } from "../errors.ts";
import type { AppContext } from "../context.ts";
import { audit } from "../../access/audit.ts";
import { canPropose, requireCopil, requireDesignerReader } from "../../access/grid-roles.ts";
import {
  createGrid,
  ensureDraft,
  findGrid,
  publishDraft,
  refuseLintErrors,
  requireDraft,
  saveDraft,
} from "../../store/grid-drafts.ts";
import {
  diffVersions,
  exportGrid,
  gridCatalogue,
  parseVersionRef,
  type VersionRef,
} from "../../store/grid-history.ts";
import { importGrid } from "../../store/grid-import.ts";
import { bodyObject, onlyKeys, queryString } from "../request.ts";
import { requireCaller } from "../security.ts";

// The designer's grid routes: catalogue, drafts, diff, publication, export
// and import. Reading drafts needs the COPIL or a referent; writing, the COPIL.

export function gridDraftRoutes({ db }: AppContext): Router {
  const router = Router();
  router.use(previewRoutes());

  router.get("/designer/grids", async (req, res) => {
    requireDesignerReader(requireCaller(req));
    res.json(await gridCatalogue(db));
  });

  router.post("/grids", async (req, res) => {
    const caller = requireCaller(req);
    requireCopil(caller);
    const body = bodyObject(req);
    onlyKeys(body, ["code", "title", "subject", "survey"]);
    res.status(201).json(await createGrid(db, caller, body as never));
  });

  router.post("/grids/import", async (req, res) => {
    const caller = requireCaller(req);
    requireCopil(caller);
    const body = bodyObject(req);
    onlyKeys(body, [
      "code",
      "title",
      "subject",
      "survey",
      "dateQuestion",
      "description",
      "revision",
    ]);
    const dryRun = ["1", "true"].includes(queryString(req, "dryRun") ?? "");
    const report = await importGrid(db, caller, body, { dryRun });
    res.status(report.saved && !report.exists ? 201 : 200).json(report);
  });

  router.post("/grids/:code/draft", async (req, res) => {
    const caller = requireCaller(req);
    requireCopil(caller);
    const { draft, created } = await ensureDraft(db, caller, req.params.code);
    res.status(created ? 201 : 200).json(draft);
  });

  router.get("/grids/:code/draft", async (req, res) => {
    requireDesignerReader(requireCaller(req));
    res.json(await requireDraft(db, req.params.code));
  });

  router.put("/grids/:code/draft", async (req, res) => {
    const caller = requireCaller(req);
    requireCopil(caller);
    const body = bodyObject(req);
    onlyKeys(body, ["survey", "revision"]);
    const saved = await saveDraft(db, caller, req.params.code, body as never);
    res.json({ ...saved.draft, findings: saved.findings, compatibility: saved.compatibility });
  });

  router.get("/grids/:code/diff", async (req, res) => {
    const caller = requireCaller(req);
    // Defaults: the newest published version against the one before it.
    const newest = await newestPublishedNumber(db, req.params.code);
    const to = req.query.to === undefined ? newest : parseVersionRef(req.query.to, "to");
    const from =
      req.query.from === undefined
        ? typeof to === "number"
          ? Math.max(1, to - 1)
          : newest
        : parseVersionRef(req.query.from, "from");
    const designer = canPropose(caller);
    if ((from === "draft" || to === "draft") && !designer) throw apiError("forbidden");
    // Record counts across the federation are for the people who change grids.
    const diff = await diffVersions(db, req.params.code, from, to, { impact: designer });
    res.json(diff);
  });

  router.post("/grids/:code/publish", async (req, res) => {
    const caller = requireCaller(req);
    requireCopil(caller);
    const body = bodyObject(req);
    onlyKeys(body, ["note", "revision"]);
    res.status(201).json(
      await publishDraft(db, caller, req.params.code, {
        note: body.note,
        revision: body.revision,
      }),
    );
  });

  router.get("/grids/:code/export", async (req, res) => {
    const caller = requireCaller(req);
    const raw = queryString(req, "version");
    let ref: VersionRef | undefined =
      raw === undefined ? undefined : parseVersionRef(raw, "version");
    if (ref === "draft") requireDesignerReader(caller);
    if (ref === undefined) {
      ref = await newestPublishedNumber(db, req.params.code);
      if (ref === "draft") requireDesignerReader(caller);
    }
    const envelope = await exportGrid(db, req.params.code, ref!);
    await audit(db, caller, {
      action: "grid.export",
      targetType: "grid",
      targetId: req.params.code,
      details: { version: ref },
    });
    const suffix = ref === "draft" ? "brouillon" : `v${ref}`;
    res.setHeader(
      "Content-Disposition",
      `attachment; filename="${req.params.code}-${suffix}.json"`,
    );
    res.json(envelope);
  });

  return router;
}

/** The newest published number, or "draft" for a grid never published (404 for an unknown grid). */
async function newestPublishedNumber(db: AppContext["db"], code: string): Promise<VersionRef> {
  const grid = await findGrid(db, code);
  const row = await db("grid_versions")
    .where({ grid_id: grid.id, status: "published" })
    .max("number as n")
    .first();
  return row?.n ?? "draft";
}

const previewValidator = createResponseValidator();

/**
 * Validates answers given in the designer's preview exactly as a submission
 * would be, against the definition being edited. The browser cannot run ajv
 * under our Content-Security-Policy (no eval), so the preview asks here.
 */
export function previewRoutes(): Router {
  const router = Router();
  router.post("/grids/preview/validate", (req, res) => {
    requireDesignerReader(requireCaller(req));
    const body = bodyObject(req);
    onlyKeys(body, ["survey", "data"]);
    if (body.survey === null || typeof body.survey !== "object" || Array.isArray(body.survey)) {
      throw new ApiError("invalid_request", {
        errors: [{ field: "survey", message: "Envoyez la grille à prévisualiser." }],
      });
    }
    // A draft in progress may break the other rules, not these: survey-core
    // would crash on a bad shape or hang on a catastrophic regex.
    refuseLintErrors(lintShape(body.survey));
    const survey = body.survey as SurveyJson;
    const id = `preview:${createHash("sha256").update(JSON.stringify(survey)).digest("hex")}`;
    res.json(previewValidator.validate({ id, survey }, body.data ?? {}));
  });
  return router;
}
