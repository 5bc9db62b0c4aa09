import { defineConfig } from "vitest/config";

// Three projects: pure unit tests once; API and browser tests on the embedded
// database always; API tests again on PostgreSQL when DATABASE_URL is set.
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        test: {
          name: "embedded",
          include: ["test/api/**/*.test.ts", "test/browser/**/*.test.ts"],
          env: { BDC_TEST_DB: "embedded", LOG_LEVEL: "warn" },
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(onPostgres
        ? [
            {
              test: {
                name: "postgres",
                include: ["test/api/**/*.test.ts"],
                // What only concerns the embedded database's folder.
                exclude: ["test/api/embedded-*.test.ts"],
                env: { BDC_TEST_DB: "postgres", LOG_LEVEL: "warn" },
                globalSetup: ["test/support/global-setup.ts"],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
