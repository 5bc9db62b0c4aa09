import fs from "node:fs";
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import type { AppContext } from "./context.ts";
import { ApiError, apiError } from "./errors.ts";
import { log } from "./log.ts";
import { refuseUnstorableText } from "./input-guard.ts";
import { escapeHtml } from "../table/html.ts";
import { loadSession, requireCsrf, requireOwnPassword, securityHeaders } from "./security.ts";
import { sessionRoutes } from "./routes/session.ts";
import { gridRoutes } from "./routes/grids.ts";
import { gridDraftRoutes } from "./routes/grid-drafts.ts";
import { gridProposalRoutes } from "./routes/grid-proposals.ts";
import { responseRoutes } from "./routes/responses.ts";
import { subjectRoutes } from "./routes/subjects.ts";
import { tableRoutes } from "./routes/tables.ts";
import { trajectoryRoutes } from "./routes/trajectories.ts";
import { exportRoutes } from "./routes/exports.ts";
import { reportRoutes } from "./routes/reports.ts";
import { accountRoutes } from "./routes/account.ts";
import { userRoutes } from "./routes/users.ts";
import { organisationRoutes } from "./routes/organisations.ts";
import { auditRoutes } from "./routes/audit.ts";
import { subjectRightsRoutes } from "./routes/subject-rights.ts";

export const BODY_LIMIT = "1mb";

/** The whole HTTP surface: the JSON API under /api and the two built front ends. */
export function createApp(context: AppContext, options: { distDir?: string } = {}) {
  const app = express();
  app.disable("x-powered-by");
  // Only behind a reverse proxy may X-Forwarded-For name the client (rate
  // limits and the audit log use the address); otherwise anyone could set it.
  app.set("trust proxy", context.config.trustProxy ?? false);
  app.use(securityHeaders);

  const api = express.Router();
  api.use(express.json({ limit: BODY_LIMIT }));
  api.use(refuseUnstorableText);
  api.use(loadSession(context.db));
  api.get("/health", async (_req, res) => {
    await context.db.raw("select 1");
    res.json({ status: "ok", database: context.config.databaseUrl ? "postgresql" : "embedded" });
  });
  api.use(requireCsrf);
  api.use(requireOwnPassword);
  // Order matters where paths overlap: /responses.csv (exports) before /responses/:id.
  for (const routes of [
    sessionRoutes,
    gridRoutes,
    gridDraftRoutes,
    gridProposalRoutes,
    exportRoutes,
    responseRoutes,
    subjectRoutes,
    tableRoutes,
    reportRoutes,
    trajectoryRoutes,
    accountRoutes,
    userRoutes,
    organisationRoutes,
    auditRoutes,
    subjectRightsRoutes,
  ]) {
    api.use(routes(context));
  }
  api.use((_req, _res, next) => next(apiError("not_found", { what: "Cette adresse d'API" })));
  api.use(apiErrorHandler);
  app.use("/api", api);

  if (options.distDir) serveFrontEnds(app, options.distDir);
  return app;
}

function apiErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const known = toApiError(error);
  if (res.headersSent) {
    // A streamed download failed half-way: no JSON can follow, so cut the connection.
    log.error(
      { method: req.method, path: req.path, err: String((error as Error)?.stack ?? error) },
      "stream failed",
    );
    res.destroy();
    return;
  }
  if (known.status >= 500) {
    log.error(
      { method: req.method, path: req.path, err: String((error as Error)?.stack ?? error) },
      "request failed",
    );
  }
  if (known.code === "too_many_attempts") {
    res.setHeader("Retry-After", String((known.details as { seconds: number }).seconds));
  }
  // A printable page opened in a tab (a report, a GDPR export) shows its error as a page.
  if (req.path.endsWith(".html")) {
    res.status(known.status).type("html").send(errorPage(known));
    return;
  }
  res.status(known.status).json(known.toJSON());
}

function errorPage(error: ApiError): string {
  const { message, details } = error.toJSON().error;
  const reasons = (details as { errors?: { message: string }[] } | undefined)?.errors ?? [];
  const login = error.status === 401 ? '<p><a href="/">Se reconnecter</a></p>' : "";
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>BDC</title></head>` +
    `<body style="font-family: system-ui, sans-serif; margin: 2rem"><h1>${escapeHtml(message)}</h1>` +
    reasons.map((r) => `<p>${escapeHtml(r.message)}</p>`).join("") +
    `${login}<p><a href="/tableaux">Retour aux tableaux</a></p></body></html>`
  );
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const type = (error as { type?: string })?.type;
  if (type === "entity.too.large") return apiError("payload_too_large");
  if (type === "entity.parse.failed") return apiError("malformed_json");
  if (type === "encoding.unsupported" || type === "charset.unsupported") {
    return new ApiError("invalid_request", {
      errors: [{ field: "", message: "Encodage non pris en charge : envoyez du JSON en UTF-8." }],
    });
  }
  // The database refused a value (a number out of range, a malformed one):
  // bad input that slipped past the route's checks, not a server fault.
  const sqlState = (error as { code?: unknown })?.code;
  if (typeof sqlState === "string" && sqlState.startsWith("22")) {
    return new ApiError("invalid_request", {
      errors: [{ field: "", message: "Une valeur de la demande est hors limites ou mal formée." }],
    });
  }
  return apiError("internal");
}

/** The designer under /designer, the runtime everywhere else (client-side routes). */
function serveFrontEnds(app: express.Express, distDir: string): void {
  const designerIndex = path.join(distDir, "designer", "index.html");
  const runtimeIndex = path.join(distDir, "runtime", "index.html");
  app.use(express.static(distDir, { index: false }));
  app.get("/designer{/*splat}", (_req, res) => sendIndex(res, designerIndex));
  app.get("/{*splat}", (_req, res) => sendIndex(res, runtimeIndex));
}

function sendIndex(res: Response, file: string): void {
  if (!fs.existsSync(file)) {
    res
      .status(503)
      .type("text/plain; charset=utf-8")
      .send("Interface non construite : lancez npm run build.");
    return;
  }
  res.setHeader("Cache-Control", "no-cache");
  res.sendFile(file);
}
