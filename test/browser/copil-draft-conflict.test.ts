import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, newFrenchPage, runBrowserTests } from "../support/browser.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";

// Two COPIL members edit the same draft: the second save is not lost
// silently; it shows what the first one changed and lets the person choose.

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

async function openDraft(): Promise<Page> {
  const page = await newFrenchPage(browser!);
  await page.goto(`${app!.url}/designer/`);
  await page.getByLabel("Adresse e-mail").fill("copil@demo.bdc");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { name: "Grilles", exact: true }).waitFor();
  await page.goto(`${app!.url}/designer/grilles/profil_jeune/brouillon`);
  await page.getByRole("heading", { name: /Fiche jeune — brouillon/ }).waitFor();
  return page;
}

async function relabel(page: Page, question: RegExp, label: string) {
  await page
    .getByRole("navigation", { name: "Plan de la grille" })
    .getByRole("button", { name: question })
    .click();
  await page.getByLabel("Libellé", { exact: true }).fill(label);
}

describe.skipIf(!runBrowserTests)("two COPIL members saving one draft", () => {
  it("shows the second one the first one's change instead of overwriting it", async () => {
    const first = await openDraft();
    const second = await openDraft();

    await relabel(first, /Quartier de résidence/, "Quartier (nom usuel)");
    await first.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await first.getByText("Brouillon enregistré.").waitFor();

    await relabel(second, /Observations/, "Observations de l'équipe");
    await second.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    const conflict = second
      .getByRole("alert")
      .filter({ hasText: "enregistré par quelqu'un d'autre" });
    await conflict.waitFor();
    expect(
      await conflict.getByRole("row").filter({ hasText: "quartier_residence" }).innerText(),
    ).toContain("Libellé changé");

    await conflict
      .getByRole("button", { name: "Abandonner mes modifications et recharger" })
      .click();
    await second.getByText(/Révision 2/).waitFor();
    const outline = second.getByRole("navigation", { name: "Plan de la grille" });
    expect(await outline.getByRole("button", { name: /Quartier \(nom usuel\)/ }).count()).toBe(1);
  });
});
