import crypto from "node:crypto";
import fs from "node:fs";
import knex, { type Knex } from "knex";
import { inject } from "vitest";
import { openPostgresDb } from "../../engine/store/db.ts";
import { newPglite, openEmbeddedDb } from "../../engine/store/db-embedded.ts";
import { databaseUrlFor } from "./global-setup.ts";

// A throw-away database for one test file, copied from the run's template:
// a PGlite in memory, or a new PostgreSQL database when the project says so.

export type TestDatabase = { db: Knex; kind: "embedded" | "postgres"; drop: () => Promise<void> };

export async function freshDatabase(): Promise<TestDatabase> {
  if (process.env.BDC_TEST_DB === "postgres") return freshPostgres();
  const file = inject("embeddedTemplate");
  const pglite = newPglite("memory://", new Blob([fs.readFileSync(file)]));
  const db = openEmbeddedDb({ pglite });
  return { db, kind: "embedded", drop: () => db.destroy() };
}

async function freshPostgres(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL!;
  const template = inject("postgresTemplate");
  const name = `${template.replace(/_tpl$/, "")}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = knex({ client: "pg", connection: base, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`create database ${name} template ${template}`);
  } finally {
    await admin.destroy();
  }
  const db = openPostgresDb(databaseUrlFor(base, name));
  return {
    db,
    kind: "postgres",
    drop: async () => {
      await db.destroy();
      const cleaner = knex({ client: "pg", connection: base, pool: { min: 0, max: 1 } });
      await cleaner.raw(`drop database if exists ${name} with (force)`);
      await cleaner.destroy();
    },
  };
}
