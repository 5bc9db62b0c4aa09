import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { DEMO_PASSWORD } from "../support/test-config.ts";

// A password an admin gives (a new account, a reset) is provisional: until its
// holder chooses their own, the API answers only the session and the password change.

let app: TestServer;
let admin: ApiClient;

const PROVISIONAL = "provisoire-donne-2026";
const OWN = "ma-phrase-a-moi-seule";

beforeAll(async () => {
  app = await startTestServer();
  admin = await loggedIn(app.url, "admin@demo.bdc");
});
afterAll(() => app.close());

async function serviceId(code: string): Promise<number> {
  return (await app.db("organisations").where({ code }).first("id")).id;
}

describe("an account an admin creates", () => {
  it("opens nothing but the password change, then everything its role allows", async () => {
    const created = await admin.post("/api/users", {
      email: "nouvelle.educatrice@demo.bdc",
      display_name: "Nouvelle Éducatrice",
      password: PROVISIONAL,
      roles: [{ role: "educator", organisation_id: await serviceId("avenir_jeunes_2") }],
    });
    expect(created.status).toBe(201);

    const newcomer = await loggedIn(app.url, "nouvelle.educatrice@demo.bdc", PROVISIONAL);
    expect((await newcomer.get("/api/session")).body.mustChangePassword).toBe(true);
    const refused = await newcomer.get("/api/subjects?kind=youth");
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "password_change_required",
      message: "Votre mot de passe est provisoire : choisissez-en un nouveau avant de continuer.",
    });
    const write = await newcomer.post("/api/subjects", { kind: "youth", first_name: "Test" });
    expect(write.status).toBe(403);
    const stored = await app.db("subjects").where({ first_name: "Test" }).count("* as n");
    expect(Number(stored[0]!.n)).toBe(0);

    const changed = await newcomer.post("/api/session/password", {
      current_password: PROVISIONAL,
      new_password: OWN,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    expect((await newcomer.get("/api/subjects?kind=youth")).status).toBe(200);
    const again = await loggedIn(app.url, "nouvelle.educatrice@demo.bdc", OWN);
    expect((await again.get("/api/session")).body.mustChangePassword).toBe(false);
    const row = await app
      .db("users")
      .where({ email: "nouvelle.educatrice@demo.bdc" })
      .first("must_change_password");
    expect(row.must_change_password).toBe(false);
  });
});

describe("a password an admin resets", () => {
  it("is provisional again at the next sign-in", async () => {
    const user = await app.db("users").where({ email: "educateur.roubaix@demo.bdc" }).first("id");
    const reset = await admin.post(`/api/users/${user.id}/password`, { password: PROVISIONAL });
    expect(reset.status).toBe(204);
    const educator = await loggedIn(app.url, "educateur.roubaix@demo.bdc", PROVISIONAL);
    expect((await educator.get("/api/session")).body.mustChangePassword).toBe(true);
    expect((await educator.get("/api/tables")).status).toBe(403);
  });
});

describe("an admin's own password", () => {
  it("cannot be reset without the current one: it is changed in « Mon compte »", async () => {
    const self = await app.db("users").where({ email: "admin@demo.bdc" }).first("id");
    const result = await admin.post(`/api/users/${self.id}/password`, { password: PROVISIONAL });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0]).toEqual({
      field: "password",
      message:
        "Pour votre propre compte, changez votre mot de passe dans « Mon compte » : il demande l'actuel.",
    });
    expect((await admin.get("/api/session")).status).toBe(200);
  });

  it("is logged when a wrong current one is given", async () => {
    const educator = await loggedIn(app.url, "educateur@demo.bdc", DEMO_PASSWORD);
    const wrong = await educator.post("/api/session/password", {
      current_password: "pas-le-bon-mot-de-passe",
      new_password: OWN,
    });
    expect(wrong.status).toBe(400);
    const row = await app
      .db("audit_log")
      .where({ action: "user.password.change_failed" })
      .first("actor_id");
    const user = await app.db("users").where({ email: "educateur@demo.bdc" }).first("id");
    expect(row.actor_id).toBe(user.id);
  });
});

describe("the accounts list", () => {
  it("says which accounts still hold a provisional password", async () => {
    const users: { email: string; must_change_password: boolean }[] = (
      await admin.get("/api/users")
    ).body;
    expect(users.find((u) => u.email === "educateur.roubaix@demo.bdc")?.must_change_password).toBe(
      true,
    );
    expect(users.find((u) => u.email === "admin@demo.bdc")?.must_change_password).toBe(false);
  });
});

describe("the demo accounts", () => {
  it("are not provisional", async () => {
    const educator = await loggedIn(app.url, "educateur@demo.bdc", DEMO_PASSWORD);
    expect((await educator.get("/api/session")).body.mustChangePassword).toBe(false);
    expect((await educator.get("/api/subjects?kind=youth")).status).toBe(200);
  });
});
