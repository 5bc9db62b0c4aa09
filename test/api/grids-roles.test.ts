import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { edited, questionIn } from "../support/grids.ts";

// Who may touch grid definitions: the API refuses, whatever the UI shows.

let app: TestServer;
let copil: ApiClient;
let referent: ApiClient;
let proposalId: number;
const people: Record<string, ApiClient> = {};

beforeAll(async () => {
  app = await startTestServer();
  copil = await loggedIn(app.url, "copil@demo.bdc");
  referent = await loggedIn(app.url, "referent@demo.bdc");
  for (const email of [
    "educateur@demo.bdc",
    "chef@demo.bdc",
    "admin@demo.bdc",
    "analyste@demo.bdc",
    "educateur2@demo.bdc",
  ]) {
    people[email] = await loggedIn(app.url, email);
  }
  people["referent@demo.bdc"] = referent;
  await copil.post("/api/grids/profil_jeune/draft");
  const v1 = (await copil.get("/api/grids/profil_jeune/versions/1")).body.survey;
  const proposal = await referent.post("/api/grids/profil_jeune/proposals", {
    survey: edited(v1, (s) => (questionIn(s, "observations").title = "Observations de l'équipe")),
    rationale: "Plus clair.",
  });
  proposalId = proposal.body.id;
});
afterAll(() => app.close());

const survey = { pages: [{ elements: [{ type: "text", name: "lieu", title: "Lieu" }] }] };

type Attempt = [string, string, string, unknown?];
const readsOfDrafts: Attempt[] = [
  ["reads the grid catalogue with drafts", "GET", "/api/designer/grids"],
  ["reads a draft", "GET", "/api/grids/profil_jeune/draft"],
  ["diffs against the draft", "GET", "/api/grids/profil_jeune/diff?from=1&to=draft"],
  ["lists proposals", "GET", "/api/proposals?grid=profil_jeune"],
  ["reads a proposal", "GET", "/api/proposals/PROPOSAL"],
  ["proposes a change", "POST", "/api/grids/profil_jeune/proposals", { survey, rationale: "x" }],
  ["comments a proposal", "POST", "/api/proposals/PROPOSAL/comments", { body: "x" }],
];
const copilOnly: Attempt[] = [
  [
    "creates a grid",
    "POST",
    "/api/grids",
    { code: "nouvelle", title: "Nouvelle", subject: "none", survey },
  ],
  ["makes a draft", "POST", "/api/grids/alses/draft"],
  ["saves a draft", "PUT", "/api/grids/profil_jeune/draft", { survey, revision: 1 }],
  ["publishes", "POST", "/api/grids/profil_jeune/publish", { note: "x" }],
  [
    "imports a grid",
    "POST",
    "/api/grids/import?dryRun=1",
    { code: "x", title: "x", subject: "none", survey },
  ],
  ["accepts a proposal", "POST", "/api/proposals/PROPOSAL/accept", {}],
  ["rejects a proposal", "POST", "/api/proposals/PROPOSAL/reject", { reason: "x" }],
];

async function attempt(client: ApiClient, [, method, path, body]: Attempt) {
  return client.request(method, path.replace("PROPOSAL", String(proposalId)), body);
}

describe("people outside the COPIL and the referents", () => {
  for (const email of [
    "educateur@demo.bdc",
    "chef@demo.bdc",
    "admin@demo.bdc",
    "analyste@demo.bdc",
    "educateur2@demo.bdc",
  ]) {
    for (const entry of [...readsOfDrafts, ...copilOnly]) {
      it(`refuses ${email} who ${entry[0]}`, async () => {
        const result = await attempt(people[email]!, entry);
        expect(result.status).toBe(403);
        expect(result.body.error.code).toBe("forbidden");
      });
    }
  }
});

describe("a referent", () => {
  for (const entry of copilOnly) {
    it(`is refused when it ${entry[0]}`, async () => {
      const result = await attempt(referent, entry);
      expect(result.status).toBe(403);
    });
  }

  it("reads the draft", async () => {
    expect((await referent.get("/api/grids/profil_jeune/draft")).status).toBe(200);
  });
});

describe("nothing changed by refused attempts", () => {
  it("leaves the draft at its first revision and the proposal open", async () => {
    const draft = await copil.get("/api/grids/profil_jeune/draft");
    expect(draft.body.revision).toBe(1);
    expect((await copil.get(`/api/proposals/${proposalId}`)).body.status).toBe("open");
    expect(await app.db("grids").where({ code: "nouvelle" }).first()).toBeUndefined();
  });

  it("still lets anyone signed in read published versions", async () => {
    expect(
      (await people["educateur@demo.bdc"]!.get("/api/grids/profil_jeune/versions/1")).status,
    ).toBe(200);
    const diff = await people["educateur@demo.bdc"]!.get(
      "/api/grids/profil_jeune/diff?from=1&to=1",
    );
    expect(diff.status).toBe(200);
    expect(diff.body.impact).toBeUndefined();
  });
});
