import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, DEMO_PASSWORD, type TestServer } from "../support/server.ts";
import { ApiClient, loggedIn, type ApiClient as Client } from "../support/client.ts";
import { auditRows, createEducator, loginFrom, uniqueEmail } from "../support/access.ts";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from "../../engine/access/rate-limit.ts";

let app: TestServer;
let admin: Client;

beforeAll(async () => {
  app = await startTestServer();
  admin = await loggedIn(app.url, "admin@demo.bdc");
});
afterAll(() => app.close());

describe("the login rate limit", () => {
  it("answers 429 with the seconds to wait once an e-mail has too many failures", async () => {
    const email = uniqueEmail("inconnu");
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      const { result } = await loginFrom(
        app.url,
        email,
        "mauvais-mot-de-passe",
        `198.51.100.${i + 1}`,
      );
      // Locked after five failures, as an account would be (see below).
      expect(result.status).toBe(i < 4 ? 401 : 423);
    }
    const { result } = await loginFrom(app.url, email, "mauvais-mot-de-passe", "198.51.100.200");
    expect(result.status).toBe(429);
    expect(result.body.error.code).toBe("too_many_attempts");
    expect(result.body.error.message).toMatch(
      /^Trop de tentatives pour ce compte ou depuis cette adresse\. Réessayez dans 1[45] minutes\.$/,
    );
    expect(result.body.error.details.seconds).toBeGreaterThan(800);
    expect(result.body.error.details.seconds).toBeLessThanOrEqual(900);
    expect(result.headers.get("retry-after")).toBe(String(result.body.error.details.seconds));
  });

  it("answers an unknown address exactly as an existing account, so none can be told apart", async () => {
    const account = await createEducator(app.db, admin);
    const statuses = async (email: string, ip: string) => {
      const seen: number[] = [];
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL + 1; i++)
        seen.push((await loginFrom(app.url, email, "mauvais-mot-de-passe", ip)).result.status);
      return seen;
    };
    const known = await statuses(account.email, "198.51.101.1");
    const unknown = await statuses(uniqueEmail("personne"), "198.51.101.2");
    expect(unknown).toEqual(known);
    expect(known).toEqual([401, 401, 401, 401, 423, 423, 423, 423, 423, 423, 429]);
  });

  it("lets no more than the limit through when the guesses come all at once", async () => {
    const email = uniqueEmail("rafale");
    const burst = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        loginFrom(app.url, email, "mauvais-mot-de-passe", `198.51.102.${i + 1}`),
      ),
    );
    const answered = burst.filter(({ result }) => result.status !== 429).length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL);
    // Every attempt counts, refused ones included: the burst keeps the address blocked.
    const counted = await app.db("login_attempts").where({ email }).count("* as n");
    expect(Number(counted[0]!.n)).toBe(25);
  });

  it("refuses even the right password from an address that failed too often", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await loginFrom(app.url, uniqueEmail("essai"), "mauvais-mot-de-passe", ip);
    }
    const blocked = await loginFrom(app.url, "chef@demo.bdc", DEMO_PASSWORD, ip);
    expect(blocked.result.status).toBe(429);
    const elsewhere = await loginFrom(app.url, "chef@demo.bdc", DEMO_PASSWORD, "203.0.113.8");
    expect(elsewhere.result.status).toBe(201);
  });

  it("keeps its counts in the database, so every server instance sees them", async () => {
    const email = uniqueEmail("compte");
    await loginFrom(app.url, email, "mauvais-mot-de-passe", "192.0.2.10");
    const rows = await app.db("login_attempts").where({ email }).select("ip");
    expect(rows).toEqual([{ ip: "192.0.2.10" }]);
  });

  it("never stores the password tried", async () => {
    await loginFrom(app.url, uniqueEmail("secret"), "mot-de-passe-tres-secret", "192.0.2.11");
    const dump = JSON.stringify(await app.db("login_attempts").select("*"));
    const audit = JSON.stringify(await auditRows(app.db, "session.login_failed"));
    expect(dump).not.toContain("mot-de-passe-tres-secret");
    expect(audit).not.toContain("mot-de-passe-tres-secret");
  });
});

