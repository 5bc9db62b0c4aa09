import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { ApiClient, loggedIn, type ApiResult } from "../support/client.ts";
import { createYouth, newResponse, validProfile } from "../support/factories.ts";
import { organisationId, userId } from "../support/access.ts";
import { registeredRoutes, type RegisteredRoute } from "../support/routes.ts";
import { createApp } from "../../engine/http/app.ts";
import { testConfig } from "../support/test-config.ts";

// Walks EVERY route registered on the app (found by walking express's router
// stack, so a new route is walked without touching this file) as people who
// must not reach association 1's data, aimed at association 1's resources,
// and checks each answer refuses and shows none of that data.

let app: TestServer;
let routes: RegisteredRoute[];
const target = {
  subjectId: "",
  subjectCode: "",
  firstName: "Zéphyrine",
  responseId: "",
  marker: "MARQUEUR-7Q2-CONFIDENTIEL",
  userId: 0,
  userEmail: "educateur@demo.bdc",
  serviceId: 0,
};

beforeAll(async () => {
  app = await startTestServer();
  routes = registeredRoutes(createApp({ db: app.db, config: testConfig() })).filter((r) =>
    r.path.startsWith("/api/"),
  );
  const educator = await loggedIn(app.url, "educateur@demo.bdc");
  const youth = await createYouth(educator, { first_name: target.firstName });
  const response = newResponse(youth.id, validProfile({ observations: target.marker }));
  const created = await educator.post("/api/responses", response);
  expect(created.status).toBe(201);
  Object.assign(target, {
    subjectId: youth.id,
    subjectCode: youth.code,
    responseId: response.id,
    userId: await userId(app.db, target.userEmail),
    serviceId: await organisationId(app.db, "avenir_jeunes_1"),
  });
});
afterAll(() => app.close());

/** The value each path parameter takes: always one of association 1's resources. */
function concretePath(route: RegisteredRoute): string {
  const [, , resource] = route.path.split("/");
  return route.path.replace(/:([a-zA-Z_]+)/g, (_match, param: string) => {
    if (resource === "responses" && param === "id") return target.responseId;
    if (resource === "subjects" && (param === "id" || param === "youth")) return target.subjectId;
    if (resource === "proposals" && param === "id") return "1";
    if (resource === "trajectories" && param === "code") return "scolarite_entree_derniere";
    if (resource === "reports" && (param === "code" || param === "file"))
      return "rapport_activite_service";
    if (resource === "users" && param === "id") return String(target.userId);
    if (resource === "organisations" && param === "id") return String(target.serviceId);
    if (resource === "grids" && param === "code") return "profil_jeune";
    if (resource === "grids" && param === "number") return "1";
    if (resource === "proposals" && param === "id") return "1";
    if (resource === "tables" && (param === "code" || param === "file"))
      return "niveau_relation_par_sexe";
    throw new Error(
      `route-walk: say which resource of association 1 ${route.method} ${route.path} takes as :${param}`,
    );
  });
}

/** A body that would succeed if the caller were allowed, so the refusal comes from scope. */
function bodyFor(route: RegisteredRoute): unknown {
  const key = `${route.method} ${route.path}`;
  const bodies: Record<string, unknown> = {
    "POST /api/session": { email: "personne@demo.bdc", password: "mauvais-mot-de-passe" },
    "POST /api/responses": newResponse(target.subjectId, validProfile({ observations: "écrasé" })),
    "PUT /api/responses/:id": { revision: 1, data: validProfile({ observations: "écrasé" }) },
    "POST /api/responses/:id/migrate": { revision: 1 },
    "POST /api/subjects": { kind: "youth", first_name: "Intrus" },
    "PUT /api/subjects/:id": { first_name: "Piraté" },
    "POST /api/subjects/:id/links": { youth: target.subjectId },
    // A transition table: computed over the caller's own scope, never association 1's.
    "POST /api/tables/preview": {
      code: "scolarite_entree_derniere",
      title: "Situation scolaire à l'entrée et dernière situation",
      kind: "transition",
      grid: "suivi_situation",
      measure: { kind: "count_distinct" },
      rows: [{ kind: "situation_at", question: "situation_scolaire_pro", moment: "entry" }],
      columns: [{ kind: "situation_at", question: "situation_scolaire_pro", moment: "latest" }],
    },
    "POST /api/session/password": {
      current_password: "mauvais-mot-de-passe",
      new_password: "nouveau-mot-de-passe-x",
    },
    "POST /api/users": {
      email: "intrus@demo.bdc",
      display_name: "Intrus",
      password: "mot-de-passe-intrus",
      roles: [{ role: "educator", organisation_id: target.serviceId }],
    },
    "PUT /api/users/:id": { display_name: "Piraté", disabled: true },
    "POST /api/users/:id/password": { password: "mot-de-passe-pirate" },
    "POST /api/organisations": {
      kind: "team",
      code: "equipe_intruse",
      name: "Intruse",
      parent_id: target.serviceId,
    },
  };
  if (key in bodies) return bodies[key];
  return route.method === "GET" || route.method === "DELETE" ? undefined : {};
}

