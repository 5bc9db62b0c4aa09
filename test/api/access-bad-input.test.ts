import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { ApiClient, loggedIn } from "../support/client.ts";
import { createYouth, newResponse, validProfile } from "../support/factories.ts";
import { organisationId, PROVISIONAL_PASSWORD } from "../support/access.ts";

// Bad input gets a clear 4xx and changes nothing.

let app: TestServer;
let educator: ApiClient;
let admin: ApiClient;
let youthId: string;

beforeAll(async () => {
  app = await startTestServer();
  educator = await loggedIn(app.url, "educateur@demo.bdc");
  admin = await loggedIn(app.url, "admin@demo.bdc");
  youthId = (await createYouth(educator)).id;
});
afterAll(() => app.close());

async function counts() {
  const tables = [
    "responses",
    "subjects",
    "users",
    "organisations",
    "user_roles",
    "table_definitions",
  ];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = Number((await app.db(table).count("* as n"))[0]!.n);
  return out;
}

describe("a body above the size limit", () => {
  it("gets 413 and stores nothing", async () => {
    const before = await counts();
    const huge = validProfile({ observations: "x".repeat(1_100_000) });
    const result = await educator.post("/api/responses", newResponse(youthId, huge));
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe("payload_too_large");
    expect(await counts()).toEqual(before);
  });
});

