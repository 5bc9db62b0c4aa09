import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, newFrenchPage, runBrowserTests } from "../support/browser.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";

// A questionnaire made with another SurveyJS tool, imported by the COPIL:
// the linter's report first, then a new grid with that draft.

let app: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!runBrowserTests) return;
  await ensureFrontEndsBuilt(ROOT);
  app = await startTestServer({ withFrontEnds: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const plainSurvey = {
  pages: [
    {
      name: "p1",
      elements: [{ type: "boolean", name: "permis_conduire", title: "A le permis de conduire" }],
    },
  ],
};

describe.skipIf(!runBrowserTests)("importing a plain SurveyJS questionnaire", () => {
  it("reports on it, then creates the grid with it as draft", async () => {
    const page = await newFrenchPage(browser!);
    await page.goto(`${app!.url}/designer/`);
    await page.getByLabel("Adresse e-mail").fill("copil@demo.bdc");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("button", { name: "Importer" }).click();

    await page.getByLabel("Fichier JSON (grille BDC ou questionnaire SurveyJS)").setInputFiles({
      name: "mobilite.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(plainSurvey)),
    });
    await page.getByLabel("Code", { exact: true }).fill("focus_mobilite");
    await page.getByLabel("Titre", { exact: true }).fill("Focus mobilité");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.getByText("Aucun problème trouvé.").waitFor();
    expect(await app!.db("grids").where({ code: "focus_mobilite" }).first()).toBeUndefined();

    await page.getByRole("button", { name: "Importer la grille" }).click();
    await page.getByRole("heading", { name: /Focus mobilité — brouillon/ }).waitFor();
    const grid = await app!.db("grids").where({ code: "focus_mobilite" }).first("subject");
    expect(grid.subject).toBe("youth");
  });
});
