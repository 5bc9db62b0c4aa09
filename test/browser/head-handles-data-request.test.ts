import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ensureFrontEndsBuilt } from "../../engine/http/build-front-ends.ts";
import { launchBrowser, runBrowserTests } from "../support/browser.ts";
import { DEMO_PASSWORD, ROOT, startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn } from "../support/client.ts";
import { createYouth, newResponse, validProfile } from "../support/factories.ts";

// A young person asks for their data to be anonymised: the service head
// opens the file, reads the printable export, then anonymises it.

let app: TestServer | undefined;
let browser: Browser | undefined;
let youthId = "";

beforeAll(async () => {
  if (!runBrowserTests) return;
  await ensureFrontEndsBuilt(ROOT);
  app = await startTestServer({ withFrontEnds: true });
  browser = await launchBrowser();
  const educator = await loggedIn(app.url, "educateur@demo.bdc");
  youthId = (await createYouth(educator, { code: "RGPD-1", first_name: "Maëlys" })).id;
  await educator.post(
    "/api/responses",
    newResponse(youthId, validProfile({ observations: "Dort chez une amie" })),
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("a service head answering a data request", () => {
  it.skipIf(!runBrowserTests)(
    "reads the printable export, then anonymises the young person",
    async () => {
      const page = await browser!.newPage();
      await page.goto(app!.url);
      await page.getByLabel("Adresse e-mail").fill("chef@demo.bdc");
      await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
      await page.goto(`${app!.url}/jeunes/${youthId}`);

      const [printable] = await Promise.all([
        page.waitForEvent("popup"),
        page.getByRole("link", { name: "Voir toutes ses données (page imprimable)" }).click(),
      ]);
      await printable
        .getByRole("heading", { name: "Données enregistrées sur le jeune RGPD-1" })
        .waitFor();
      expect(
        await printable
          .getByRole("row", { name: /Observations/ })
          .first()
          .innerText(),
      ).toContain("Dort chez une amie");
      await printable.close();

      await page.getByRole("button", { name: "Anonymiser…" }).click();
      await page.getByRole("button", { name: "Confirmer l'anonymisation" }).click();
      await page.getByText("Jeune anonymisé·e : 2 réponse(s) en texte libre effacée(s).").waitFor();
      const identity = page.getByRole("definition").filter({ hasText: "Maëlys" });
      // The file reloads after the notice shows: wait for the first name to go.
      await expect.poll(() => identity.count()).toBe(0);
      await page.close();
    },
  );
});
