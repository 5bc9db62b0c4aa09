import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, ROOT, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { createYouth, newResponse, validProfile } from "../support/factories.ts";
import { auditRows } from "../support/access.ts";
import { runRetention } from "../../engine/access/retention.ts";

let app: TestServer;
let educator: ApiClient;
let head: ApiClient;
let admin: ApiClient;

const SCRIPT = "<script>alert('x')</script>";
const NOTE = `Habite chez sa tante ${SCRIPT} & aime le foot`;

beforeAll(async () => {
  app = await startTestServer();
  educator = await loggedIn(app.url, "educateur@demo.bdc");
  head = await loggedIn(app.url, "chef@demo.bdc");
  admin = await loggedIn(app.url, "admin@demo.bdc");
});
afterAll(() => app.close());

/** A young person with one profile edited once: two revisions, free text in both. */
async function youthWithHistory(firstName = "Zéphyrine") {
  const youth = await createYouth(educator, { first_name: firstName, birth_month: 7 });
  const response = newResponse(
    youth.id,
    validProfile({ observations: NOTE, commune_residence: "59350", quartier_residence: "Moulins" }),
  );
  expect((await educator.post("/api/responses", response)).status).toBe(201);
  const edited = await educator.put(`/api/responses/${response.id}`, {
    revision: 1,
    data: validProfile({
      observations: `${NOTE} (mis à jour)`,
      niveau_relation: "accompagnement_durable",
    }),
  });
  expect(edited.status).toBe(200);
  return { youth, responseId: response.id };
}

describe("exporting a young person's data", () => {
  it("returns the subject and every response with every revision, as JSON", async () => {
    const { youth, responseId } = await youthWithHistory();
    const result = await head.get(`/api/subjects/${youth.id}/export`);
    expect(result.status).toBe(200);
    expect(result.body.subject).toMatchObject({
      id: youth.id,
      code: youth.code,
      first_name: "Zéphyrine",
      birth_month: 7,
    });
    expect(result.body.responses).toHaveLength(1);
    const [response] = result.body.responses;
    expect(response).toMatchObject({ id: responseId, grid: "profil_jeune", revision: 2 });
    expect(
      response.revisions.map((r: { data: { observations: string } }) => r.data.observations),
    ).toEqual([NOTE, `${NOTE} (mis à jour)`]);
  });

  it("flags the free-text answers", async () => {
    const { youth } = await youthWithHistory();
    const [response] = (await head.get(`/api/subjects/${youth.id}/export`)).body.responses;
    const paths = response.free_text.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["observations", "quartier_residence"]));
    expect(paths).not.toContain("date_fiche");
    expect(paths).not.toContain("commune_residence");
    expect(paths).not.toContain("niveau_relation");
  });

  it("lists the families and collective actions the young person belongs to", async () => {
    const { youth } = await youthWithHistory();
    const family = (await educator.post("/api/subjects", { kind: "family", youth: [youth.id] }))
      .body;
    const exported = await head.get(`/api/subjects/${youth.id}/export`);
    expect(exported.body.links).toEqual([
      expect.objectContaining({ id: family.id, kind: "family", code: family.code }),
    ]);
  });

  it("is audited as subject.export", async () => {
    const { youth } = await youthWithHistory();
    await admin.get(`/api/subjects/${youth.id}/export`);
    const rows = await auditRows(app.db, "subject.export");
    expect(rows.at(-1)).toMatchObject({ target_id: youth.id, target_type: "subject" });
  });

  it("has a printable French page where answers are escaped text", async () => {
    const { youth } = await youthWithHistory();
    const result = await head.get(`/api/subjects/${youth.id}/export?format=html`);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("text/html");
    expect(result.text).toContain('<html lang="fr">');
    expect(result.text).toContain("Données enregistrées sur le jeune");
    expect(result.text).toContain(
      "Habite chez sa tante &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; aime le foot",
    );
    expect(result.text).not.toContain(SCRIPT);
    expect(result.text).toContain("(texte libre)");
  });

  it("shows choices by their labels and dates the French way on the printable page", async () => {
    const { youth } = await youthWithHistory();
    const page = (await head.get(`/api/subjects/${youth.id}/export?format=html`)).text;
    expect(page).toContain("Accompagnement durable");
    expect(page).not.toContain(">accompagnement_durable<");
    expect(page).toContain("14/03/2026");
    expect(page).toContain("juillet");
  });

  it("is refused to an educator of the same service, who reads but does not answer requests", async () => {
    const { youth } = await youthWithHistory();
    expect((await educator.get(`/api/subjects/${youth.id}/export`)).status).toBe(403);
  });

  it("is not found for an educator of another association", async () => {
    const { youth } = await youthWithHistory();
    const outsider = await loggedIn(app.url, "educateur2@demo.bdc");
    const result = await outsider.get(`/api/subjects/${youth.id}/export?format=html`);
    expect(result.status).toBe(404);
    expect(result.text).not.toContain("Zéphyrine");
  });
});