describe("malformed JSON", () => {
  for (const [client, path] of [
    ["admin", "/api/users"],
    ["admin", "/api/organisations"],
    ["educator", "/api/subjects"],
    ["educator", "/api/session/password"],
  ] as const) {
    it(`gets 400 malformed_json on POST ${path}`, async () => {
      const result = await (client === "admin" ? admin : educator).request(
        "POST",
        path,
        undefined,
        {
          rawBody: '{"email": "a@b.fr",',
        },
      );
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe("malformed_json");
    });
  }

  it("gets 400 when the body is not an object", async () => {
    const result = await admin.request("POST", "/api/users", undefined, {
      rawBody: '["une", "liste"]',
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("invalid_request");
  });
});

describe("unknown fields", () => {
  it("are refused on every write route that takes a body", async () => {
    const avenir = await organisationId(app.db, "avenir_jeunes");
    const userId = (await app.db("users").where({ email: "educateur@demo.bdc" }).first("id")).id;
    const response = newResponse(youthId);
    await educator.post("/api/responses", response);
    const cases: [ApiClient, string, string, Record<string, unknown>][] = [
      [educator, "POST", "/api/responses", { ...newResponse(youthId), author_id: 1 }],
      [
        educator,
        "PUT",
        `/api/responses/${response.id}`,
        { revision: 1, data: validProfile(), status: "validated" },
      ],
      [educator, "POST", "/api/subjects", { kind: "youth", nom: "Dupont" }],
      [
        educator,
        "POST",
        "/api/session/password",
        { current_password: "x", new_password: "y", admin: true },
      ],
      [
        admin,
        "POST",
        "/api/users",
        {
          email: "a@b.fr",
          display_name: "A",
          password: PROVISIONAL_PASSWORD,
          roles: [],
          is_admin: true,
        },
      ],
      [admin, "PUT", `/api/users/${userId}`, { password_hash: "x" }],
      [
        admin,
        "POST",
        `/api/users/${userId}/password`,
        { password: PROVISIONAL_PASSWORD, failed_logins: 0 },
      ],
      [
        admin,
        "POST",
        "/api/organisations",
        { kind: "service", code: "s_x", name: "S", parent_id: avenir, path: "/" },
      ],
    ];
    const before = await counts();
    for (const [client, method, path, body] of cases) {
      const result = await client.request(method, path, body);
      expect(result.status, `${method} ${path}`).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("wrong types", () => {
  it("are refused with the field named", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "/api/users",
        { email: 42, display_name: "A", password: PROVISIONAL_PASSWORD, roles: [] },
        "email",
      ],
      [
        "/api/users",
        { email: "t@demo.bdc", display_name: ["A"], password: PROVISIONAL_PASSWORD, roles: [] },
        "display_name",
      ],
      [
        "/api/users",
        { email: "t@demo.bdc", display_name: "A", password: 123456789012, roles: [] },
        "password",
      ],
      [
        "/api/users",
        {
          email: "t@demo.bdc",
          display_name: "A",
          password: PROVISIONAL_PASSWORD,
          roles: "educator",
        },
        "roles",
      ],
      [
        "/api/organisations",
        { kind: "service", code: "Majuscules Et Espaces", name: "S", parent_id: 1 },
        "code",
      ],
    ];
    for (const [path, body, field] of cases) {
      const result = await admin.post(path, body);
      expect(result.status, path).toBe(400);
      expect(result.body.error.details.errors.map((e: { field: string }) => e.field)).toContain(
        field,
      );
    }
  });
});

describe("markup in answers", () => {
  const payload = '<img src=x onerror="alert(1)"><script>document.cookie</script>';

  it("is stored and returned as plain text, in JSON, never as a page", async () => {
    const response = newResponse(youthId, validProfile({ observations: payload }));
    expect((await educator.post("/api/responses", response)).status).toBe(201);
    const read = await educator.get(`/api/responses/${response.id}`);
    expect(read.headers.get("content-type")).toContain("application/json");
    expect(read.body.data.observations).toBe(payload);
    expect(read.headers.get("x-content-type-options")).toBe("nosniff");
    expect(read.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("is escaped in a young person's first name on the printable export", async () => {
    const head = await loggedIn(app.url, "chef@demo.bdc");
    const youth = await createYouth(educator, { first_name: "<b>Al</b>" });
    const page = await head.get(`/api/subjects/${youth.id}/export?format=html`);
    expect(page.text).toContain("&lt;b&gt;Al&lt;/b&gt;");
    expect(page.text).not.toContain("<b>Al</b>");
  });
});

describe("tricks in paths", () => {
  it("never reach a file or another table", async () => {
    for (const path of [
      "/api/tables/..%2F..%2Fpackage.json",
      "/api/tables/..%2F..%2F..%2Fetc%2Fpasswd.csv",
      "/api/tables/x'%20or%20'1'='1",
      "/api/grids/..%2Fprofil_jeune/versions/1",
      "/api/subjects/..%2F..%2Fusers",
      "/api/responses/00000000-0000-0000-0000-000000000000%27--",
    ]) {
      const result = await educator.get(path);
      expect(result.status, path).toBe(404);
      expect(result.text).not.toContain("root:");
      expect(result.text).not.toContain('"dependencies"');
    }
  });
});

describe("table definitions sent by a client", () => {
  const injections = [
    "x'; drop table users; --",
    "niveau_relation') or 1=1 --",
    "data->>'x'",
    "../../etc/passwd",
  ];

  it("answer 4xx to codes trying to inject SQL, and change nothing", async () => {
    const before = await counts();
    for (const code of injections) {
      const result = await educator.post("/api/tables/preview", {
        code: "essai",
        title: "Essai",
        kind: "transition",
        grid: code,
        question: code,
      });
      expect(result.status, code).toBeGreaterThanOrEqual(400);
      expect(result.status, code).toBeLessThan(500);
    }
    expect(await counts()).toEqual(before);
  });

  it("answer 400 to a definition nested 5,000 deep, and store nothing", async () => {
    const head = await loggedIn(app.url, "chef@demo.bdc");
    // Written by hand: JSON.stringify itself would overflow on it.
    const junk = `${"[".repeat(5000)}"fond"${"]".repeat(5000)}`;
    const before = await counts();
    const result = await head.request("POST", "/api/tables", undefined, {
      rawBody:
        '{"code":"profond","title":"Profond","kind":"transition","grid":"suivi_situation",' +
        `"measure":{"kind":"count_distinct","x":${junk}},` +
        '"rows":[{"kind":"situation_at","question":"hebergement","moment":"entry"}],"columns":[]}',
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].message).toBe(
      "La demande est imbriquée sur plus de 64 niveaux : elle ne peut pas être lue.",
    );
    expect(await counts()).toEqual(before);
  });

  it("never answer 500 to random definitions", async () => {
    const bodies = fc.sample(
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record(
          {
            kind: fc.constantFrom("transition", "x"),
            grid: fc.oneof(
              fc.constantFrom("profil_jeune", "suivi_situation", ...injections),
              fc.string(),
            ),
            question: fc.oneof(
              fc.constantFrom("niveau_relation", "situation_scolaire", ...injections),
              fc.string(),
            ),
            code: fc.string(),
            title: fc.string(),
          },
          { requiredKeys: [] },
        ),
      ),
      { numRuns: 60, seed: 20261204 },
    );
    const failures: string[] = [];
    for (const body of bodies) {
      const result = await educator.request("POST", "/api/tables/preview", undefined, {
        rawBody: JSON.stringify(body),
      });
      if (result.status >= 500) failures.push(`${JSON.stringify(body)} → ${result.status}`);
    }
    expect(failures).toEqual([]);
  });
});

// Reported by the break-it run: each of these ended in a 500.
describe("text the database cannot store and values out of range", () => {
  it("refuses a NUL character in a young person's first name with 400 and stores nothing", async () => {
    const before = await counts();
    const result = await educator.post("/api/subjects", {
      kind: "youth",
      first_name: "In\u0000ès",
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("invalid_request");
    expect(result.body.error.message).toMatch(/champ/);
    expect(await counts()).toEqual(before);
  });

  it("refuses a NUL character in a login or a search with 400", async () => {
    const login = await new ApiClient(app.url).post("/api/session", {
      email: "a\u0000@x.fr",
      password: "quelque-chose-de-long",
    });
    expect(login.status).toBe(400);
    expect((await educator.get("/api/subjects?q=%00")).status).toBe(400);
    expect((await educator.get("/api/tables/%00")).status).toBe(400);
  });

  it("treats a malformed session cookie as no session", async () => {
    const health = await fetch(`${app.url}/api/health`, {
      headers: { cookie: "bdc_session=%E0%A4%A" },
    });
    expect(health.status).toBe(200);
    const grids = await fetch(`${app.url}/api/grids`, {
      headers: { cookie: "bdc_session=%E0%A4%A" },
    });
    expect(grids.status).toBe(401);
  });

  it("answers a version number beyond any integer with a 4xx", async () => {
    const result = await educator.get("/api/grids/accompagnement/versions/99999999999999999999");
    expect([400, 404]).toContain(result.status);
  });
});
