import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, runBrowserTests } from "../support/browser.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";

// A young person's file, through the built runtime in Chromium: add a young
// person from « Mes jeunes », fill their profile, open an accompaniment, add
// two situation updates, and read the entry and latest situations side by side.

const CODE = "LINA-E2E";

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

/** Optional screenshots for reviewing the screens: BDC_SCREENSHOTS=/some/dir. */
async function shot(page: Page, name: string) {
  const dir = process.env.BDC_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** Opens a grid from the file's « Ajouter une fiche » and comes back once it is saved. */
async function fillFromFile(page: Page, gridTitle: string, fill: () => Promise<void>) {
  await page
    .getByRole("region", { name: "Ajouter une fiche" })
    .getByRole("link", { name: gridTitle })
    .click();
  await page.getByText(`Jeune : ${CODE}`).waitFor();
  await fill();
  await shot(page, `fill-${gridTitle}`);
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await page.getByText("Fiche enregistrée").waitFor();
  await page.getByRole("link", { name: "Retour au dossier du jeune" }).click();
  await page.getByRole("heading", { name: new RegExp(`Dossier de ${CODE}`) }).waitFor();
}

async function nextPages(page: Page, count: number) {
  for (let i = 0; i < count; i++) await page.getByRole("button", { name: "Suivant" }).click();
}

async function chooseInDropdown(page: Page, question: string, option: string) {
  // SurveyJS draws its own box over the input: hence force.
  await page.getByRole("combobox", { name: question }).click({ force: true });
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("a young person's file", () => {
  it.skipIf(!runBrowserTests)(
    "shows the situation at entry beside the latest one after profile, accompaniment and updates",
    async () => {
      const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(app!.url);
      await page.getByLabel("Adresse e-mail").fill("educateur@demo.bdc");
      await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page
        .getByRole("navigation", { name: "Navigation principale" })
        .getByRole("link", { name: "Mes jeunes" })
        .click();

      // Add the young person, with a commune picked from the official list.
      await page.getByRole("button", { name: "Ajouter un jeune" }).click();
      const form = page.getByRole("form", { name: "Ajouter un jeune" });
      await form.getByLabel("Code du jeune (facultatif)").fill(CODE);
      await form.getByLabel("Prénom ou initiales").fill("Lina");
      await form.getByLabel("Mois de naissance").selectOption({ label: "mars" });
      await form.getByLabel("Année de naissance").fill("2009");
      await form.getByRole("radio", { name: "Fille" }).check();
      await form.getByLabel("Commune de résidence").fill("Roub");
      await form.getByRole("button", { name: "Roubaix (59512)" }).waitFor();
      await shot(page, "0-commune-suggestions");
      await form.getByRole("button", { name: "Roubaix (59512)" }).click();
      await form.getByLabel("Quartier (facultatif)").fill("Épeule");
      await shot(page, "1-add-youth");
      await form.getByRole("button", { name: "Ajouter le jeune" }).click();
      await page.getByRole("link", { name: "Ouvrir son dossier" }).click();
      await page.getByRole("heading", { name: new RegExp(`Dossier de ${CODE}`) }).waitFor();
      await expect.poll(() => page.getByText("Roubaix (59512)").count()).toBe(1);

      await fillFromFile(page, "Fiche jeune", async () => {
        await page.getByLabel("Date de remplissage de la fiche").fill("2026-01-05");
        await page.getByRole("button", { name: "Suivant" }).click();
        await page.getByLabel("Mois du premier contact").fill("2025-12");
        await page.getByRole("button", { name: "Suivant" }).click();
        await page.getByRole("radio", { name: "Accompagnement durable" }).check({ force: true });
      });

      await fillFromFile(page, "Accompagnement individuel", async () => {
        await page.getByLabel("Début de l'accompagnement").fill("2026-01-12");
        await page.getByRole("radio", { name: "Accompagnement durable" }).check({ force: true });
        await nextPages(page, 2);
      });

      await fillFromFile(page, "Situation du jeune", async () => {
        await page.getByLabel("Date de la situation").fill("2026-01-12");
        await page.getByRole("radio", { name: "Entrée" }).check({ force: true });
        await page.getByRole("button", { name: "Suivant" }).click();
        await chooseInDropdown(
          page,
          "Situation scolaire / professionnelle",
          "Déscolarisé sans solution",
        );
        await nextPages(page, 2);
      });

      await fillFromFile(page, "Situation du jeune", async () => {
        await page.getByLabel("Date de la situation").fill("2026-09-01");
        await page.getByRole("radio", { name: "Changement de situation" }).check({ force: true });
        await page.getByRole("button", { name: "Suivant" }).click();
        await chooseInDropdown(page, "Situation scolaire / professionnelle", "Apprentissage / CFA");
        await nextPages(page, 2);
      });

      await shot(page, "2-file-desktop");
      const situations = page.getByRole("region", {
        name: "Situation à l'entrée et dernière situation",
      });
      const row = situations.getByRole("row", { name: /Situation scolaire/ });
      expect(await row.getByRole("cell").allInnerTexts()).toEqual([
        "Déscolarisé sans solution",
        expect.stringMatching(/^Apprentissage \/ CFA/),
      ]);
      const current = page.getByRole("region", { name: "Accompagnement en cours" });
      await expect.poll(() => current.getByText("12/01/2026").count()).toBe(1);
      const timeline = page
        .getByRole("region", { name: "Historique des fiches" })
        .getByRole("listitem");
      expect(await timeline.count()).toBe(4);
      expect(await timeline.first().innerText()).toMatch(/05\/01\/2026\s+Fiche jeune version 1/);

      await page.getByRole("button", { name: "Modifier l'identité" }).click();
      const edit = page.getByRole("form", { name: "Modifier l'identité" });
      await edit.getByLabel("Quartier (facultatif)").fill("Alma");
      await shot(page, "2b-edit-identity");
      await edit.getByRole("button", { name: "Enregistrer" }).click();
      const identity = page.getByRole("region", { name: "Identité" });
      await identity.getByText("Alma").waitFor();
      expect(await identity.getByText("Roubaix (59512)").count()).toBe(1);

      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, "3-file-phone");
      await page.getByRole("link", { name: "← Mes jeunes" }).click();
      // The filter's exact label: the file's sections « Accompagnement en cours »
      // match a loose one while the list is still loading (seen flaky once).
      await page
        .getByLabel("Accompagnement", { exact: true })
        .selectOption({ label: "Accompagnement en cours" });
      const listed = page.getByRole("row").filter({ hasText: CODE });
      await listed.waitFor();
      expect(await listed.getByRole("cell").last().innerText()).toBe("En cours");
      await shot(page, "4-list-phone");
      await page.setViewportSize({ width: 1280, height: 800 });
      await shot(page, "5-list-desktop");
    },
  );
});
