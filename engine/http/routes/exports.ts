import { Router, type Request } from "express";
import type { AppContext } from "../context.ts";
import { prepareRecordExport } from "../../store/exports.ts";
import { BOM, csvLine } from "../../table/csv.ts";
import { writeXlsx, XLSX_TYPE } from "../../export/xlsx.ts";
import { writeWithBackpressure } from "../../export/drain.ts";
import { requireCaller } from "../security.ts";
import { ApiError } from "../errors.ts";
import { queryString } from "../request.ts";

// GET /api/responses.csv?grid=CODE and .xlsx: the records themselves, streamed.
// `header=codes` writes question codes instead of labels; `separator=comma` for CSV.

function gridParam(req: Request): string {
  const grid = queryString(req, "grid");
  if (!grid) {
    throw new ApiError("invalid_request", {
      errors: [{ field: "grid", message: "Indiquez la grille à exporter (?grid=code)." }],
    });
  }
  return grid;
}

export function exportRoutes({ db }: AppContext): Router {
  const router = Router();

  router.get("/responses.csv", async (req, res) => {
    const caller = requireCaller(req);
    const grid = gridParam(req);
    const exported = await prepareRecordExport(db, caller, grid, "csv");
    const separator = req.query.separator === "comma" ? "," : ";";
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${grid}.csv"`);
    res.write(
      BOM + csvLine(exported.header(req.query.header === "codes" ? "codes" : "labels"), separator),
    );
    let batch = "";
    for await (const row of exported.rows()) {
      batch += csvLine(row, separator);
      if (batch.length > 64 * 1024) {
        if (res.destroyed) return; // the client went away: stop reading pages
        await writeWithBackpressure(res, batch);
        batch = "";
      }
    }
    res.end(batch);
  });

  router.get("/responses.xlsx", async (req, res) => {
    const caller = requireCaller(req);
    const grid = gridParam(req);
    const exported = await prepareRecordExport(db, caller, grid, "xlsx");
    const header = exported.header(req.query.header === "codes" ? "codes" : "labels");
    res.setHeader("Content-Type", XLSX_TYPE);
    res.setHeader("Content-Disposition", `attachment; filename="${grid}.xlsx"`);
    async function* rows() {
      yield header;
      yield* exported.rows();
    }
    await writeXlsx(res, [{ name: grid, rows: rows(), headerRows: 1 }]);
    res.end();
  });

  return router;
}
