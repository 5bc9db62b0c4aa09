import { Router } from "express";
import type { AppContext } from "../context.ts";
import { computeTable, findTableDefinition, listTables } from "../../store/tables.ts";
import { tableToCsv } from "../../table/csv.ts";
import { requireCaller } from "../security.ts";
import { audit } from "../../access/audit.ts";

export function tableRoutes({ db, config }: AppContext): Router {
  const router = Router();

  router.get("/tables", async (req, res) => {
    requireCaller(req);
    res.json(await listTables(db));
  });

  router.get("/tables/:file.csv", async (req, res) => {
    const caller = requireCaller(req);
    const table = await computeTable(
      db,
      caller,
      await findTableDefinition(db, req.params.file),
      config.smallCellThreshold,
    );
    const separator = req.query.separator === "comma" ? "," : ";";
    await audit(db, caller, { action: "table.export", targetType: "table", targetId: table.code, details: { format: "csv" } });
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${table.code}.csv"`);
    res.send(tableToCsv(table, separator));
  });

  router.get("/tables/:code", async (req, res) => {
    const caller = requireCaller(req);
    const def = await findTableDefinition(db, req.params.code);
    res.json(await computeTable(db, caller, def, config.smallCellThreshold));
  });

  return router;
}
