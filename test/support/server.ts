import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Knex } from "knex";
import { startServer } from "../../engine/http/server.ts";
import type { Config } from "../../engine/config.ts";
import { freshDatabase } from "./database.ts";
import { testConfig } from "./test-config.ts";

export { DEMO_PASSWORD } from "./test-config.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type TestServer = { url: string; db: Knex; close: () => Promise<void> };

/**
 * A real HTTP server on a loopback port over this file's own database (a copy
 * of the run's template: shipped grids, demo accounts, no records).
 */
export async function startTestServer(
  options: { config?: Partial<Config>; withFrontEnds?: boolean } = {},
): Promise<TestServer> {
  const database = await freshDatabase();
  const running = await startServer(testConfig(options.config), {
    db: database.db,
    distDir: options.withFrontEnds ? path.join(ROOT, "dist") : undefined,
  });
  return {
    url: running.url,
    db: database.db,
    close: async () => {
      await running.close();
      await database.drop();
    },
  };
}
