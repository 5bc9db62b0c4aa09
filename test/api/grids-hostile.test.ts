import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { edited, openDraft, type Survey } from "../support/grids.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

// Grid definitions written to crash or freeze the server: every route that
// accepts one answers 422 `lint_failed` with findings, quickly, and the
// server keeps answering.

let app: TestServer;
let copil: ApiClient;
let referent: ApiClient;

beforeAll(async () => {
  app = await startTestServer();
  copil = await loggedIn(app.url, "copil@demo.bdc");
  referent = await loggedIn(app.url, "referent@demo.bdc");
});
afterAll(() => app.close());

const REDOS = "^(a+)+$";

function oneQuestion(question: Record<string, unknown>): Survey {
  return { pages: [{ name: "page1", elements: [question] }] };
}

const redosQuestion = {
  type: "text",
  name: "code_dossier",
  title: "Code du dossier",
  validators: [{ type: "regex", regex: REDOS, text: "Format invalide." }],
};

/** Panels inside panels, `depth` levels, one question at the bottom. */
function nestedPanels(depth: number): Record<string, unknown> {
  let element: Record<string, unknown> = { type: "text", name: "fond", title: "Fond" };
  for (let level = 0; level < depth; level += 1) element = { type: "panel", elements: [element] };
  return element;
}

type Finding = { code: string; path: string; message: string };

function findingsOf(body: { error?: { details?: { findings?: Finding[] } } }): Finding[] {
  return body.error?.details?.findings ?? [];
}

function codesOf(body: { error?: { details?: { findings?: Finding[] } } }) {
  return findingsOf(body).map(({ code, path }) => `${code} ${path}`);
}

/** Saves `survey` as the draft of intervention. */
async function saveDraft(survey: unknown) {
  const draft = await openDraft(copil, "intervention");
  return copil.put("/api/grids/intervention/draft", { revision: draft.revision, survey });
}

