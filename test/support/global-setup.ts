import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import knex from "knex";
import { migrateToLatest, openPostgresDb } from "../../engine/store/db.ts";
import { newPglite, openEmbeddedDb } from "../../engine/store/db-embedded.ts";
import { prepareDatabase } from "../../engine/store/prepare.ts";
import { seedDemo } from "../../engine/store/seed.ts";
import { DEMO_PASSWORD, testConfig } from "./test-config.ts";

// Builds one migrated database per run, with the shipped grids and the demo
// accounts (no records), that every test file copies: a PGlite data folder
// dump for the embedded database, a template database on PostgreSQL.

declare module "vitest" {
  export interface ProvidedContext {
    embeddedTemplate: string;
    postgresTemplate: string;
  }
}

async function fill(db: knex.Knex) {
  await migrateToLatest(db);
  await prepareDatabase(db, testConfig());
  await seedDemo(db, { password: DEMO_PASSWORD, youth: 0, seed: 7 });
}

export default async function setup(project: TestProject) {
  const target = process.env.BDC_TEST_DB ?? project.config.env?.BDC_TEST_DB;
  if (target === "postgres") return setupPostgres(project);
  return setupEmbedded(project);
}

async function setupEmbedded(project: TestProject) {
  const pglite = newPglite("memory://");
  const db = openEmbeddedDb({ pglite });
  await fill(db);
  const dump = await pglite.dumpDataDir("gzip");
  await db.destroy();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bdc-test-")), "template.tar.gz");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("embeddedTemplate", file);
  project.provide("postgresTemplate", "");
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function databaseUrlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function setupPostgres(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("the postgres test project needs DATABASE_URL");
  const runId = `bdc_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = knex({ client: "pg", connection: base, pool: { min: 0, max: 1 } });
  const template = `${runId}_tpl`;
  await admin.raw(`create database ${template}`);
  const db = openPostgresDb(databaseUrlFor(base, template));
  await fill(db);
  await db.destroy();
  project.provide("postgresTemplate", template);
  project.provide("embeddedTemplate", "");
  return async () => {
    // Drop the template and any copy a crashed test file left behind.
    const rows = await admin("pg_database").where("datname", "like", `${runId}%`).select("datname");
    for (const { datname } of rows)
      await admin.raw(`drop database if exists ${datname} with (force)`);
    await admin.destroy();
  };
}
