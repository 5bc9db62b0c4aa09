import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, DEMO_PASSWORD, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { createEducator, createPlatformAdmin, organisationId } from "../support/access.ts";
import { createYouth, newResponse } from "../support/factories.ts";

let app: TestServer;
let admin: ApiClient;
let otherYouth: { id: string; code: string };
let ownYouth: { id: string; code: string };

beforeAll(async () => {
  app = await startTestServer();
  admin = await loggedIn(app.url, "admin@demo.bdc");
  const educator = await loggedIn(app.url, "educateur@demo.bdc");
  ownYouth = await createYouth(educator);
  const record = await educator.post("/api/responses", newResponse(ownYouth.id));
  if (record.status !== 201) throw new Error(record.text);
  otherYouth = await createYouth(await loggedIn(app.url, "educateur2@demo.bdc"));
  for (let i = 0; i < 3; i++) await createEducator(app.db, admin);
});
afterAll(() => app.close());

type Entry = {
  id: number;
  action: string;
  organisation_id: number | null;
  target_id: string | null;
};

describe("the audit log read by an association admin", () => {
  it("lists their association's rows, newest first", async () => {
    const result = await admin.get("/api/audit");
    expect(result.status).toBe(200);
    const entries: Entry[] = result.body.entries;
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.create", "subject.create"]),
    );
  });

  it("names what each row is about: a young person's code, an account's e-mail, a record", async () => {
    const entries: (Entry & { target_label: string | null })[] = (await admin.get("/api/audit"))
      .body.entries;
    const about = (action: string) => entries.find((e) => e.action === action)?.target_label;
    expect(about("subject.create")).toBe(ownYouth.code);
    expect(about("user.create")).toMatch(/@demo\.bdc$/);
    expect(about("response.create")).toBe("Fiche jeune du 14/03/2026");
  });

  it("does not name another association's table in a row about one of its own people", async () => {
    // As when someone holding roles in both associations exports the other one's table.
    const horizons = await app.db("organisations").where({ code: "horizons" }).first("id");
    await app.db("table_definitions").insert({
      code: "tableau_horizons_secret",
      title: "Titre que seule Horizons doit lire",
      definition: JSON.stringify({ code: "tableau_horizons_secret" }),
      source: "app",
      organisation_id: horizons.id,
    });
    const own = await app.db("users").where({ email: "educateur@demo.bdc" }).first("id");
    await app.db("audit_log").insert({
      actor_id: own.id,
      action: "table.export",
      target_type: "table",
      target_id: "tableau_horizons_secret",
      details: JSON.stringify({ format: "csv" }),
    });
    const result = await admin.get("/api/audit");
    const row = result.body.entries.find((e: Entry) => e.target_id === "tableau_horizons_secret");
    expect(row).toBeDefined();
    expect(row.target_label).toBeNull();
    expect(result.text).not.toContain("Titre que seule Horizons doit lire");
  });

  it("never shows another association's rows", async () => {
    const horizons = [
      await organisationId(app.db, "horizons"),
      await organisationId(app.db, "horizons_1"),
      await organisationId(app.db, "horizons_2"),
    ];
    let before: number | null = null;
    const seen: Entry[] = [];
    do {
      const page: { body: { entries: Entry[]; next_before: number | null } } = await admin.get(
        `/api/audit?limit=5${before ? `&before=${before}` : ""}`,
      );
      seen.push(...page.body.entries);
      before = page.body.next_before;
    } while (before !== null);
    expect(
      seen.some((e) => e.organisation_id !== null && horizons.includes(e.organisation_id)),
    ).toBe(false);
    expect(seen.some((e) => e.target_id === otherYouth.id)).toBe(false);
  });

  it("includes the sign-ins of their association's people", async () => {
    const entries: (Entry & { actor_email: string })[] = (await admin.get("/api/audit?limit=200"))
      .body.entries;
    const logins = entries.filter((e) => e.action === "session.login").map((e) => e.actor_email);
    expect(logins).toContain("educateur@demo.bdc");
    expect(logins).not.toContain("educateur2@demo.bdc");
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const all: Entry[] = (await admin.get("/api/audit?limit=200")).body.entries;
    const first = await admin.get("/api/audit?limit=3");
    expect(first.body.entries).toHaveLength(3);
    const second = await admin.get(`/api/audit?limit=3&before=${first.body.next_before}`);
    expect([...first.body.entries, ...second.body.entries].map((e: Entry) => e.id)).toEqual(
      all.slice(0, 6).map((e) => e.id),
    );
  });

  it("refuses a page size above 200", async () => {
    const result = await admin.get("/api/audit?limit=500");
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("limit");
  });
});

describe("the audit log for other roles", () => {
  it("is refused to educators, service heads, referents, the COPIL and analysts", async () => {
    for (const email of [
      "educateur@demo.bdc",
      "chef@demo.bdc",
      "referent@demo.bdc",
      "copil@demo.bdc",
      "analyste@demo.bdc",
    ]) {
      const client = await loggedIn(app.url, email);
      const result = await client.get("/api/audit");
      expect(result.status).toBe(403);
      expect(result.text).not.toContain("subject.create");
    }
  });

  it("shows every row to the platform admin", async () => {
    const platform = await loggedIn(app.url, await createPlatformAdmin(app.db, DEMO_PASSWORD));
    const entries: Entry[] = (await platform.get("/api/audit?limit=200")).body.entries;
    expect(entries.some((e) => e.target_id === otherYouth.id)).toBe(true);
  });
});

describe("the audit table itself", () => {
  it("refuses to change or delete a row", async () => {
    await expect(app.db("audit_log").update({ action: "x" })).rejects.toThrow(/append-only/);
    await expect(app.db("audit_log").delete()).rejects.toThrow(/append-only/);
  });
});
