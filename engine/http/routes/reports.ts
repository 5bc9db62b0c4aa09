import { Router, type Request } from "express";
import type { AppContext } from "../context.ts";
import { computeTable, findTableDefinition, type ComputedTable } from "../../store/tables.ts";
import { shippedReports, type ReportPack } from "../../store/reports.ts";
import { reportHtml } from "../../table/html.ts";
import { requireCaller } from "../security.ts";
import { notFound } from "../errors.ts";
import { queryString } from "../request.ts";
import { audit } from "../../access/audit.ts";
import type { Caller } from "../../access/caller.ts";
import type { TableScope } from "../../table/definition.ts";
import { sendTableXlsx } from "./table-xlsx.ts";
import { periodQuery } from "./tables.ts";
import { periodFileSuffix, periodText } from "../../table/period-text.ts";

// Report packs: GET /api/reports, /api/reports/:code (JSON), .xlsx (a sheet
// per table) and .html (one printable page set). `?year=2026` or `?from=&to=`
// set the period; `?scope=` and `?organisation=` as for a single table.

function subtitle(
  caller: Caller,
  tables: ComputedTable[],
  p: { from?: string; to?: string },
): string {
  const when = periodText(p);
  const federation = tables[0]?.scope === "federation";
  const who = federation
    ? "toutes les associations de la fédération (petits effectifs masqués)"
    : [...new Set(caller.roles.map((r) => r.organisationName))].join(", ");
  return `${when} — ${who}.`;
}

export function reportRoutes({ db, config }: AppContext): Router {
  const router = Router();

  function findReport(code: string): ReportPack {
    const report = shippedReports().find((r) => r.code === code);
    if (!report) throw notFound(`Le rapport « ${code} »`);
    return report;
  }

  async function computeReport(req: Request, code: string) {
    const caller = requireCaller(req);
    const report = findReport(code);
    const p = periodQuery(req);
    const scope = queryString(req, "scope") as TableScope | undefined;
    const tables: ComputedTable[] = [];
    for (const tableCode of report.tables) {
      const def = await findTableDefinition(db, caller, tableCode);
      tables.push(
        await computeTable(db, caller, def, {
          threshold: config.smallCellThreshold,
          rounding: config.federationRounding,
          scope,
          organisation: queryString(req, "organisation"),
          ...p,
        }),
      );
    }
    return { caller, report, period: p, tables };
  }

  router.get("/reports", async (req, res) => {
    requireCaller(req);
    res.json(
      shippedReports().map(({ code, title, description, tables }) => ({
        code,
        title,
        description,
        tables,
      })),
    );
  });

  router.get("/reports/:file.xlsx", async (req, res) => {
    const { caller, report, period, tables } = await computeReport(req, req.params.file);
    await audit(db, caller, {
      action: "report.export",
      targetType: "report",
      targetId: report.code,
      details: { format: "xlsx" },
    });
    await sendTableXlsx(res, `${report.code}${periodFileSuffix(period)}`, tables);
  });

  router.get("/reports/:file.html", async (req, res) => {
    const { caller, report, period: p, tables } = await computeReport(req, req.params.file);
    res.type("html").send(reportHtml({ ...report, subtitle: subtitle(caller, tables, p) }, tables));
  });

  router.get("/reports/:code", async (req, res) => {
    const { caller, report, period: p, tables } = await computeReport(req, req.params.code);
    res.json({
      code: report.code,
      title: report.title,
      description: report.description,
      subtitle: subtitle(caller, tables, p),
      period: p,
      tables,
    });
  });

  return router;
}
