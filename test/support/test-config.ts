import { readConfig, type Config } from "../../engine/config.ts";

export const DEMO_PASSWORD = "motdepasse-des-tests";

/** The configuration every test server uses: port chosen by the system, demo seeded without records. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...readConfig({}),
    port: 0,
    demoPassword: DEMO_PASSWORD,
    seedDemo: false,
    // Tests play several client addresses through X-Forwarded-For, as a local
    // reverse proxy would send them (per-address login limits, audit).
    trustProxy: "loopback",
    ...overrides,
  };
}
