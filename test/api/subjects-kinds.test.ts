import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { createYouth } from "../support/factories.ts";

// Young people, families and collective actions: what each holds, how they
// link, and that a service's young people stay within it.

let app: TestServer;
let educator: ApiClient;
/** Same association, other service (Roubaix). */
let neighbour: ApiClient;
/** Another association. */
let outsider: ApiClient;

beforeAll(async () => {
  app = await startTestServer();
  educator = await loggedIn(app.url, "educateur@demo.bdc");
  neighbour = await loggedIn(app.url, "educateur.roubaix@demo.bdc");
  outsider = await loggedIn(app.url, "educateur2@demo.bdc");
});
afterAll(() => app.close());

const fieldsOf = (body: { error: { details: { errors: { field: string }[] } } }) =>
  body.error.details.errors.map((e) => e.field);

describe("a young person", () => {
  it("keeps the commune by its INSEE code and returns its official name", async () => {
    const youth = await createYouth(educator, { commune: "59350", neighbourhood: "Moulins" });
    const read = await educator.get(`/api/subjects/${youth.id}`);
    expect(read.status).toBe(200);
    expect(read.body.commune).toEqual({ code: "59350", name: "Lille" });
    expect(read.body.neighbourhood).toBe("Moulins");
  });

  it("is refused with a commune code that is not in the official list", async () => {
    const result = await educator.post("/api/subjects", { kind: "youth", commune: "59999" });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual(["commune"]);
  });

  it("is refused with a commune given by its name instead of its code", async () => {
    const result = await educator.post("/api/subjects", { kind: "youth", commune: "Lille" });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual(["commune"]);
  });

  it("cannot carry a surname or an address", async () => {
    const result = await educator.post("/api/subjects", {
      kind: "youth",
      nom: "Dupont",
      adresse: "1 rue",
    });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body).sort()).toEqual(["adresse", "nom"]);
  });

  it("of another service is not found, even in the same association", async () => {
    const youth = await createYouth(educator);
    expect((await neighbour.get(`/api/subjects/${youth.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/subjects/${youth.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/subjects/${youth.id}/timeline`)).status).toBe(404);
    expect((await outsider.get(`/api/subjects/${youth.id}/file`)).status).toBe(404);
    const listed = await neighbour.get("/api/subjects?kind=youth");
    expect(listed.body.map((s: { id: string }) => s.id)).not.toContain(youth.id);
  });
});

describe("a family", () => {
  it("gets an F- code and lists its young people", async () => {
    const sister = await createYouth(educator, { first_name: "Lina" });
    const brother = await createYouth(educator, { first_name: "Yanis", sex: "garcon" });
    const created = await educator.post("/api/subjects", {
      kind: "family",
      youth: [sister.id, brother.id],
    });
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^F-/);
    expect(created.body.youth.map((y: { id: string }) => y.id).sort()).toEqual(
      [sister.id, brother.id].sort(),
    );
  });

  it("shows in the file of each of its young people", async () => {
    const youth = await createYouth(educator);
    const family = (await educator.post("/api/subjects", { kind: "family", youth: [youth.id] }))
      .body;
    const read = await educator.get(`/api/subjects/${youth.id}`);
    expect(read.body.families).toEqual([{ id: family.id, code: family.code }]);
  });

  it("cannot be linked to a young person of another service, and nothing is stored", async () => {
    const ours = await createYouth(educator);
    const theirs = await createYouth(neighbour);
    const before = Number(
      (await app.db("subjects").where({ kind: "family" }).count("* as n"))[0]!.n,
    );
    const result = await educator.post("/api/subjects", {
      kind: "family",
      youth: [ours.id, theirs.id],
    });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual(["youth[1]"]);
    expect(result.text).not.toContain(theirs.code);
    const after = Number(
      (await app.db("subjects").where({ kind: "family" }).count("* as n"))[0]!.n,
    );
    expect(after).toBe(before);
  });
});

