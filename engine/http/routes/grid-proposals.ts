import { Router } from "express";
import type { AppContext } from "../context.ts";
import { requireCopil, requireDesignerReader } from "../../access/grid-roles.ts";
import {
  acceptProposal,
  addComment,
  createProposal,
  findProposal,
  listProposals,
  rejectProposal,
} from "../../store/grid-proposals.ts";
import { parseVersionRef } from "../../store/grid-history.ts";
import { bodyObject, onlyKeys, queryString } from "../request.ts";
import { requireCaller } from "../security.ts";

// Referents propose and comment; the COPIL comments and decides. Educators
// and everyone else are refused: proposals show drafts to come.

export function gridProposalRoutes({ db }: AppContext): Router {
  const router = Router();

  router.post("/grids/:code/proposals", async (req, res) => {
    const caller = requireCaller(req);
    requireDesignerReader(caller);
    const body = bodyObject(req);
    onlyKeys(body, ["survey", "rationale", "base"]);
    const base = body.base === undefined ? undefined : parseVersionRef(String(body.base), "base");
    res.status(201).json(
      await createProposal(db, caller, req.params.code, {
        survey: body.survey,
        rationale: body.rationale,
        base,
      }),
    );
  });

  router.get("/proposals", async (req, res) => {
    requireDesignerReader(requireCaller(req));
    res.json(
      await listProposals(db, {
        grid: queryString(req, "grid"),
        status: queryString(req, "status"),
      }),
    );
  });

  router.get("/proposals/:id", async (req, res) => {
    requireDesignerReader(requireCaller(req));
    res.json(await findProposal(db, req.params.id));
  });

  router.post("/proposals/:id/comments", async (req, res) => {
    const caller = requireCaller(req);
    requireDesignerReader(caller);
    const body = bodyObject(req);
    onlyKeys(body, ["body"]);
    res.status(201).json(await addComment(db, caller, req.params.id, { body: body.body }));
  });

  router.post("/proposals/:id/accept", async (req, res) => {
    const caller = requireCaller(req);
    requireCopil(caller);
    onlyKeys(bodyObject(req), []);
    res.json(await acceptProposal(db, caller, req.params.id));
  });

  router.post("/proposals/:id/reject", async (req, res) => {
    const caller = requireCaller(req);
    requireCopil(caller);
    const body = bodyObject(req);
    onlyKeys(body, ["reason"]);
    res.json(await rejectProposal(db, caller, req.params.id, { reason: body.reason }));
  });

  return router;
}
