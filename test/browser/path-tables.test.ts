import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, newFrenchPage, runBrowserTests } from "../support/browser.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";
import { insertRecord, insertYouth } from "../support/table-data.ts";

// The tables page lists the path tables apart; an educator opens one and
// reads the young people who left school without a solution and now have a
// job. An analyst sees the federation's figures and picks whole years only.

let app: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!runBrowserTests) return;
  await ensureFrontEndsBuilt(ROOT);
  app = await startTestServer({ withFrontEnds: true });
  // Six young people of one service: out of school at entry, in a precarious job now.
  for (let i = 0; i < 6; i++) {
    const youth = await insertYouth(app.db, { organisation: "avenir_jeunes_1", sex: "garcon" });
    for (const [date, moment, situation] of [
      ["2025-09-01", "entree", "descolarise_sans_solution"],
      ["2026-05-01", "point_annuel", "emploi_precaire"],
    ] as const) {
      await insertRecord(app.db, {
        grid: "suivi_situation",
        organisation: "avenir_jeunes_1",
        subject: youth,
        occurred_on: date,
        data: { date_situation: date, moment, situation_scolaire_pro: situation },
      });
    }
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(app!.url);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("navigation", { name: "Navigation principale" }).waitFor();
}

const PATH_TABLE =
  "Parcours scolaire ou professionnel : situation à l'entrée et dernière situation";

describe("path tables", () => {
  it.skipIf(!runBrowserTests)("an educator opens one from « Parcours des jeunes »", async () => {
    const page = await newFrenchPage(browser!);
    await logIn(page, "educateur@demo.bdc");
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Tableaux" })
      .click();
    const paths = page.getByRole("region", { name: "Parcours des jeunes" });
    await paths.getByRole("link", { name: new RegExp(`^${PATH_TABLE}`) }).click();
    await page.getByRole("heading", { name: PATH_TABLE }).waitFor();

    const result = page.getByRole("region", { name: `Résultats : ${PATH_TABLE}` });
    await result.getByRole("rowheader", { name: "Déscolarisé sans solution" }).waitFor();
    await expect.poll(() => result.getByRole("gridcell", { name: "6" }).count()).toBeGreaterThan(0);
    await page.getByText("Chaque jeune compte une fois : situation à l'entrée").waitFor();
    // A service reads its own dates freely.
    await page.getByLabel("Du").waitFor();
    await page.close();
  });

  it.skipIf(!runBrowserTests)("an analyst picks a whole year at federation scope", async () => {
    const page = await newFrenchPage(browser!);
    await logIn(page, "analyste@demo.bdc");
    await page.goto(`${app!.url}/tableaux/parcours_scolaire_pro`);
    await page
      .getByText("Toutes les associations de la fédération ; les petits effectifs sont masqués.")
      .waitFor();
    const year = page.getByLabel("Année civile (date de la fiche)");
    await year.selectOption("2026");
    await expect.poll(() => page.url()).toContain("/tableaux/parcours_scolaire_pro");
    const link = page.getByRole("link", { name: /XLSX/ }).first();
    await expect.poll(() => link.getAttribute("href")).toContain("from=2026-01-01&to=2026-12-31");
    // Six young people, masked at no cell (6 ≥ 5), rounded to 5.
    const result = page.getByRole("region", { name: `Résultats : ${PATH_TABLE}` });
    await expect.poll(() => result.getByRole("gridcell", { name: "5" }).count()).toBeGreaterThan(0);
    await expect(page.getByRole("alert").count()).resolves.toBe(0);
    await page.close();
  });

  it.skipIf(!runBrowserTests)(
    "an admin builds a path table without JSON and saves it",
    async () => {
      const page = await newFrenchPage(browser!);
      await logIn(page, "admin@demo.bdc");
      await page.goto(`${app!.url}/tableaux/nouveau`);
      await page.getByLabel("Grille").selectOption({ label: "Situation du jeune" });
      await page.getByLabel("Compter").selectOption({
        label: "Parcours des jeunes (situation à l'entrée et dernière situation)",
      });
      await page.getByRole("button", { name: "Ajouter une dimension en lignes" }).click();
      await page
        .getByLabel("En lignes, dimension 1")
        .selectOption({ label: "À l'entrée : Situation scolaire / professionnelle" });
      await page.getByRole("button", { name: "Ajouter une dimension en colonnes" }).click();
      await page
        .getByLabel("En colonnes, dimension 1")
        .selectOption({ label: "Dernière : Situation scolaire / professionnelle" });
      await expect(page.getByText("Ajouter un filtre sur…").count()).resolves.toBe(0);

      const preview = page.getByRole("region", { name: /^Résultats :/ });
      await preview.getByRole("rowheader", { name: "Déscolarisé sans solution" }).waitFor();
      await expect
        .poll(() => preview.getByRole("gridcell", { name: "6" }).count())
        .toBeGreaterThan(0);

      const title = "Sortie de la déscolarisation";
      await page.getByLabel("Titre du tableau").fill(title);
      await page.getByRole("button", { name: "Enregistrer le tableau" }).click();
      await page.getByRole("heading", { name: title }).waitFor();
      await page.getByRole("link", { name: "← Tous les tableaux" }).click();
      await page
        .getByRole("region", { name: "Parcours des jeunes" })
        .getByRole("link", { name: new RegExp(`^${title}`) })
        .waitFor();
      const stored = await app!
        .db("table_definitions")
        .where({ code: "sortie_de_la_descolarisation" })
        .first("definition");
      expect(stored.definition).toMatchObject({
        kind: "transition",
        grid: "suivi_situation",
        rows: [{ kind: "situation_at", question: "situation_scolaire_pro", moment: "entry" }],
        columns: [{ kind: "situation_at", question: "situation_scolaire_pro", moment: "latest" }],
      });
      await page.close();
    },
  );
});
