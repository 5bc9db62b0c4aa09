import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, newFrenchPage, runBrowserTests } from "../support/browser.ts";
import { loggedIn } from "../support/client.ts";
import { createYouth, newResponse } from "../support/factories.ts";
import { edited, openDraft, pageOf } from "../support/grids.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";

// Version 2 of profil_jeune requires a new answer. A version 1 record is moved
// to it from the runtime: refused as it is, then completed in version 2's form.

let app: TestServer | undefined;
let browser: Browser | undefined;
let recordId = "";

beforeAll(async () => {
  if (!runBrowserTests) return;
  await ensureFrontEndsBuilt(ROOT);
  app = await startTestServer({ withFrontEnds: true });
  browser = await launchBrowser();

  const educator = await loggedIn(app.url, "educateur@demo.bdc");
  const youth = await createYouth(educator);
  recordId = (await educator.post("/api/responses", newResponse(youth.id))).body.id;

  const copil = await loggedIn(app.url, "copil@demo.bdc");
  const draft = await openDraft(copil, "profil_jeune");
  const survey = edited(draft.survey, (s) =>
    pageOf(s, "relation").elements.push({
      type: "text",
      name: "lieu_rencontre",
      title: "Lieu de rencontre habituel",
      isRequired: true,
    }),
  );
  await copil.put("/api/grids/profil_jeune/draft", { survey, revision: draft.revision });
  const published = await copil.post("/api/grids/profil_jeune/publish", {
    note: "Lieu de rencontre obligatoire.",
  });
  expect(published.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe.skipIf(!runBrowserTests)("moving a record to a version that asks more", () => {
  it("asks for the newly required answer in the new form, then moves the record", async () => {
    const page = await newFrenchPage(browser!);
    await page.goto(app!.url);
    await page.getByLabel("Adresse e-mail").fill("educateur@demo.bdc");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Grilles" }).waitFor();
    await page.goto(`${app!.url}/fiches/${recordId}`);

    await page
      .getByRole("button", { name: "Voir les changements et passer à la version 2" })
      .click();
    await page.getByRole("button", { name: "Passer à la version 2", exact: true }).click();
    await page.getByText("Complétez d'abord ce que la version 2 demande").waitFor();
    await page.getByLabel("Lieu de rencontre habituel").fill("Square Jean-Baptiste Lebas");
    await page.getByRole("button", { name: "Enregistrer dans la version 2" }).click();

    await expect
      .poll(() => page.locator("dl.facts").innerText())
      .toMatch(/Version de la grille\s+2/);
    const educator = await loggedIn(app!.url, "educateur@demo.bdc");
    const record = await educator.get(`/api/responses/${recordId}`);
    expect(record.body).toMatchObject({
      version: 2,
      revision: 2,
      data: { lieu_rencontre: "Square Jean-Baptiste Lebas" },
    });
  });
});