describe("a catastrophic regex validator", () => {
  it("is refused on draft save with unsafe_pattern at its path", async () => {
    const draft = await openDraft(copil, "intervention");
    const survey = edited(draft.survey, (s) => s.pages[0]!.elements.push(redosQuestion));
    const index = survey.pages[0]!.elements.length - 1;

    const result = await copil.put("/api/grids/intervention/draft", {
      revision: draft.revision,
      survey,
    });

    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("lint_failed");
    expect(codesOf(result.body)).toEqual([
      `unsafe_pattern survey.pages[0].elements[${index}].validators[0].regex`,
    ]);
    expect(findingsOf(result.body)[0]!.message).toContain("peut bloquer le serveur");
  });

  it("is refused by the preview's validation, fast, for a referent", async () => {
    const started = Date.now();
    const result = await referent.post("/api/grids/preview/validate", {
      survey: oneQuestion(redosQuestion),
      data: { code_dossier: `${"a".repeat(40)}!` },
    });

    expect(result.status).toBe(422);
    expect(codesOf(result.body)).toEqual([
      "unsafe_pattern survey.pages[0].elements[0].validators[0].regex",
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("is refused when a grid is created, imported or proposed", async () => {
    const survey = oneQuestion(redosQuestion);
    const created = await copil.post("/api/grids", {
      code: "grille_piege",
      title: "Grille piège",
      subject: "none",
      survey,
    });
    const imported = await copil.post("/api/grids/import", {
      code: "grille_piege",
      title: "Grille piège",
      subject: "none",
      survey,
    });
    const proposed = await referent.post("/api/grids/intervention/proposals", {
      survey,
      rationale: "Un code de dossier.",
    });

    for (const result of [created, imported, proposed]) {
      expect(result.status).toBe(422);
      expect(result.body.error.code).toBe("lint_failed");
      expect(codesOf(result.body)).toContain(
        "unsafe_pattern survey.pages[0].elements[0].validators[0].regex",
      );
    }
  });

  it("is still accepted when it is a simple code pattern", async () => {
    const safe = { ...redosQuestion, validators: [{ type: "regex", regex: "^[0-9]{5}$" }] };
    const result = await referent.post("/api/grids/preview/validate", {
      survey: oneQuestion(safe),
      data: { code_dossier: "1234" },
    });
    expect(result.status).toBe(200);
    expect(result.body.ok).toBe(false);
    expect(result.body.errors[0].field).toBe("code_dossier");
  });
});

describe("definitions of the wrong shape", () => {
  it("refuses validators: [null] with 422 on draft save and in the preview", async () => {
    const survey = oneQuestion({ type: "text", name: "a", title: "A", validators: [null] });
    const saved = await saveDraft(survey);
    const previewed = await referent.post("/api/grids/preview/validate", { survey, data: {} });

    for (const result of [saved, previewed]) {
      expect(result.status).toBe(422);
      expect(codesOf(result.body)).toEqual([
        "invalid_shape survey.pages[0].elements[0].validators[0]",
      ]);
    }
  });

  it('refuses columns: "x" on a dynamic matrix with 422', async () => {
    const survey = oneQuestion({ type: "matrixdynamic", name: "m", title: "M", columns: "x" });
    const saved = await saveDraft(survey);
    const previewed = await referent.post("/api/grids/preview/validate", { survey, data: {} });

    for (const result of [saved, previewed]) {
      expect(result.status).toBe(422);
      expect(codesOf(result.body)).toEqual(["invalid_shape survey.pages[0].elements[0].columns"]);
    }
  });

  it("refuses pages: [null] and a question named __proto__ with 422", async () => {
    const nullPage = await saveDraft({ pages: [null] });
    const proto = await referent.post("/api/grids/preview/validate", {
      survey: oneQuestion({ type: "text", name: "constructor", title: "C" }),
      data: {},
    });

    expect(nullPage.status).toBe(422);
    expect(codesOf(nullPage.body)).toEqual(["invalid_shape survey.pages[0]"]);
    expect(proto.status).toBe(422);
    expect(codesOf(proto.body)).toEqual(["invalid_shape survey.pages[0].elements[0].name"]);
  });

  it("refuses panels nested 2,000 deep at the door with 400, not 500, and keeps answering", async () => {
    const survey = oneQuestion(nestedPanels(2000));
    const saved = await saveDraft(survey);
    const previewed = await referent.post("/api/grids/preview/validate", { survey, data: {} });

    for (const result of [saved, previewed]) {
      expect(result.status).toBe(400);
      expect(result.body.error.details.errors).toEqual([
        {
          field: "",
          message: "La demande est imbriquée sur plus de 64 niveaux : elle ne peut pas être lue.",
        },
      ]);
    }
    expect((await copil.get("/api/designer/grids")).status).toBe(200);
  });

  it("leaves panels nested 25 deep to the linter, which names the level", async () => {
    const result = await saveDraft(oneQuestion(nestedPanels(25)));
    expect(result.status).toBe(422);
    expect(codesOf(result.body)[0]).toMatch(/^invalid_shape survey\.pages\[0\]/);
  });

  it("refuses panels nested 9 deep at the ninth level", async () => {
    const result = await saveDraft(oneQuestion(nestedPanels(9)));
    expect(result.status).toBe(422);
    const path = `survey.pages[0].elements[0]${".elements[0]".repeat(8)}.elements`;
    expect(codesOf(result.body)).toEqual([`invalid_shape ${path}`]);
  });

  it("refuses an expression of 5,000 terms with 422", async () => {
    const visibleIf = Array.from({ length: 5000 }, (_, i) => `{a} = ${i}`).join(" or ");
    const survey = {
      pages: [
        {
          name: "page1",
          elements: [
            { type: "text", name: "a", title: "A" },
            { type: "text", name: "b", title: "B", visibleIf },
          ],
        },
      ],
    };
    const result = await referent.post("/api/grids/preview/validate", { survey, data: {} });
    expect(result.status).toBe(422);
    expect(codesOf(result.body)).toEqual(["invalid_shape survey.pages[0].elements[1].visibleIf"]);
  });
});

describe("a hostile draft stored before the linter refused it", () => {
  it("is refused at publication with 422 lint_failed", async () => {
    await openDraft(copil, "travail_famille");
    const grid = await app.db("grids").where({ code: "travail_famille" }).first("id");
    await app
      .db("grid_versions")
      .where({ grid_id: grid.id, status: "draft" })
      .update({ survey: JSON.stringify(oneQuestion(redosQuestion)) });

    const result = await copil.post("/api/grids/travail_famille/publish", {
      note: "Un code de dossier.",
    });

    expect(result.status).toBe(422);
    expect(codesOf(result.body)).toContain(
      "unsafe_pattern survey.pages[0].elements[0].validators[0].regex",
    );
  });
});
