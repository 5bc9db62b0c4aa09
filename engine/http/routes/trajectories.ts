import { Router } from "express";
import type { AppContext } from "../context.ts";
import { computeDurations } from "../../store/durations.ts";
import { computeActionReach } from "../../store/action-reach.ts";
import { isCalendarDate } from "../../response/dates.ts";
import { ApiError } from "../errors.ts";
import { queryString } from "../request.ts";
import { requireCaller } from "../security.ts";

// Trajectory indicators: durations of the paths and the reach of collective
// actions. Transition tables (situation at entry × latest) are table
// definitions like the others, served by /api/tables.

export function trajectoryRoutes({ db, config }: AppContext): Router {
  const router = Router();

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