describe("a person changing their own password", () => {
  it("refuses a new password shorter than 12 characters", async () => {
    const account = await createEducator(app.db, admin);
    const client = await loginFrom(app.url, account.email, account.password, "192.0.2.20");
    const result = await client.client.post("/api/session/password", {
      current_password: account.password,
      new_password: "court-11car",
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("new_password");
  });

  it("refuses a wrong current password", async () => {
    const account = await createEducator(app.db, admin);
    const { client } = await loginFrom(app.url, account.email, account.password, "192.0.2.21");
    const result = await client.post("/api/session/password", {
      current_password: "pas-le-bon-mot-de-passe",
      new_password: "un-nouveau-mot-de-passe",
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("current_password");
  });

  it("ends every other session and keeps this browser signed in with a new token", async () => {
    const account = await createEducator(app.db, admin);
    const { client } = await loginFrom(app.url, account.email, account.password, "192.0.2.22");
    const { client: otherDevice } = await loginFrom(
      app.url,
      account.email,
      account.password,
      "192.0.2.23",
    );
    const oldToken = client.csrfToken;

    const changed = await client.post("/api/session/password", {
      current_password: account.password,
      new_password: "un-nouveau-mot-de-passe",
    });
    expect(changed.status).toBe(200);
    expect(changed.body.csrfToken).not.toBe(oldToken);
    client.csrfToken = changed.body.csrfToken;

    expect((await client.get("/api/session")).status).toBe(200);
    expect((await otherDevice.get("/api/session")).status).toBe(401);
    expect(
      (await loginFrom(app.url, account.email, account.password, "192.0.2.24")).result.status,
    ).toBe(401);
    expect(
      (await loginFrom(app.url, account.email, "un-nouveau-mot-de-passe", "192.0.2.25")).result
        .status,
    ).toBe(201);
  });

  it("is audited without the password", async () => {
    const rows = await auditRows(app.db, "user.password.change");
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("un-nouveau-mot-de-passe");
  });

  it("needs a session", async () => {
    const anonymous = new ApiClient(app.url);
    const result = await anonymous.post("/api/session/password", {
      current_password: "x",
      new_password: "y",
    });
    expect(result.status).toBe(401);
  });
});

describe("an association admin resetting a password", () => {
  it("sets a provisional password and ends the account's sessions", async () => {
    const account = await createEducator(app.db, admin);
    const { client } = await loginFrom(app.url, account.email, account.password, "192.0.2.30");

    const reset = await admin.post(`/api/users/${account.id}/password`, {
      password: "provisoire-nouveau-99",
    });
    expect(reset.status).toBe(204);
    expect((await client.get("/api/session")).status).toBe(401);
    expect(
      (await loginFrom(app.url, account.email, "provisoire-nouveau-99", "192.0.2.31")).result
        .status,
    ).toBe(201);
  });

  it("lifts the lock of an account locked by failed logins", async () => {
    const account = await createEducator(app.db, admin);
    for (let i = 0; i < 5; i++)
      await loginFrom(app.url, account.email, "mauvais-mot-de-passe", "192.0.2.32");
    expect(
      (await loginFrom(app.url, account.email, account.password, "192.0.2.33")).result.status,
    ).toBe(423);
    await admin.post(`/api/users/${account.id}/password`, { password: "provisoire-apres-blocage" });
    expect(
      (await loginFrom(app.url, account.email, "provisoire-apres-blocage", "192.0.2.34")).result
        .status,
    ).toBe(201);
  });

  it("refuses a provisional password shorter than 12 characters", async () => {
    const account = await createEducator(app.db, admin);
    const result = await admin.post(`/api/users/${account.id}/password`, {
      password: "trop-court",
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("password");
  });

  it("cannot reset the password of another association's account", async () => {
    const other = (await app.db("users").where({ email: "educateur2@demo.bdc" }).first("id")).id;
    const result = await admin.post(`/api/users/${other}/password`, {
      password: "tentative-hors-perimetre",
    });
    expect(result.status).toBe(404);
    expect(
      (await loginFrom(app.url, "educateur2@demo.bdc", DEMO_PASSWORD, "192.0.2.35")).result.status,
    ).toBe(201);
  });

  it("is audited as user.password.reset without the password", async () => {
    const rows = await auditRows(app.db, "user.password.reset");
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("provisoire");
  });
});
