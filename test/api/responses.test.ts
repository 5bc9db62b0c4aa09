import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { createYouth, newResponse, validProfile } from "../support/factories.ts";

let app: TestServer;
let educator: ApiClient;
let youthId: string;

beforeAll(async () => {
  app = await startTestServer();
  educator = await loggedIn(app.url, "educateur@demo.bdc");
  youthId = (await createYouth(educator)).id;
});
afterAll(() => app.close());

const storedCount = async () => Number((await app.db("responses").count("* as n"))[0]!.n);

describe("submitting a record", () => {
  it("stores a valid youth profile and reads it back equal", async () => {
    const submitted = newResponse(youthId);
    const created = await educator.post("/api/responses", submitted);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: submitted.id,
      grid: "profil_jeune",
      version: 1,
      revision: 1,
    });
    expect(created.body.occurred_on).toBe("2026-03-14");

    const read = await educator.get(`/api/responses/${submitted.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(submitted.data);
    expect(read.body.subject_id).toBe(youthId);
  });

  it("stores one record when the same id is sent twice", async () => {
    const submitted = newResponse(youthId);
    const before = await storedCount();
    expect((await educator.post("/api/responses", submitted)).status).toBe(201);
    const retry = await educator.post("/api/responses", submitted);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(submitted.id);
    expect(await storedCount()).toBe(before + 1);
  });

  it("drops the answer of a question hidden by its visibleIf", async () => {
    const data = validProfile({
      mode_premier_contact: "contact_rue",
      orienteur_type: "mission_locale",
    });
    const created = await educator.post("/api/responses", newResponse(youthId, data));
    expect(created.status).toBe(201);
    expect(created.body.data).not.toHaveProperty("orienteur_type");
  });

  it("keeps the answer of that question once its condition holds", async () => {
    const data = validProfile({
      mode_premier_contact: "orientation_partenaire",
      orienteur_type: "mission_locale",
    });
    const created = await educator.post("/api/responses", newResponse(youthId, data));
    expect(created.body.data.orienteur_type).toBe("mission_locale");
  });
});

describe("refusing bad input without storing anything", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["a missing required answer", validProfile({ niveau_relation: undefined }), "niveau_relation"],
    [
      "a choice that is not in the list",
      validProfile({ niveau_relation: "tres_bien" }),
      "niveau_relation",
    ],
    ["an unknown question", validProfile({ nom_famille: "Dupont" }), "nom_famille"],
    [
      "a checkbox answer that is not a list",
      validProfile({ demandes_initiales: "scolarite" }),
      "demandes_initiales",
    ],
    ["a date that is not a date", validProfile({ date_fiche: "14/03/2026" }), "date_fiche"],
  ];
  for (const [what, data, field] of cases) {
    it(`answers 400 naming the field for ${what}`, async () => {
      const before = await storedCount();
      const result = await educator.post("/api/responses", newResponse(youthId, data));
      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe("invalid_response");
      const fields = result.body.error.details.errors.map((e: { field: string }) => e.field);
      expect(fields).toContain(field);
      expect(result.body.error.details.errors[0].message).toMatch(/[a-zé]/);
      expect(await storedCount()).toBe(before);
    });
  }

  it("refuses a youth grid filled without a young person", async () => {
    const { subject: _ignored, ...withoutSubject } = newResponse(youthId);
    const result = await educator.post("/api/responses", withoutSubject);
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("subject");
  });

  it("refuses a record id that is not a UUID", async () => {
    const result = await educator.post(
      "/api/responses",
      newResponse(youthId, validProfile(), { id: "42" }),
    );
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("id");
  });

  it("refuses a write without the CSRF token", async () => {
    const before = await storedCount();
    const result = await educator.request("POST", "/api/responses", newResponse(youthId), {
      csrf: false,
    });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe("csrf_missing");
    expect(await storedCount()).toBe(before);
  });

  it("answers 400 to malformed JSON", async () => {
    const result = await educator.request("POST", "/api/responses", undefined, {
      rawBody: "{not json",
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("malformed_json");
  });
});

describe("editing a record", () => {
  it("saves a new revision and keeps the previous one", async () => {
    const submitted = newResponse(youthId);
    await educator.post("/api/responses", submitted);
    const edited = await educator.put(`/api/responses/${submitted.id}`, {
      revision: 1,
      data: validProfile({ niveau_relation: "accompagnement_durable" }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.revision).toBe(2);
    expect(edited.body.data.niveau_relation).toBe("accompagnement_durable");
    const revisions = await educator.get(`/api/responses/${submitted.id}/revisions`);
    expect(
      revisions.body.map((r: { data: { niveau_relation: string } }) => r.data.niveau_relation),
    ).toEqual(["relation_en_construction", "accompagnement_durable"]);
  });

  it("answers 409 to a save based on a stale revision and overwrites nothing", async () => {
    const submitted = newResponse(youthId);
    await educator.post("/api/responses", submitted);
    const first = await educator.put(`/api/responses/${submitted.id}`, {
      revision: 1,
      data: validProfile({ niveau_relation: "accompagnement_ponctuel" }),
    });
    expect(first.status).toBe(200);
    const stale = await educator.put(`/api/responses/${submitted.id}`, {
      revision: 1,
      data: validProfile({ niveau_relation: "contact" }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual({ current: 2, sent: 1 });
    const read = await educator.get(`/api/responses/${submitted.id}`);
    expect(read.body.data.niveau_relation).toBe("accompagnement_ponctuel");
  });
});

describe("another association's records", () => {
  it("are invisible to an educator of another association", async () => {
    const submitted = newResponse(youthId);
    await educator.post("/api/responses", submitted);
    const outsider = await loggedIn(app.url, "educateur2@demo.bdc");

    const one = await outsider.get(`/api/responses/${submitted.id}`);
    expect(one.status).toBe(404);
    expect(one.text).not.toContain(youthId);
    const list = await outsider.get("/api/responses?grid=profil_jeune");
    expect(list.body.map((r: { id: string }) => r.id)).not.toContain(submitted.id);
    const edit = await outsider.put(`/api/responses/${submitted.id}`, {
      revision: 1,
      data: validProfile(),
    });
    expect(edit.status).toBe(404);
  });

  it("cannot be reached by reusing their id", async () => {
    const submitted = newResponse(youthId);
    await educator.post("/api/responses", submitted);
    const outsider = await loggedIn(app.url, "educateur2@demo.bdc");
    const outsiderYouth = await createYouth(outsider);
    const clash = await outsider.post("/api/responses", {
      ...submitted,
      subject: outsiderYouth.id,
    });
    expect(clash.status).toBe(409);
    expect(clash.text).not.toContain(youthId);
  });

  it("cannot have a record attached to a young person of another service", async () => {
    const outsider = await loggedIn(app.url, "educateur2@demo.bdc");
    const result = await outsider.post("/api/responses", newResponse(youthId));
    expect(result.status).toBe(400);
    expect(result.body.error.details.errors[0].field).toBe("subject");
  });
});

describe("listing records a page at a time", () => {
  it("gives the newest first, a page after another without repeating any, with the first name", async () => {
    const client = await loggedIn(app.url, "chef@demo.bdc");
    const youth = await createYouth(client, { first_name: "Maëlys" });
    const dates = ["2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05", "2026-05-05"];
    for (const date of dates) {
      const sent = await client.post(
        "/api/responses",
        newResponse(youth.id, validProfile({ date_fiche: date })),
      );
      expect(sent.status).toBe(201);
    }
    const page = async (offset: number) =>
      (await client.get(`/api/responses?subject=${youth.id}&limit=2&offset=${offset}`)).body as {
        occurred_on: string;
        subject_first_name: string;
      }[];
    const [first, second, third] = [await page(0), await page(2), await page(4)];
    expect(first.map((r) => r.occurred_on)).toEqual(["2026-05-05", "2026-04-05"]);
    expect(second.map((r) => r.occurred_on)).toEqual(["2026-03-05", "2026-02-05"]);
    expect(third.map((r) => r.occurred_on)).toEqual(["2026-01-05"]);
    expect(first[0]!.subject_first_name).toBe("Maëlys");
  });

  it("refuses a limit or an offset that is not a whole number in range, naming it", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=1001", "limit"],
      ["limit=deux", "limit"],
      ["offset=-1", "offset"],
      ["offset=1.5", "offset"],
    ]) {
      const result = await educator.get(`/api/responses?${query}`);
      expect(result.status, query).toBe(400);
      expect(result.body.error.details.errors[0].field, query).toBe(field);
    }
    // Given twice, a filter is refused rather than dropped (which listed every grid).
    const twice = await educator.get("/api/responses?grid=profil_jeune&grid=accompagnement");
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.errors[0]).toEqual({
      field: "grid",
      message: "« grid » ne se donne qu'une fois, comme un texte.",
    });
    const result = await educator.get("/api/responses?limit=0");
    expect(result.body.error.details.errors[0].message).toBe(
      "« limit » est un nombre entier de 1 à 1000.",
    );
  });
});