describe("a collective action", () => {
  it("with 3 linked young people and 4 anonymous participants counts 7 participants", async () => {
    const youth = [
      await createYouth(educator),
      await createYouth(educator),
      await createYouth(educator),
    ];
    const created = await educator.post("/api/subjects", {
      kind: "action",
      title: "Sortie au lac",
      starts_on: "2026-06-10",
      youth: youth.map((y) => y.id),
      anonymous_participants: { fille: { de_11_15: 1, de_16_17: 1 }, garcon: { de_16_17: 2 } },
    });
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^A-/);
    const read = await educator.get(`/api/subjects/${created.body.id}`);
    expect(read.body.participants).toMatchObject({ linked_youth: 3, anonymous: 4, total: 7 });
    expect(read.body.youth).toHaveLength(3);
  });

  it("counts a young person attending two actions once among young people reached, twice among participations", async () => {
    const youth = [
      await createYouth(educator),
      await createYouth(educator),
      await createYouth(educator),
    ];
    const ids = youth.map((y) => y.id);
    await educator.post("/api/subjects", {
      kind: "action",
      title: "Chantier éducatif",
      starts_on: "2027-01-12",
      youth: ids,
      anonymous_participants: { fille: { de_16_17: 3 }, autre_nsp: { de_18_21: 1 } },
    });
    await educator.post("/api/subjects", {
      kind: "action",
      title: "Chantier éducatif, séance 2",
      starts_on: "2027-01-19",
      youth: [ids[0]],
    });
    const reach = await educator.get("/api/trajectories/actions?from=2027-01-01&to=2027-01-31");
    expect(reach.status).toBe(200);
    expect(reach.body.rows.at(-1)).toMatchObject({
      organisation: "Ensemble",
      actions: 2,
      linked_participations: 4,
      distinct_youth: 3,
      anonymous_participants: 4,
      total_participants: 8,
    });
  });

  it("is refused without a title or with an age band that does not exist", async () => {
    const result = await educator.post("/api/subjects", {
      kind: "action",
      starts_on: "2026-06-10",
      anonymous_participants: { fille: { de_30_40: 2 } },
    });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body).sort()).toEqual([
      "anonymous_participants.fille.de_30_40",
      "title",
    ]);
  });

  it("cannot have a young person of another association linked afterwards", async () => {
    const action = (
      await educator.post("/api/subjects", {
        kind: "action",
        title: "Atelier",
        starts_on: "2026-06-11",
      })
    ).body;
    const theirs = await createYouth(outsider);
    const result = await educator.post(`/api/subjects/${action.id}/links`, { youth: theirs.id });
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual(["youth"]);
    expect(await app.db("subject_links").where({ parent_id: action.id }).count("* as n")).toEqual([
      { n: 0 },
    ]);
  });

  it("cannot be changed by an educator of another association", async () => {
    const action = (
      await educator.post("/api/subjects", {
        kind: "action",
        title: "Atelier",
        starts_on: "2026-06-11",
      })
    ).body;
    const theirs = await createYouth(outsider);
    const result = await outsider.post(`/api/subjects/${action.id}/links`, { youth: theirs.id });
    expect(result.status).toBe(404);
  });
});

describe("the list of young people", () => {
  it("filters by text, commune, age and open accompaniment", async () => {
    const code = `T${Date.now().toString(36).toUpperCase()}`;
    const roubaix = await createYouth(educator, {
      code: `${code}-A`,
      commune: "59512",
      birth_year: 2008,
    });
    const lille = await createYouth(educator, {
      code: `${code}-B`,
      commune: "59350",
      birth_year: 2012,
    });
    await educator.post("/api/responses", {
      id: crypto.randomUUID(),
      grid: "accompagnement",
      subject: lille.id,
      data: { date_debut: "2026-01-05", type_accompagnement: "durable" },
    });
    const ids = async (query: string) =>
      (await educator.get(`/api/subjects?kind=youth&q=${code}&${query}`)).body.map(
        (s: { id: string }) => s.id,
      );

    expect(await ids("commune=59512")).toEqual([roubaix.id]);
    expect(await ids("departement=59")).toEqual([roubaix.id, lille.id]);
    expect(await ids("active=true")).toEqual([lille.id]);
    const listed = (await educator.get(`/api/subjects?kind=youth&q=${code}`)).body;
    expect(listed.map((s: { active_accompaniment: boolean }) => s.active_accompaniment)).toEqual([
      false,
      true,
    ]);
    expect(await ids("active=false")).toEqual([roubaix.id]);
    expect(await ids("age_min=16")).toEqual([roubaix.id]);
    expect(await ids("age_max=15")).toEqual([lille.id]);
  });

  it("answers 400 to a malformed filter", async () => {
    const result = await educator.get("/api/subjects?kind=youth&age_min=douze");
    expect(result.status).toBe(400);
    expect(fieldsOf(result.body)).toEqual(["age_min"]);
  });
});

describe("editing a subject", () => {
  it("replaces a young person's identity fields and keeps the code", async () => {
    const youth = await createYouth(educator, { commune: "59350", neighbourhood: "Moulins" });
    const edited = await educator.put(`/api/subjects/${youth.id}`, {
      first_name: "I.",
      birth_year: 2010,
      sex: "fille",
      commune: "59512",
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      code: youth.code,
      first_name: "I.",
      birth_month: null,
      commune: { code: "59512", name: "Roubaix" },
      neighbourhood: null,
    });
  });

  it("updates a collective action's anonymous participants", async () => {
    const action = (
      await educator.post("/api/subjects", {
        kind: "action",
        title: "Atelier",
        starts_on: "2026-06-11",
      })
    ).body;
    const edited = await educator.put(`/api/subjects/${action.id}`, {
      title: "Atelier cuisine",
      starts_on: "2026-06-11",
      anonymous_participants: { autre_nsp: { de_18_21: 3 } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe("Atelier cuisine");
    expect(edited.body.participants).toMatchObject({ anonymous: 3, total: 3 });
  });

  it("is not possible for an educator of another service", async () => {
    const youth = await createYouth(educator);
    const result = await neighbour.put(`/api/subjects/${youth.id}`, { first_name: "X" });
    expect(result.status).toBe(404);
  });
});