describe("anonymising a young person", () => {
  it("replaces a code the service chose, which may carry a name, with a generated one", async () => {
    const chosen = await educator.post("/api/subjects", {
      kind: "youth",
      code: "ZOE-DUPONT-2009",
      first_name: "Zoé",
    });
    expect(chosen.status).toBe(201);
    expect((await head.post(`/api/subjects/${chosen.body.id}/anonymise`)).status).toBe(200);
    const subject = await app.db("subjects").where({ id: chosen.body.id }).first("code");
    expect(subject.code).toMatch(/^J-[2-9A-HJKMNP-Z]{6}$/);
  });

  it("blanks the first name, the birth month and every free-text answer, in responses and revisions", async () => {
    const { youth, responseId } = await youthWithHistory();
    const result = await head.post(`/api/subjects/${youth.id}/anonymise`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ responses: 1, revisions: 2 });

    const subject = await app.db("subjects").where({ id: youth.id }).first();
    expect(subject).toMatchObject({
      first_name: null,
      birth_month: null,
      birth_year: 2010,
      sex: "fille",
    });
    expect(subject.anonymised_at).not.toBeNull();
    const response = await app.db("responses").where({ id: responseId }).first("data");
    expect(response.data).not.toHaveProperty("observations");
    expect(response.data).not.toHaveProperty("quartier_residence");
    expect(response.data.niveau_relation).toBe("accompagnement_durable");
    const revisions = await app
      .db("response_revisions")
      .where({ response_id: responseId })
      .select("data");
    expect(JSON.stringify(revisions)).not.toContain("tante");
    expect(revisions[0].data.mode_premier_contact).toBe("contact_rue");
  });

  it("erases a young person who belongs to a family, leaving the family", async () => {
    const { youth } = await youthWithHistory();
    const family = (await educator.post("/api/subjects", { kind: "family", youth: [youth.id] }))
      .body;
    expect((await head.request("DELETE", `/api/subjects/${youth.id}`)).status).toBe(204);
    expect(await app.db("subject_links").where({ youth_id: youth.id })).toEqual([]);
    expect(await app.db("subjects").where({ id: family.id }).first("id")).toBeDefined();
  });

  it("keeps the audit entries and adds subject.anonymise", async () => {
    const { youth } = await youthWithHistory();
    await admin.post(`/api/subjects/${youth.id}/anonymise`);
    const created = await app
      .db("audit_log")
      .where({ action: "subject.create", target_id: youth.id });
    expect(created).toHaveLength(1);
    const rows = await auditRows(app.db, "subject.anonymise");
    expect(rows.at(-1)).toMatchObject({ target_id: youth.id });
    expect(rows.at(-1).details.reason).toBe("request");
  });

  it("is refused to an educator and to another association", async () => {
    const { youth } = await youthWithHistory();
    expect((await educator.post(`/api/subjects/${youth.id}/anonymise`)).status).toBe(403);
    const outsider = await loggedIn(app.url, "educateur2@demo.bdc");
    expect((await outsider.post(`/api/subjects/${youth.id}/anonymise`)).status).toBe(404);
    const subject = await app.db("subjects").where({ id: youth.id }).first("first_name");
    expect(subject.first_name).toBe("Zéphyrine");
  });
});

