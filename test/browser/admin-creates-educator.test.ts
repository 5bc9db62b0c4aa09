import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, runBrowserTests } from "../support/browser.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn } from "../support/client.ts";
import { createYouth } from "../support/factories.ts";

// The association admin's story, through the built runtime in Chromium:
// create an educator for the Roubaix service in « Administration », then
// the educator signs in, must first replace the provisional password, and
// then sees only that service's young people.

const EMAIL = "samia.roubaix@demo.bdc";
const PASSWORD = "provisoire-roubaix-2026";

let app: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!runBrowserTests) return;
  await ensureFrontEndsBuilt(ROOT);
  app = await startTestServer({ withFrontEnds: true });
  browser = await launchBrowser();
  // One young person in each of three services: Roubaix (the new educator's), Lille-Sud, and another association's.
  await createYouth(await loggedIn(app.url, "educateur.roubaix@demo.bdc"), {
    code: "ROUBAIX-1",
    first_name: "Nael",
  });
  await createYouth(await loggedIn(app.url, "educateur@demo.bdc"), {
    code: "LILLE-1",
    first_name: "Lina",
  });
  await createYouth(await loggedIn(app.url, "educateur2@demo.bdc"), {
    code: "HORIZONS-1",
    first_name: "Yanis",
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
}

describe("an association admin creating an educator", () => {
  it.skipIf(!runBrowserTests)(
    "creates the account in Administration; the educator then sees only their service's young people",
    async () => {
      const page = await browser!.newPage();
      await page.goto(app!.url);
      await signIn(page, "admin@demo.bdc", DEMO_PASSWORD);

      await page.getByRole("link", { name: "Administration" }).click();
      await page.getByRole("heading", { name: "Comptes" }).waitFor();
      await page.getByRole("button", { name: "Créer un compte" }).click();
      const form = page.getByRole("form", { name: "Créer un compte" });
      await form.getByLabel("Adresse e-mail").fill(EMAIL);
      await form.getByLabel("Nom affiché").fill("Samia B.");
      await form.getByLabel("Rôle").selectOption({ label: "Éducateur·rice" });
      await form.getByLabel("Service").selectOption({ label: "Service de prévention Roubaix" });
      await form.getByLabel("Mot de passe provisoire").fill(PASSWORD);
      await form.getByRole("button", { name: "Créer le compte" }).click();
      await page.getByText(`Compte créé pour Samia B. (${EMAIL}).`).waitFor();
      const row = page.getByRole("row").filter({ hasText: EMAIL });
      expect(await row.getByRole("cell").nth(2).innerText()).toBe(
        "Éducateur·rice · Service de prévention Roubaix",
      );

      await page.getByRole("link", { name: "Journal" }).click();
      await page.getByRole("cell", { name: "Compte créé" }).first().waitFor();
      expect(
        await page.getByRole("row").filter({ hasText: "Compte créé" }).first().innerText(),
      ).toContain(EMAIL);

      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await signIn(page, EMAIL, PASSWORD);
      // The provisional password opens nothing but the page to choose one's own.
      await page.getByRole("heading", { name: "Choisissez votre mot de passe" }).waitFor();
      const nav = page.getByRole("navigation", { name: "Navigation principale" });
      expect(await nav.getByRole("link").count()).toBe(0);
      await page.getByLabel("Mot de passe provisoire reçu").fill(PASSWORD);
      await page
        .getByLabel("Nouveau mot de passe", { exact: true })
        .fill("ma-phrase-secrete-a-moi");
      await page
        .getByLabel("Nouveau mot de passe, une seconde fois")
        .fill("ma-phrase-secrete-a-moi");
      await page.getByRole("button", { name: "Changer le mot de passe" }).click();

      // Then the app opens, on this service's young people only.
      expect(await nav.getByRole("link", { name: "Administration" }).count()).toBe(0);
      await nav.getByRole("link", { name: "Jeunes" }).click();
      await page.getByRole("cell", { name: "ROUBAIX-1" }).waitFor();
      const codes = await page.locator("table.list tbody tr td:first-child").allInnerTexts();
      expect(codes).toEqual(["ROUBAIX-1"]);
      await page.close();
    },
  );
});
