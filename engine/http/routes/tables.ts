import { Router, type Request } from "express";
import type { AppContext } from "../context.ts";
import {
  checkedDefinition,
  computeTable,
  deleteTableDefinition,
  findTableDefinition,
  findTableOptions,
  listTables,
  saveTableDefinition,
  type ComputeOptions,
} from "../../store/tables.ts";
import { tableToCsv } from "../../table/csv.ts";
import { requireCaller } from "../security.ts";
import { audit } from "../../access/audit.ts";
import { bodyObject, queryString } from "../request.ts";
import { ApiError } from "../errors.ts";
import type { TableScope } from "../../table/definition.ts";
import { sendTableXlsx } from "./table-xlsx.ts";
import { periodFileSuffix } from "../../table/period-text.ts";

const SCOPES = ["service", "association", "federation"];

/** `?year=2026`, or `?from=` and `?to=`: the period, checked by the store like the definition's own. */
export function periodQuery(req: Request): { from?: string; to?: string } {
  const year = queryString(req, "year");
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) {
      throw new ApiError("invalid_request", {
        errors: [
          { field: "year", message: "L'année s'écrit sur quatre chiffres, par exemple 2026." },
        ],
      });
    }
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  return { from: queryString(req, "from"), to: queryString(req, "to") };
}

/** `?scope=`, `?organisation=` and the period: checked by the store like the definition's own. */
function computeOptions(
  req: Request,
  masking: { threshold: number; rounding: number },
): ComputeOptions {
  const scope = queryString(req, "scope");
  if (scope !== undefined && !SCOPES.includes(scope)) {
    throw new ApiError("invalid_request", {
      errors: [
        {
          field: "scope",
          message: "La portée est « service », « association » ou « federation ».",
        },
      ],
    });
  }
  return {
    ...masking,
    scope: scope as TableScope | undefined,
    organisation: queryString(req, "organisation"),
    ...periodQuery(req),
  };
}

export function tableRoutes({ db, config }: AppContext): Router {
  const router = Router();
  const threshold = config.smallCellThreshold;
  const masking = { threshold, rounding: config.federationRounding };

  router.get("/tables", async (req, res) => {
    const caller = requireCaller(req);
    res.json(await listTables(db, caller));
  });

  router.get("/tables/options", async (req, res) => {
    requireCaller(req);
    const grid = queryString(req, "grid");
    if (!grid) {
      throw new ApiError("invalid_request", {
        errors: [{ field: "grid", message: "Choisissez une grille." }],
      });
    }
    res.json(await findTableOptions(db, grid));
  });

  router.post("/tables/preview", async (req, res) => {
    const caller = requireCaller(req);
    const def = checkedDefinition(bodyObject(req));
    res.json(await computeTable(db, caller, def, computeOptions(req, masking)));
  });

  router.post("/tables", async (req, res) => {
    const caller = requireCaller(req);
    const def = await saveTableDefinition(db, caller, bodyObject(req), threshold);
    res.status(201).json(def);
  });

  router.delete("/tables/:code", async (req, res) => {
    await deleteTableDefinition(db, requireCaller(req), req.params.code);
    res.status(204).end();
  });

  router.get("/tables/:file.csv", async (req, res) => {
    const caller = requireCaller(req);
    const def = await findTableDefinition(db, caller, req.params.file);
    const table = await computeTable(db, caller, def, computeOptions(req, masking));
    const separator = req.query.separator === "comma" ? "," : ";";
    await audit(db, caller, {
      action: "table.export",
      targetType: "table",
      targetId: table.code,
      details: { format: "csv" },
    });
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader(
      "Content-Disposition",
      `attachment; filename="${table.code}${periodFileSuffix(table.period)}.csv"`,
    );
    res.send(tableToCsv(table, separator));
  });

  router.get("/tables/:file.xlsx", async (req, res) => {
    const caller = requireCaller(req);
    const def = await findTableDefinition(db, caller, req.params.file);
    const table = await computeTable(db, caller, def, computeOptions(req, masking));
    await audit(db, caller, {
      action: "table.export",
      targetType: "table",
      targetId: table.code,
      details: { format: "xlsx" },
    });
    await sendTableXlsx(res, `${table.code}${periodFileSuffix(table.period)}`, [table]);
  });

  router.get("/tables/:code", async (req, res) => {
    const caller = requireCaller(req);
    const def = await findTableDefinition(db, caller, req.params.code);
    res.json(await computeTable(db, caller, def, computeOptions(req, masking)));
  });

  return router;
}
