import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

// Browser tests use Debian's Chromium. Without it they skip, unless
// BDC_REQUIRE_BROWSER=1 (as in CI), where a missing browser is a failure.

export const CHROMIUM = "/usr/bin/chromium";
export const browserAvailable = fs.existsSync(CHROMIUM);

export async function launchBrowser(): Promise<Browser | undefined> {
  if (!browserAvailable) {
    if (process.env.BDC_REQUIRE_BROWSER === "1") {
      throw new Error(
        `BDC_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install -y chromium`,
      );
    }
    return undefined;
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Browser tests run when Chromium is there, or must run when CI requires it. */
export const runBrowserTests = browserAvailable || process.env.BDC_REQUIRE_BROWSER === "1";

/** A page as a French educator's browser shows it: French locale, Paris time. */
export function newFrenchPage(browser: Browser, viewport = { width: 1280, height: 800 }) {
  return browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris", viewport });
}
