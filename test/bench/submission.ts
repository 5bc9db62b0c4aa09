import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Knex } from "knex";
import { migrateToLatest, openPostgresDb } from "../../engine/store/db.ts";
import { openEmbeddedDb } from "../../engine/store/db-embedded.ts";
import { prepareDatabase } from "../../engine/store/prepare.ts";
import { seedDemo } from "../../engine/store/seed.ts";
import { findPublishedVersion } from "../../engine/store/grids.ts";
import { createResponse } from "../../engine/store/responses.ts";
import { createYouth } from "../../engine/store/subjects.ts";
import { rolesOf } from "../../engine/access/sessions.ts";
import type { Caller } from "../../engine/access/caller.ts";
import { createResponseValidator } from "../../engine/response/validate.ts";
import { generateAnswers } from "../../engine/store/answer-generator.ts";
import { seededRandom } from "../../engine/store/random.ts";
import { readConfig } from "../../engine/config.ts";

// The submission path's rate: validation alone, then validate + store through
// the repository (one transaction per record, as the API does), one process.

const VALIDATIONS = 5_000;
const SUBMISSIONS = 1_000;

async function callerFor(db: Knex, email: string): Promise<Caller> {
  const user = await db("users").where({ email }).first("id", "display_name");
  return {
    userId: user.id,
    email,
    displayName: user.display_name,
    roles: await rolesOf(db, user.id),
    sessionId: "bench",
    csrfToken: "bench",
  };
}

export async function benchSubmissions(label: string, db: Knex): Promise<void> {
  await migrateToLatest(db);
  await prepareDatabase(db, { ...readConfig({}), seedDemo: false });
  if (!(await db("users").first("id")))
    await seedDemo(db, { password: "bench-password-123", youth: 0, seed: 3 });
  const version = await findPublishedVersion(db, "profil_jeune");
  const random = seededRandom(11);
  const period = { from: "2025-01-01", to: "2026-12-31" };
  const samples = Array.from({ length: 200 }, () =>
    generateAnswers(version.survey, random, period),
  );

  const validator = createResponseValidator();
  const versionForValidator = {
    id: version.id,
    survey: version.survey,
    schema: version.schema ?? undefined,
  };
  let valid = 0;
  const validationStart = performance.now();
  for (let i = 0; i < VALIDATIONS; i++) {
    if (validator.validate(versionForValidator, samples[i % samples.length]).ok) valid++;
  }
  const validationSeconds = (performance.now() - validationStart) / 1000;

  const caller = await callerFor(db, "educateur@demo.bdc");
  const youth = await createYouth(db, caller, { sex: "fille", birth_year: 2010 });
  const submissionStart = performance.now();
  for (let i = 0; i < SUBMISSIONS; i++) {
    await createResponse(db, caller, {
      id: crypto.randomUUID(),
      grid: "profil_jeune",
      subject: youth.id,
      data: samples[i % samples.length],
    });
  }
  const submissionSeconds = (performance.now() - submissionStart) / 1000;

  console.log(
    `[${label}] validator alone: ${Math.round(VALIDATIONS / validationSeconds)} records/s ` +
      `(${valid}/${VALIDATIONS} valid); validate + store: ` +
      `${Math.round(SUBMISSIONS / submissionSeconds)} records/s (${SUBMISSIONS} records)`,
  );
}

export async function runSubmissionBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bdc-bench-"));
  const embedded = openEmbeddedDb({ dataDir: path.join(dir, "data") });
  try {
    await benchSubmissions("embarquée (PGlite, fichier)", embedded);
  } finally {
    await embedded.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.log("[PostgreSQL] ignoré : définissez DATABASE_URL pour mesurer aussi sur un serveur.");
    return;
  }
  const name = `bdc_bench_${process.pid}`;
  const admin = openPostgresDb(base);
  await admin.raw(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgresDb(url.toString());
  try {
    await benchSubmissions("PostgreSQL", db);
  } finally {
    await db.destroy();
    await admin.raw(`drop database if exists ${name} with (force)`);
    await admin.destroy();
  }
}
