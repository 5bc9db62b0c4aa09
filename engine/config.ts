import path from "node:path";

// Every setting the server reads from its environment, in one place.
export type Config = {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  demoPassword: string;
  /** Seed the demo federation on an empty database (always on the embedded one). */
  seedDemo: boolean;
  sessionHours: number;
  smallCellThreshold: number;
  secureCookies: boolean;
  logLevel: string;
  /** Express "trust proxy" setting (e.g. "loopback" behind a local reverse proxy); off by default. */
  trustProxy?: string;
};

export const DEFAULT_DEMO_PASSWORD = "demo-bdc-2026";

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    databaseUrl,
    dataDir: path.resolve(env.BDC_DATA_DIR ?? "./data"),
    port: Number.parseInt(env.PORT ?? "3000", 10),
    demoPassword: env.BDC_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    seedDemo: databaseUrl ? env.BDC_SEED_DEMO === "1" : env.BDC_SEED_DEMO !== "0",
    sessionHours: Number.parseInt(env.BDC_SESSION_HOURS ?? "10", 10),
    smallCellThreshold: Number.parseInt(env.BDC_SMALL_CELL_THRESHOLD ?? "5", 10),
    secureCookies: env.BDC_SECURE_COOKIES === "1",
    logLevel: env.LOG_LEVEL ?? "info",
    trustProxy: env.BDC_TRUST_PROXY || undefined,
  };
}
