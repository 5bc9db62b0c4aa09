import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, newFrenchPage, runBrowserTests } from "../support/browser.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";

// The educator's first-contact story, through the built runtime in Chromium:
// log in, add a young person, fill « Fiche jeune », find it in « Mes fiches »,
// and see the service's table count one more young person.

const TABLE = "Niveau de la relation éducative par sexe";
const YOUTH_CODE = "INES-E2E";

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

/** The "Total" × "Total" cell: Handsontable draws row headers apart, so match rows by index. */
async function tableTotal(page: Page): Promise<number> {
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Tableaux" })
    .click();
  await page.getByRole("link", { name: TABLE }).click();
  const grid = page.getByRole("region", { name: `Résultats : ${TABLE}` });
  const totalHeader = page.getByRole("rowheader", { name: "Total", exact: true });
  await grid.locator(totalHeader).waitFor();
  const index = await grid
    .getByRole("row")
    .filter({ has: totalHeader })
    .getAttribute("aria-rowindex");
  const cells = grid.locator(`[role=row][aria-rowindex="${index}"]`).getByRole("gridcell");
  return Number((await cells.last().innerText()).replace(/\s/g, ""));
}

describe("an educator's first contact with a young person", () => {
  it.skipIf(!runBrowserTests)(
    "adds the young person, saves « Fiche jeune », lists it and counts it in the table",
    async () => {
      const page = await newFrenchPage(browser!);

      await page.goto(app!.url);
      await page.getByLabel("Adresse e-mail").fill("educateur@demo.bdc");
      await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("heading", { name: "Grilles" }).waitFor();
      const before = await tableTotal(page);

      await page.getByRole("link", { name: "Grilles" }).click();
      await page.getByRole("link", { name: /Fiche jeune/ }).click();
      await page.getByRole("button", { name: "Ajouter un jeune" }).click();
      await page.getByLabel("Code du jeune (facultatif)").fill(YOUTH_CODE);
      await page.getByLabel("Prénom ou initiales").fill("Inès");
      await page.getByLabel("Mois de naissance").selectOption({ label: "mars" });
      await page.getByLabel("Année de naissance").fill("2010");
      await page.getByRole("radio", { name: "Fille" }).check();
      await page.getByRole("button", { name: "Ajouter le jeune" }).click();
      await expect.poll(() => page.getByText(YOUTH_CODE).count()).toBeGreaterThan(0);

      await page.getByLabel("Date de remplissage de la fiche").fill("2026-03-14");
      await page.getByRole("button", { name: "Suivant" }).click();
      await page.getByLabel("Mois du premier contact").fill("2026-02");
      await page.getByRole("button", { name: "Suivant" }).click();
      // SurveyJS draws its own circle over a visually hidden native radio: hence force.
      await page.getByRole("radio", { name: "Accompagnement durable" }).check({ force: true });
      await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
      await page.getByText("Fiche enregistrée").waitFor();

      await page.getByRole("link", { name: "Mes fiches" }).click();
      const row = page.getByRole("row").filter({ hasText: YOUTH_CODE });
      await row.waitFor();
      expect(await row.getByRole("cell").allInnerTexts()).toEqual([
        "14/03/2026",
        "Fiche jeune",
        "1",
        `${YOUTH_CODE} · Inès`,
        "1",
      ]);

      expect(await tableTotal(page)).toBe(before + 1);
    },
  );
});
