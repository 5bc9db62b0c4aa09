import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, runBrowserTests } from "../support/browser.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import { createYouth, newResponse, validProfile } from "../support/factories.ts";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";

// The COPIL's whole loop in Chromium: a new question with choices and a
// condition on profil_jeune, previewed, published as version 2 with a note;
// records on both versions; a referent's proposal accepted into the next draft.
// The educator fills version 2 and reopens a version 1 record in the runtime.
// BDC_SCREENSHOTS=1 saves each screen in screenshots/ (1280×800 and 390×844).

let app: TestServer;
let browser: Browser | undefined;
let educator: ApiClient;
let v1RecordId: string;

const shots = process.env.BDC_SCREENSHOTS === "1";
async function shoot(page: Page, name: string) {
  if (!shots) return;
  const dir = path.join(ROOT, "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({
    path: path.join(dir, `${name}-${page.viewportSize()?.width}.png`),
    fullPage: true,
  });
}

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${app.url}/designer/`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { name: "Grilles", exact: true }).waitFor();
  return page;
}

describe.skipIf(!runBrowserTests)("a COPIL member publishes a new version of profil_jeune", () => {
  let copilContext: BrowserContext;
  let copil: Page;

  beforeAll(async () => {
    await ensureFrontEndsBuilt(ROOT);
    app = await startTestServer({ withFrontEnds: true });
    browser = await launchBrowser();
    educator = await loggedIn(app.url, "educateur@demo.bdc");
    const youth = await createYouth(educator);
    v1RecordId = (
      await educator.post(
        "/api/responses",
        newResponse(youth.id, validProfile({ suivi_alses: "non" })),
      )
    ).body.id;
    copilContext = await browser!.newContext({
      viewport: { width: 1280, height: 800 },
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
    });
    copil = await signIn(copilContext, "copil@demo.bdc");
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("adds a question with a choice list and a visibleIf, and previews it", async () => {
    await shoot(copil, "01-grilles");
    await copil
      .getByRole("article", { name: "Fiche jeune" })
      .getByRole("link", { name: "Créer le brouillon" })
      .click();
    await copil.getByRole("heading", { name: /Fiche jeune — brouillon/ }).waitFor();

    await copil.getByLabel("Type de la question à ajouter à la page 3").selectOption("radiogroup");
    await copil.getByRole("button", { name: "Ajouter à la page 3" }).click();
    await copil.getByLabel("Code", { exact: true }).fill("hebergement_actuel");
    await copil.getByLabel("Libellé", { exact: true }).fill("Hébergement actuel");
    await copil.getByLabel("Code du choix 1").fill("famille");
    await copil.getByLabel("Libellé du choix 1").fill("Chez sa famille");
    await copil.getByLabel("Code du choix 2").fill("tiers");
    await copil.getByLabel("Libellé du choix 2").fill("Chez un tiers");
    await copil.getByRole("button", { name: "Ajouter un choix" }).click();
    await copil.getByLabel("Code du choix 3").fill("foyer");
    await copil.getByLabel("Libellé du choix 3").fill("En foyer");

    const visible = copil.getByRole("group", { name: "Visible si" });
    await visible.getByRole("button", { name: "Ajouter une condition" }).click();
    await visible.getByLabel("Question de la condition 1").selectOption("suivi_alses");
    await visible.getByLabel("Valeur de la condition 1").selectOption("non");
    await expect
      .poll(() => visible.getByLabel("Expression SurveyJS").inputValue())
      .toBe("{suivi_alses} = 'non'");

    const preview = copil.getByRole("region", { name: "Aperçu" });
    await preview.getByLabel("Toutes les pages d'un coup").check();
    await expect.poll(() => preview.getByText("Hébergement actuel").count()).toBe(0);
    await preview
      .getByRole("radiogroup", { name: /Connu ou suivi par l'ALSES/ })
      .getByText("Non")
      .click();
    await preview.getByText("Hébergement actuel").first().waitFor();
    await preview.getByRole("button", { name: "Vérifier les réponses comme le serveur" }).click();
    await expect
      .poll(() => preview.getByRole("status").textContent())
      .toContain("Le serveur refuserait");
    await shoot(copil, "02-editeur");
  });

  it("saves the draft and publishes it as version 2 with a note", async () => {
    await copil.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await copil.getByText("Brouillon enregistré.").waitFor();
    await copil
      .getByLabel("Note de version (ce qui change et pourquoi)")
      .fill("Ajout de l'hébergement actuel.");
    await shoot(copil, "03-publication");
    await copil.getByRole("button", { name: "Publier la version 2" }).click();
    await copil.getByRole("heading", { name: "Version 2 publiée" }).waitFor();

    const v2 = await educator.get("/api/grids/profil_jeune/versions/2");
    expect(v2.body.note).toBe("Ajout de l'hébergement actuel.");
    const question = v2.body.survey.pages[2].elements.find(
      (e: { name: string }) => e.name === "hebergement_actuel",
    );
    expect(question).toMatchObject({ type: "radiogroup", visibleIf: "{suivi_alses} = 'non'" });
    expect(question.choices.map((c: { value: string }) => c.value)).toEqual([
      "famille",
      "tiers",
      "foyer",
    ]);
  });

  it("lets an educator fill version 2 in the runtime, new question included", async () => {
    await createYouth(educator, { code: "HEB-E2E" });
    const context = await browser!.newContext({
      viewport: { width: 1280, height: 800 },
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
    });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByLabel("Adresse e-mail").fill("educateur@demo.bdc");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Grilles" }).waitFor();
    await page.getByRole("link", { name: /Fiche jeune/ }).click();
    await page.getByText("Version 2").waitFor();
    await page.getByLabel("Rechercher par code ou prénom").fill("HEB-E2E");
    await page.getByRole("button", { name: /HEB-E2E/ }).click();

    await page.getByLabel("Date de remplissage de la fiche").fill("2026-03-20");
    await page.getByRole("button", { name: "Suivant" }).click();
    await page.getByLabel("Mois du premier contact").fill("2026-03");
    await page.getByRole("button", { name: "Suivant" }).click();
    // SurveyJS draws its own circle over a visually hidden native radio: hence force.
    await page.getByRole("radio", { name: "Accompagnement durable" }).check({ force: true });
    expect(await page.getByText("Hébergement actuel").count()).toBe(0);
    await page.getByRole("radio", { name: "Non" }).check({ force: true });
    // The question has just appeared: click its label as a person would.
    await page.getByText("En foyer", { exact: true }).click();
    await expect.poll(() => page.getByRole("radio", { name: "En foyer" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await page.getByText("Fiche enregistrée").waitFor();
    await context.close();

    const records = await educator.get("/api/responses?grid=profil_jeune");
    const filled = records.body.find((r: { subject_code: string }) => r.subject_code === "HEB-E2E");
    expect(filled).toMatchObject({
      version: 2,
      data: { suivi_alses: "non", hebergement_actuel: "foyer" },
    });
  });

  it("still opens a version 1 record with version 1's questions, and moves it to version 2 on request", async () => {
    const context = await browser!.newContext({
      viewport: { width: 1280, height: 800 },
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
    });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByLabel("Adresse e-mail").fill("educateur@demo.bdc");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Grilles" }).waitFor();
    await page.goto(`${app.url}/fiches/${v1RecordId}`);
    await page.getByText("Connu ou suivi par l'ALSES (éducateur en collège)").waitFor();
    const facts = page.locator("dl.facts");
    expect(await facts.innerText()).toMatch(/Version de la grille\s+1/);
    // In version 2 this answer would show « Hébergement actuel »; version 1 never asked it.
    expect(await page.getByText("Hébergement actuel").count()).toBe(0);

    // Moving it to version 2 is offered, with the changes shown first.
    await page
      .getByRole("button", { name: "Voir les changements et passer à la version 2" })
      .click();
    await page.getByText("Question ajoutée : hebergement_actuel").waitFor();
    await shoot(page, "07-fiche-v1");
    await page.getByRole("button", { name: "Passer à la version 2", exact: true }).click();
    await expect.poll(() => facts.innerText()).toMatch(/Version de la grille\s+2/);
    await page.getByText("Hébergement actuel").waitFor();
    await context.close();
  });

  it("shows the diff between versions 1 and 2 with its class", async () => {
    await copil.goto(`${app.url}/designer/grilles/profil_jeune/comparer?from=1&to=2`);
    const changes = copil.getByRole("region", { name: "Changements" });
    await changes.getByText("Question ajoutée").waitFor();
    expect(await changes.getByText("hebergement_actuel").count()).toBeGreaterThan(0);
    await shoot(copil, "04-comparer");
  });

  it("accepts a referent's proposal into the next draft", async () => {
    const referentContext = await browser!.newContext({
      viewport: { width: 1280, height: 800 },
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
    });
    const referent = await signIn(referentContext, "referent@demo.bdc");
    await referent.goto(`${app.url}/designer/grilles/profil_jeune/proposer`);
    await referent.getByRole("heading", { name: /Proposer un changement/ }).waitFor();
    await referent.getByRole("button", { name: /Réside en quartier prioritaire/ }).click();
    await referent.getByRole("button", { name: "Ajouter un choix" }).click();
    await referent.getByLabel("Code du choix 4").fill("quartier_veille");
    await referent.getByLabel("Libellé du choix 4").fill("Quartier de veille active");
    await referent
      .getByLabel("Pourquoi ce changement ? (lu par le COPIL)")
      .fill("Les équipes de l'Est distinguent ces quartiers.");
    await referent.getByRole("button", { name: "Envoyer la proposition" }).click();
    await referent.getByRole("heading", { name: /Proposition n° \d+/ }).waitFor();
    await referent.getByText("Choix ajouté").waitFor();
    await shoot(referent, "05-proposition");
    const proposalUrl = referent.url().replace(/^.*\/designer/, "/designer");
    await referentContext.close();

    await copil.goto(`${app.url}${proposalUrl}`);
    await copil.getByRole("button", { name: "Accepter et intégrer au brouillon" }).click();
    await copil.getByText(/Acceptée par Membre du COPIL/).waitFor();

    await copil.goto(`${app.url}/designer/grilles/profil_jeune/brouillon`);
    await copil.getByRole("button", { name: /Réside en quartier prioritaire/ }).click();
    expect(await copil.getByLabel("Code du choix 4").inputValue()).toBe("quartier_veille");
    await shoot(copil, "06-brouillon-suivant");
  });

  it("fits a phone screen", async () => {
    if (!shots) return;
    const phone = await browser!.newContext({
      viewport: { width: 390, height: 844 },
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
    });
    const page = await signIn(phone, "copil@demo.bdc");
    await shoot(page, "01-grilles");
    await page.goto(`${app.url}/designer/grilles/profil_jeune/brouillon`);
    await page.getByRole("button", { name: /Réside en quartier prioritaire/ }).click();
    await shoot(page, "02-editeur");
    await phone.close();
  });
});