/** What every signed-in person reads: health, grid and table definitions, their own session. */
const SHARED = new Set([
  "GET /api/health",
  "GET /api/communes",
  "GET /api/grids",
  "GET /api/grids/:code/versions/:number",
  "GET /api/grids/:code/diff",
  "GET /api/grids/:code/export",
  "GET /api/tables",
  "GET /api/tables/:code",
  "GET /api/tables/:file.csv",
  // Aggregates over the caller's own scope (masked at federation scope).
  "POST /api/tables/preview",
  "GET /api/session",
  "DELETE /api/session",
]);
/** Creating in one's own scope, or acting on one's own account: refused or harmless, never about the target. */
const OWN_SCOPE = new Set([
  "POST /api/session",
  "POST /api/subjects",
  "POST /api/responses",
  "POST /api/session/password",
]);
/**
 * Federation-wide definitions (grids, drafts, proposals: the COPIL's work, no association's
 * data; their role checks are the designer's tests) and aggregate tables (masked at federation
 * scope, the caller's branch otherwise): any answer but a 5xx, and never the target's data.
 */
const DEFINITIONS_AND_AGGREGATES =
  /^\/api\/(grids|designer|proposals|trajectories|tables|reports)(\/|$)/;
const ADMIN_ONLY = /^\/api\/(users|organisations|audit)(\/|$)/;
const RIGHTS_ONLY = new Set([
  "GET /api/subjects/:id/export",
  "POST /api/subjects/:id/anonymise",
  "DELETE /api/subjects/:id",
]);

const ANY_BUT_5XX = Array.from({ length: 400 }, (_, i) => 100 + i);

function leaks(result: ApiResult): string[] {
  const markers = [
    target.subjectId,
    target.subjectCode,
    target.firstName,
    target.responseId,
    target.marker,
    target.userEmail,
  ];
  return markers.filter((m) => result.text.includes(m));
}

/** The statuses an outsider or a federation role may get from a route aimed at association 1. */
function allowedFor(route: RegisteredRoute): number[] {
  const key = `${route.method} ${route.path}`;
  if (SHARED.has(key)) return [200, 204];
  if (DEFINITIONS_AND_AGGREGATES.test(route.path)) return ANY_BUT_5XX;
  if (OWN_SCOPE.has(key)) return [201, 400, 401, 403, 404, 409];
  if (route.path.includes(":") || route.method !== "GET") return [403, 404];
  return [200, 403, 404];
}

/** Query strings a route needs before it reaches its scope check. */
const QUERIES: Record<string, string> = {
  // NOTE: the XLSX body is compressed, so the leak check cannot read it; its CSV twin is read.
  "GET /api/responses.csv": "?grid=profil_jeune",
  "GET /api/responses.xlsx": "?grid=profil_jeune",
};

async function call(client: ApiClient, route: RegisteredRoute): Promise<ApiResult> {
  const query = QUERIES[`${route.method} ${route.path}`] ?? "";
  return client.request(route.method, concretePath(route) + query, bodyFor(route));
}

