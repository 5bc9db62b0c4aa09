import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loginFrom, uniqueEmail } from "../support/access.ts";

// Reported by the break-it run: with "trust proxy" always on, any local client
// could name its own address in X-Forwarded-For and dodge the per-address
// login limit. Without BDC_TRUST_PROXY the header is ignored.
let app: TestServer;
beforeAll(async () => {
  app = await startTestServer({ config: { trustProxy: undefined } });
});
afterAll(() => app.close());

describe("the client's address without a configured proxy", () => {
  it("is the connection's, whatever X-Forwarded-For claims", async () => {
    const email = uniqueEmail("adresse");
    await loginFrom(app.url, email, "mauvais-mot-de-passe", "198.51.100.77");
    const rows = await app.db("login_attempts").where({ email }).select("ip");
    expect(rows).toHaveLength(1);
    expect(rows[0].ip).not.toBe("198.51.100.77");
    expect(rows[0].ip).toMatch(/127\.0\.0\.1/);
  });
});