describe("erasing a young person", () => {
  it("removes the subject, its responses and revisions, and keeps the audit rows", async () => {
    const { youth, responseId } = await youthWithHistory();
    const result = await head.request("DELETE", `/api/subjects/${youth.id}`);
    expect(result.status).toBe(204);
    expect(await app.db("subjects").where({ id: youth.id }).first()).toBeUndefined();
    expect(await app.db("responses").where({ id: responseId }).first()).toBeUndefined();
    expect(await app.db("response_revisions").where({ response_id: responseId })).toEqual([]);
    const trail = await app
      .db("audit_log")
      .whereIn("target_id", [youth.id, responseId])
      .pluck("action");
    expect(trail).toEqual([
      "subject.create",
      "response.create",
      "response.update",
      "subject.delete",
    ]);
    expect((await head.get(`/api/subjects/${youth.id}`)).status).toBe(404);
  });

  it("is refused to an educator and not found for another association", async () => {
    const { youth } = await youthWithHistory();
    expect((await educator.request("DELETE", `/api/subjects/${youth.id}`)).status).toBe(403);
    const outsider = await loggedIn(app.url, "educateur2@demo.bdc");
    expect((await outsider.request("DELETE", `/api/subjects/${youth.id}`)).status).toBe(404);
    expect(await app.db("subjects").where({ id: youth.id }).first("id")).toBeDefined();
  });
});

describe("the retention command", () => {
  async function ageYouth(id: string, years: number) {
    const past = new Date(Date.now() - years * 366 * 86_400_000);
    const day = past.toISOString().slice(0, 10);
    await app.db("subjects").where({ id }).update({ created_at: past, updated_at: past });
    await app
      .db("responses")
      .where({ subject_id: id })
      .update({ occurred_on: day, updated_at: past, created_at: past });
  }

  it("lists, in a dry run, the young people with no record for the given years and changes nothing", async () => {
    const old = await youthWithHistory("Ancienne");
    const recent = await youthWithHistory("Récente");
    await ageYouth(old.youth.id, 3);
    const report = await runRetention(app.db, { years: 2, apply: false });
    const ids = report.candidates.map((c) => c.id);
    expect(ids).toContain(old.youth.id);
    expect(ids).not.toContain(recent.youth.id);
    expect(
      (await app.db("subjects").where({ id: old.youth.id }).first("first_name")).first_name,
    ).toBe("Ancienne");
  });

  it("anonymises them with --apply, audited, and leaves them out of the next run", async () => {
    const old = await youthWithHistory("Périmée");
    await ageYouth(old.youth.id, 3);
    const report = await runRetention(app.db, { years: 2, apply: true });
    expect(report.candidates.map((c) => c.id)).toContain(old.youth.id);
    const subject = await app
      .db("subjects")
      .where({ id: old.youth.id })
      .first("first_name", "anonymised_at");
    expect(subject.first_name).toBeNull();
    const response = await app.db("responses").where({ id: old.responseId }).first("data");
    expect(response.data).not.toHaveProperty("observations");
    expect((await auditRows(app.db, "retention.run")).length).toBeGreaterThan(0);
    const again = await runRetention(app.db, { years: 2, apply: false });
    expect(again.candidates.map((c) => c.id)).not.toContain(old.youth.id);
  });

  it("runs as npm run retention: a dry run by default that reports in French", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-retention-"));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "engine/access/retention-cli.ts", "--years", "2"],
        {
          cwd: ROOT,
          env: { ...process.env, BDC_DATA_DIR: dataDir, DATABASE_URL: "" },
          timeout: 60_000,
        },
      );
      expect(stdout).toContain("Durée de conservation : 2 an(s)");
      expect(stdout).toContain("0 jeune(s) à anonymiser (simulation");
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