/** Checks one call and returns a line describing the failure, if any. */
function judge(
  who: string,
  route: RegisteredRoute,
  result: ApiResult,
  allowed: number[],
): string | null {
  const leaked = leaks(result);
  if (leaked.length > 0)
    return `${who} ${route.method} ${route.path}: body shows ${leaked.join(", ")}`;
  if (!allowed.includes(result.status)) {
    return `${who} ${route.method} ${route.path}: status ${result.status}, expected one of ${allowed.join("/")}`;
  }
  return null;
}

async function snapshot() {
  return JSON.stringify({
    subject: await app.db("subjects").where({ id: target.subjectId }).first(),
    response: await app.db("responses").where({ id: target.responseId }).first(),
    revisions: await app
      .db("response_revisions")
      .where({ response_id: target.responseId })
      .count("* as n"),
    user: await app
      .db("users")
      .where({ id: target.userId })
      .first("display_name", "disabled", "password_hash"),
    roles: await app.db("user_roles").where({ user_id: target.userId }).select("*"),
    teams: await app.db("organisations").where({ code: "equipe_intruse" }).select("id"),
    intruder: await app.db("users").where({ email: "intrus@demo.bdc" }).select("id"),
  });
}

describe("the route walk", () => {
  it("finds the routes of every module", () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "GET /api/health",
        "GET /api/responses/:id",
        "PUT /api/users/:id",
        "GET /api/audit",
      ]),
    );
  });

  it("answers 401 to a caller without a session everywhere but health and login", async () => {
    const anonymous = new ApiClient(app.url);
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const result = await call(anonymous, route);
      const allowed = key === "GET /api/health" ? [200] : [401];
      const failure = judge("anonymous", route, result, allowed);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });

  for (const email of ["educateur2@demo.bdc", "analyste@demo.bdc", "copil@demo.bdc"]) {
    it(`refuses ${email} every resource of association 1 and shows none of its data`, async () => {
      const before = await snapshot();
      let client = await loggedIn(app.url, email);
      const federation = email !== "educateur2@demo.bdc";
      const failures: string[] = [];
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        const result = await call(client, route);
        const allowed = allowedFor(route);
        const failure = judge(email, route, result, allowed);
        if (failure) failures.push(failure);
        // The federation reads aggregates only: any list it gets is empty.
        const aggregate = SHARED.has(key) || DEFINITIONS_AND_AGGREGATES.test(route.path);
        if (federation && !aggregate && Array.isArray(result.body) && result.body.length > 0) {
          failures.push(`${email} ${key}: lists ${result.body.length} row(s)`);
        }
        const computed = key === "GET /api/tables/:code" || key === "POST /api/tables/preview";
        if (computed && result.body?.scope === "branch" && result.body.totals.all !== 0) {
          failures.push(
            `${email} ${key}: counts association 1's records (${result.body.totals.all})`,
          );
        }
        if (key === "DELETE /api/session" || key === "POST /api/session")
          client = await loggedIn(app.url, email);
      }
      expect(failures).toEqual([]);
      expect(await snapshot()).toBe(before);
    });
  }

  const refusedInsideAssociation: [string, (key: string, path: string) => boolean][] = [
    ["educateur@demo.bdc", (key, path) => ADMIN_ONLY.test(path) || RIGHTS_ONLY.has(key)],
    ["referent@demo.bdc", (key, path) => ADMIN_ONLY.test(path) || RIGHTS_ONLY.has(key)],
    ["chef@demo.bdc", (_key, path) => ADMIN_ONLY.test(path)],
  ];
  for (const [email, mustRefuse] of refusedInsideAssociation) {
    it(`refuses ${email} the routes above their role`, async () => {
      const before = await snapshot();
      const client = await loggedIn(app.url, email);
      const failures: string[] = [];
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        if (!mustRefuse(key, route.path)) continue;
        const result = await call(client, route);
        if (![403, 404].includes(result.status)) {
          failures.push(`${email} ${key}: status ${result.status}, expected 403 or 404`);
        }
        if (result.text.includes(target.marker))
          failures.push(`${email} ${key}: shows the free-text answer`);
      }
      expect(failures).toEqual([]);
      expect(await snapshot()).toBe(before);
    });
  }
});
