import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, DEMO_PASSWORD, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import {
  auditRows,
  createEducator,
  createPlatformAdmin,
  loginFrom,
  organisationId,
  PROVISIONAL_PASSWORD,
  uniqueEmail,
  userId,
} from "../support/access.ts";

let app: TestServer;
let admin: ApiClient;
let avenir: number;
let service1: number;
let horizons1: number;

beforeAll(async () => {
  app = await startTestServer();
  admin = await loggedIn(app.url, "admin@demo.bdc");
  avenir = await organisationId(app.db, "avenir_jeunes");
  service1 = await organisationId(app.db, "avenir_jeunes_1");
  horizons1 = await organisationId(app.db, "horizons_1");
});
afterAll(() => app.close());

const FORBIDDEN_FIELDS = ["password_hash", "failed_logins", "locked_until", "password"];

describe("organisations managed by an association admin", () => {
  it("lists their association and its services, nothing of another association", async () => {
    const result = await admin.get("/api/organisations");
    expect(result.status).toBe(200);
    const codes = result.body.map((o: { code: string }) => o.code);
    expect(codes).toEqual(
      expect.arrayContaining(["avenir_jeunes", "avenir_jeunes_1", "avenir_jeunes_2"]),
    );
    expect(codes).not.toContain("horizons");
    expect(codes).not.toContain("horizons_1");
    expect(codes).not.toContain("federation_demo");
  });

  it("creates a service under their association, audited as organisation.create", async () => {
    const created = await admin.post("/api/organisations", {
      kind: "service",
      code: "avenir_jeunes_3",
      name: "Service de prévention Wattrelos",
      parent_id: avenir,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: "service",
      code: "avenir_jeunes_3",
      parent_id: avenir,
    });
    const rows = await auditRows(app.db, "organisation.create");
    expect(rows.at(-1)).toMatchObject({
      target_id: String(created.body.id),
      organisation_id: created.body.id,
    });
  });

  it("creates a team under one of their services", async () => {
    const created = await admin.post("/api/organisations", {
      kind: "team",
      code: "equipe_lille_sud_nord",
      name: "Équipe Lille-Sud nord",
      parent_id: service1,
    });
    expect(created.status).toBe(201);
  });

  it("cannot create anything under another association", async () => {
    const horizons = await organisationId(app.db, "horizons");
    const result = await admin.post("/api/organisations", {
      kind: "service",
      code: "intrus",
      name: "Service intrus",
      parent_id: horizons,
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("parent_id");
    expect(await app.db("organisations").where({ code: "intrus" }).first()).toBeUndefined();
  });

  it("refuses a service directly under a service", async () => {
    const result = await admin.post("/api/organisations", {
      kind: "service",
      code: "mauvais_niveau",
      name: "Mauvais niveau",
      parent_id: service1,
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("kind");
  });

  it("refuses a code already taken", async () => {
    const result = await admin.post("/api/organisations", {
      kind: "service",
      code: "horizons_1",
      name: "Doublon",
      parent_id: avenir,
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("code");
  });

  it("are not managed by an educator or a service head", async () => {
    for (const email of [
      "educateur@demo.bdc",
      "chef@demo.bdc",
      "analyste@demo.bdc",
      "copil@demo.bdc",
    ]) {
      const client = await loggedIn(app.url, email);
      expect((await client.get("/api/organisations")).status).toBe(403);
      const post = await client.post("/api/organisations", {
        kind: "team",
        code: "x_y",
        name: "X",
        parent_id: service1,
      });
      expect(post.status).toBe(403);
    }
  });
});

describe("accounts managed by an association admin", () => {
  it("creates an educator who can then sign in, audited as user.create", async () => {
    const email = uniqueEmail("nouvelle");
    const created = await admin.post("/api/users", {
      email,
      display_name: "Nouvelle éducatrice",
      password: PROVISIONAL_PASSWORD,
      roles: [{ role: "educator", organisation_id: service1 }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email,
      display_name: "Nouvelle éducatrice",
      disabled: false,
      roles: [{ role: "educator", organisation_id: service1 }],
    });
    const login = await loginFrom(app.url, email, PROVISIONAL_PASSWORD, "192.0.2.50");
    expect(login.result.status).toBe(201);
    const rows = await auditRows(app.db, "user.create");
    expect(rows.at(-1)).toMatchObject({
      target_id: String(created.body.id),
      organisation_id: service1,
    });
    expect(JSON.stringify(rows)).not.toContain(PROVISIONAL_PASSWORD);
  });

  it("returns users without the hash, the failure count or the lock", async () => {
    const list = await admin.get("/api/users");
    expect(list.status).toBe(200);
    // Only whether the password is provisional, never anything of the password itself.
    const text = list.text.replaceAll('"must_change_password"', '"provisional_flag"');
    for (const field of FORBIDDEN_FIELDS) expect(text).not.toContain(field);
    expect(Object.keys(list.body[0]).sort()).toEqual([
      "created_at",
      "disabled",
      "display_name",
      "email",
      "id",
      "must_change_password",
      "roles",
    ]);
  });

  it("lists the accounts of their association only", async () => {
    const emails = (await admin.get("/api/users")).body.map((u: { email: string }) => u.email);
    expect(emails).toEqual(
      expect.arrayContaining(["educateur@demo.bdc", "chef@demo.bdc", "admin@demo.bdc"]),
    );
    expect(emails).not.toContain("educateur2@demo.bdc");
    expect(emails).not.toContain("analyste@demo.bdc");
    expect(emails).not.toContain("copil@demo.bdc");
  });

  it("refuses a provisional password shorter than 12 characters", async () => {
    const result = await admin.post("/api/users", {
      email: uniqueEmail(),
      display_name: "Mot de passe court",
      password: "court",
      roles: [{ role: "educator", organisation_id: service1 }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors.map((e: { field: string }) => e.field)).toContain(
      "password",
    );
  });

  it("cannot give a role in another association's service", async () => {
    const email = uniqueEmail();
    const result = await admin.post("/api/users", {
      email,
      display_name: "Intruse",
      password: PROVISIONAL_PASSWORD,
      roles: [{ role: "educator", organisation_id: horizons1 }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("roles.0.organisation_id");
    expect(await app.db("users").where({ email }).first()).toBeUndefined();
  });

  it("cannot give a federation role (analyst, COPIL, platform admin)", async () => {
    const federation = await organisationId(app.db, "federation_demo");
    for (const role of ["analyst", "copil", "platform_admin"]) {
      const result = await admin.post("/api/users", {
        email: uniqueEmail(),
        display_name: "Fédération",
        password: PROVISIONAL_PASSWORD,
        roles: [{ role, organisation_id: federation }],
      });
      expect(result.status).toBe(400);
    }
  });

  it("refuses an educator role on the association itself", async () => {
    const result = await admin.post("/api/users", {
      email: uniqueEmail(),
      display_name: "Mauvais niveau",
      password: PROVISIONAL_PASSWORD,
      roles: [{ role: "educator", organisation_id: avenir }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("roles.0.role");
  });

  it("refuses an e-mail already used", async () => {
    const result = await admin.post("/api/users", {
      email: "EDUCATEUR2@demo.bdc",
      display_name: "Doublon",
      password: PROVISIONAL_PASSWORD,
      roles: [{ role: "educator", organisation_id: service1 }],
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("email");
  });

  it("refuses unknown fields", async () => {
    const result = await admin.post("/api/users", {
      email: uniqueEmail(),
      display_name: "Champ en trop",
      password: PROVISIONAL_PASSWORD,
      roles: [{ role: "educator", organisation_id: service1 }],
      failed_logins: 0,
    });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("failed_logins");
  });

  it("renames an account and changes its roles, audited as user.update", async () => {
    const account = await createEducator(app.db, admin);
    const service2 = await organisationId(app.db, "avenir_jeunes_2");
    const updated = await admin.put(`/api/users/${account.id}`, {
      display_name: "Nom changé",
      roles: [{ role: "service_head", organisation_id: service2 }],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.display_name).toBe("Nom changé");
    expect(updated.body.roles).toEqual([
      expect.objectContaining({ role: "service_head", organisation_id: service2 }),
    ]);
    const rows = await auditRows(app.db, "user.update");
    expect(rows.at(-1)).toMatchObject({ target_id: String(account.id) });
  });

  it("disables an account: its sessions end and it cannot sign in", async () => {
    const account = await createEducator(app.db, admin);
    const { client } = await loginFrom(app.url, account.email, account.password, "192.0.2.51");
    const updated = await admin.put(`/api/users/${account.id}`, { disabled: true });
    expect(updated.status).toBe(200);
    expect(updated.body.disabled).toBe(true);
    expect((await client.get("/api/session")).status).toBe(401);
    expect(
      (await loginFrom(app.url, account.email, account.password, "192.0.2.52")).result.status,
    ).toBe(401);
  });

  it("cannot disable their own account", async () => {
    const self = await userId(app.db, "admin@demo.bdc");
    const result = await admin.put(`/api/users/${self}`, { disabled: true });
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("disabled");
  });

  it("cannot change an account of another association", async () => {
    const other = await userId(app.db, "educateur2@demo.bdc");
    const result = await admin.put(`/api/users/${other}`, { display_name: "Piraté" });
    expect(result.status).toBe(404);
    const row = await app.db("users").where({ id: other }).first("display_name");
    expect(row.display_name).not.toBe("Piraté");
  });

  it("cannot change an account that also holds a role elsewhere", async () => {
    const account = await createEducator(app.db, admin);
    await app
      .db("user_roles")
      .insert({ user_id: account.id, organisation_id: horizons1, role: "educator" });
    const result = await admin.put(`/api/users/${account.id}`, { disabled: true });
    expect(result.status).toBe(403);
    const listed = (await admin.get("/api/users")).body.find(
      (u: { id: number }) => u.id === account.id,
    );
    expect(listed.roles.map((r: { organisation_id: number }) => r.organisation_id)).toEqual([
      service1,
    ]);
  });

  it("are not managed by other roles", async () => {
    const target = await userId(app.db, "educateur@demo.bdc");
    for (const email of [
      "educateur@demo.bdc",
      "chef@demo.bdc",
      "referent@demo.bdc",
      "analyste@demo.bdc",
      "copil@demo.bdc",
    ]) {
      const client = await loggedIn(app.url, email);
      expect((await client.get("/api/users")).status).toBe(403);
      expect((await client.put(`/api/users/${target}`, { display_name: "X" })).status).toBe(403);
      expect(
        (await client.post(`/api/users/${target}/password`, { password: "x".repeat(20) })).status,
      ).toBe(403);
    }
  });
});

describe("the platform admin", () => {
  it("sees and manages every association", async () => {
    const email = await createPlatformAdmin(app.db, DEMO_PASSWORD);
    const platform = await loggedIn(app.url, email);
    const organisations = (await platform.get("/api/organisations")).body.map(
      (o: { code: string }) => o.code,
    );
    expect(organisations).toEqual(
      expect.arrayContaining(["federation_demo", "avenir_jeunes", "horizons_2"]),
    );
    const users = (await platform.get("/api/users")).body.map((u: { email: string }) => u.email);
    expect(users).toEqual(expect.arrayContaining(["educateur2@demo.bdc", "analyste@demo.bdc"]));
    const created = await platform.post("/api/users", {
      email: uniqueEmail("analyste"),
      display_name: "Nouvelle chargée d'études",
      password: PROVISIONAL_PASSWORD,
      roles: [
        { role: "analyst", organisation_id: await organisationId(app.db, "federation_demo") },
      ],
    });
    expect(created.status).toBe(201);
    const renamed = await platform.put(
      `/api/users/${await userId(app.db, "educateur2@demo.bdc")}`,
      {
        display_name: "Éducateur Tourcoing",
      },
    );
    expect(renamed.status).toBe(200);
  });
});
