import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, runBrowserTests } from "../support/browser.ts";
import { loggedIn } from "../support/client.ts";
import { createYouth } from "../support/factories.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";

// A collective action through the runtime: the educator creates the action
// while filling « Action collective », links two young people of the service
// and counts three anonymous participants; the record then shows in each
// young person's file.

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

async function shot(page: Page, name: string) {
  const dir = process.env.BDC_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

describe("a collective action", () => {
  it.skipIf(!runBrowserTests)(
    "is created from its grid with linked young people and anonymous participants",
    async () => {
      const api = await loggedIn(app!.url, "educateur@demo.bdc");
      const sami = await createYouth(api, { code: "SAMI-E2E", first_name: "Sami", sex: "garcon" });
      await createYouth(api, { code: "NOUR-E2E", first_name: "Nour" });

      const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(app!.url);
      await page.getByLabel("Adresse e-mail").fill("educateur@demo.bdc");
      await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("link", { name: /Action collective/ }).click();

      await page.getByRole("button", { name: "Créer une action collective" }).click();
      const form = page.getByRole("form", { name: "Créer une action collective" });
      await form.getByLabel("Intitulé de l'action").fill("Sortie au lac");
      await form.getByLabel("Premier jour").fill("2026-06-10");
      await form.getByRole("searchbox").fill("E2E");
      await form.getByRole("checkbox", { name: /SAMI-E2E/ }).check();
      await form.getByRole("checkbox", { name: /NOUR-E2E/ }).check();
      await form.getByLabel("Filles, 11-15 ans").fill("2");
      await form.getByLabel("Garçons, 16-17 ans").fill("1");
      await shot(page, "action-1-create");
      if (process.env.BDC_SCREENSHOTS) {
        await page.setViewportSize({ width: 390, height: 844 });
        await shot(page, "action-1-create-phone");
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      await form.getByRole("button", { name: "Créer une action collective" }).click();
      await page.getByText("Action collective : Sortie au lac").waitFor();

      await page.getByRole("radio", { name: "Action ponctuelle" }).check({ force: true });
      await page.getByLabel("Intitulé de l'action ou de la séance").fill("Sortie au lac");
      await page.getByRole("combobox", { name: "Type d'action" }).click({ force: true });
      await page.getByRole("option", { name: "Sortie / loisirs", exact: true }).click();
      await page.getByLabel("Date (premier jour)").fill("2026-06-10");
      const save = page.getByRole("button", { name: "Enregistrer la fiche" });
      while (!(await save.isVisible())) await page.getByRole("button", { name: "Suivant" }).click();
      await save.click();
      await page.getByText("Fiche enregistrée").waitFor();

      const actions = (await api.get("/api/subjects?kind=action")).body;
      const action = (await api.get(`/api/subjects/${actions[0].id}`)).body;
      expect(action.participants).toMatchObject({ linked_youth: 2, anonymous: 3, total: 5 });

      await page.goto(`${app!.url}/jeunes/${sami.id}`);
      const timeline = page.getByRole("region", { name: "Historique des fiches" });
      await timeline.getByRole("link", { name: "Action collective" }).waitFor();
      expect(await timeline.getByRole("listitem").first().innerText()).toMatch(
        /10\/06\/2026\s+Action collective version 1/,
      );
      await shot(page, "action-2-youth-file");
    },
  );
});
