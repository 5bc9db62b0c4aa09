import { Router } from "express";
import type { AppContext } from "../context.ts";
import { computeTransitionTable } from "../../store/trajectories.ts";
import { computeDurations } from "../../store/durations.ts";
import { computeActionReach } from "../../store/action-reach.ts";
import { isCalendarDate } from "../../response/dates.ts";
import type { TransitionTableDefinition } from "../../table/trajectory.ts";
import { ApiError, notFound } from "../errors.ts";
import { bodyObject, queryString } from "../request.ts";
import { requireCaller } from "../security.ts";

// Trajectory indicators: transition tables (situation at entry × latest,
// optionally × domains of accompaniment) and durations of the paths.
// TODO(issue 6): once the table engine takes several dimensions, serve
// transition definitions through /api/tables like the others and drop the
// first two routes here.

export function trajectoryRoutes({ db, config }: AppContext): Router {
  const router = Router();

  /** Computes a transition table from a definition sent in the body (the builder's preview). */
  router.post("/trajectories/transition", async (req, res) => {
    const caller = requireCaller(req);
    const def = bodyObject(req) as unknown as TransitionTableDefinition;
    res.json(
      await computeTransitionTable(
        db,
        caller,
        def,
        config.smallCellThreshold,
        config.federationRounding,
      ),
    );
  });

  /** Computes a stored transition table definition. */
  router.get("/trajectories/transition/:code", async (req, res) => {
    const caller = requireCaller(req);
    const row = await db("table_definitions")
      .where({ code: req.params.code })
      .whereRaw("definition->>'kind' = 'transition'")
      .first("definition");
    if (!row) throw notFound(`Le tableau de parcours « ${req.params.code} »`);
    res.json(
      await computeTransitionTable(
        db,
        caller,
        row.definition,
        config.smallCellThreshold,
        config.federationRounding,
      ),
    );
  });

  router.get("/trajectories/durations", async (req, res) => {
    res.json(
      await computeDurations(
        db,
        requireCaller(req),
        config.smallCellThreshold,
        config.federationRounding,
      ),
    );
  });

  /** Collective actions of a period: participations and distinct young people reached. */
  router.get("/trajectories/actions", async (req, res) => {
    const caller = requireCaller(req);
    const period = { from: queryString(req, "from"), to: queryString(req, "to") };
    for (const [field, value] of Object.entries(period)) {
      if (value !== undefined && !isCalendarDate(value)) {
        throw new ApiError("invalid_request", {
          errors: [{ field, message: "La date doit être au format AAAA-MM-JJ." }],
        });
      }
    }
    res.json(
      await computeActionReach(
        db,
        caller,
        period,
        config.smallCellThreshold,
        config.federationRounding,
      ),
    );
  });

  return router;
}
