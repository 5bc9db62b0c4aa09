import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, newFrenchPage, runBrowserTests } from "../support/browser.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";
import { insertRecord, insertYouth } from "../support/table-data.ts";
import { readXlsx } from "../support/xlsx-read.ts";

// An association admin builds a table without writing any JSON: grid,
// measure, rows, columns; sees the result at once; saves it; downloads it.

const TITLE = "Relation éducative des jeunes par sexe";

let app: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!runBrowserTests) return;
  await ensureFrontEndsBuilt(ROOT);
  app = await startTestServer({ withFrontEnds: true });
  for (const sex of ["fille", "fille", "garcon"]) {
    const youth = await insertYouth(app.db, {
      organisation: "avenir_jeunes_2",
      sex,
      birth_year: 2010,
    });
    await insertRecord(app.db, {
      grid: "profil_jeune",
      organisation: "avenir_jeunes_2",
      subject: youth,
      occurred_on: "2026-03-14",
      data: { niveau_relation: "contact" },
    });
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("the table builder", () => {
  it.skipIf(!runBrowserTests)("builds a table, saves it and downloads it as XLSX", async () => {
    const page = await newFrenchPage(browser!);
    await page.goto(app!.url);
    await page.getByLabel("Adresse e-mail").fill("admin@demo.bdc");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Grilles" }).waitFor();

    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Tableaux" })
      .click();
    await page.getByRole("link", { name: "Créer un tableau" }).click();
    await page.getByLabel("Grille").selectOption({ label: "Fiche jeune" });
    await page.getByLabel("Compter").selectOption({ label: "Nombre de jeunes (distincts)" });
    await page.getByRole("button", { name: "Ajouter une dimension en lignes" }).click();
    await page
      .getByLabel("En lignes, dimension 1")
      .selectOption({ label: "Niveau de la relation éducative" });
    await page.getByRole("button", { name: "Ajouter une dimension en colonnes" }).click();
    await page.getByLabel("En colonnes, dimension 1").selectOption({ label: "Sexe" });

    // The result shows before anything is saved.
    const preview = page.getByRole("region", { name: /^Résultats :/ });
    await preview.getByRole("rowheader", { name: "Simple contact" }).waitFor();
    await expect
      .poll(() => preview.getByRole("gridcell", { name: "3" }).count())
      .toBeGreaterThan(0);

    await page.getByLabel("Titre du tableau").fill(TITLE);
    await page.getByRole("button", { name: "Enregistrer le tableau" }).click();
    await page.getByRole("heading", { name: TITLE }).waitFor();
    await page.getByRole("region", { name: `Résultats : ${TITLE}` }).waitFor();
    await page.getByRole("img", { name: `Graphique en barres : ${TITLE}` }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Télécharger en XLSX" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("relation_educative_des_jeunes_par_sexe.xlsx");
    const [sheet] = readXlsx(fs.readFileSync((await download.path())!));
    expect(sheet!.rows[0]).toEqual([TITLE]);
    expect(sheet!.rows[1]).toEqual([
      "Toutes les dates — les fiches de votre service ou de votre association.",
    ]);
    expect(sheet!.rows[3]).toEqual([
      "Niveau de la relation éducative",
      "Filles",
      "Garçons",
      "Autre / non précisé",
      "Total",
    ]);
    expect(sheet!.rows).toContainEqual(["Simple contact", 2, 1, 0, 3]);

    // A table made in the app can be deleted, after a confirmation.
    await page.getByRole("button", { name: "Supprimer ce tableau…" }).click();
    await page
      .getByRole("group", { name: "Confirmer la suppression" })
      .getByRole("button", { name: "Supprimer définitivement" })
      .click();
    await page.getByRole("heading", { name: "Tableaux", exact: true }).waitFor();
    expect(await page.getByRole("link", { name: new RegExp(`^${TITLE}`) }).count()).toBe(0);
    expect(await app!.db("table_definitions").where({ title: TITLE }).first("id")).toBeUndefined();
  });
});
