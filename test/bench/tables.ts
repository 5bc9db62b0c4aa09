import crypto from "node:crypto";
import fs from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import knex, { type Knex } from "knex";
import { migrateToLatest, openPostgresDb } from "../../engine/store/db.ts";
import { newPglite, openEmbeddedDb } from "../../engine/store/db-embedded.ts";
import { prepareDatabase } from "../../engine/store/prepare.ts";
import { seedDemo } from "../../engine/store/seed.ts";
import { readConfig } from "../../engine/config.ts";
import { createApp } from "../../engine/http/app.ts";
import { createUser } from "../../engine/access/users.ts";
import { rolesOf } from "../../engine/access/sessions.ts";
import type { Caller } from "../../engine/access/caller.ts";
import { computeTable, runReportingQuery } from "../../engine/store/tables.ts";
import { loadTerritory } from "../../engine/store/territory.ts";
import { readShippedTables } from "../../engine/store/shipped.ts";
import type { TableDefinition } from "../../engine/table/definition.ts";
import { buildFlatTable, generate, handWritten, publishTwoMoreVersions } from "./tables-data.ts";

// The département synthesis on a big profil_jeune: records over three
// published versions, computed by the engine (as the analyst, masked) and by
// hand-written SQL on a flat table holding the same data; then a records
// export streamed over HTTP while the process's memory is sampled.
//
// BENCH_PG_RECORDS (1,000,000), BENCH_EMBEDDED_RECORDS (100,000),
// BENCH_EXPORTS ("csv,xlsx"), BENCH_TABLES=0 (skip the synthesis) tune it;
// BENCH_KEEP=1 keeps the PostgreSQL database. PostgreSQL runs when DATABASE_URL is set.

const SYNTHESIS = [
  "jeunes_par_association",
  "jeunes_par_age_et_sexe",
  "jeunes_par_territoire",
  "niveau_relation_par_sexe",
  "demandes_initiales",
];
const RUNS = 3;
const PASSWORD = "bench-password-123";
const BENCH_EMAIL = "bench-export@demo.bdc";

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

/** Samples the process's resident memory until stopped; returns the peak in bytes. */
function sampleRss(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

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

/** A server in a child process on the bench's PostgreSQL database; its peak RSS is read from /proc. */
async function childServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./export-server.ts", import.meta.url))],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith("{")) return { url: (JSON.parse(line) as { url: string }).url, child };
  }
  throw new Error("export server did not start");
}

function peakRssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function download(
  url: string,
  format: "csv" | "xlsx",
): Promise<{ ms: number; bytes: number }> {
  const login = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: BENCH_EMAIL, password: PASSWORD }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const { ms, result: bytes } = await timed(async () => {
    const response = await fetch(`${url}/api/responses.${format}?grid=profil_jeune`, {
      headers: { cookie },
    });
    let total = 0;
    for await (const chunk of response.body!) total += (chunk as Uint8Array).length;
    return total;
  });
  return { ms, bytes };
}

/** PostgreSQL: each export in a fresh server process, whose peak RSS is the figure. */
async function exportInChild(
  databaseUrl: string,
  format: "csv" | "xlsx",
  records: number,
): Promise<void> {
  const { url, child } = await childServer(databaseUrl);
  try {
    const idle = peakRssOf(child.pid!);
    const { ms, bytes } = await download(url, format);
    console.log(
      `  export ${format.toUpperCase()} de ${records.toLocaleString("fr-FR")} fiches : ${seconds(ms)} s, ` +
        `${mb(bytes)} Mo envoyés ; serveur (processus à part) : ${mb(idle)} Mo au repos, pic ${mb(peakRssOf(child.pid!))} Mo (cible < 300)`,
    );
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

/** Embedded: the database lives in this process, so the server runs here too. */
async function exportInProcess(db: Knex, format: "csv" | "xlsx", records: number): Promise<void> {
  const app = createApp({ db, config: { ...readConfig({}), port: 0, seedDemo: false } });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  try {
    const before = process.memoryUsage().rss;
    const stop = sampleRss();
    const { ms, bytes } = await download(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      format,
    );
    console.log(
      `  export ${format.toUpperCase()} de ${records.toLocaleString("fr-FR")} fiches : ${seconds(ms)} s, ` +
        `${mb(bytes)} Mo envoyés ; processus (base embarquée comprise) ${mb(before)} Mo avant, pic ${mb(stop())} Mo`,
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
  }
}

async function benchOn(
  label: string,
  db: Knex,
  records: number,
  databaseUrl?: string,
): Promise<void> {
  console.log(
    `\n== Tableaux, base ${label}, ${records.toLocaleString("fr-FR")} fiches profil_jeune sur 3 versions`,
  );
  await migrateToLatest(db);
  await prepareDatabase(db, { ...readConfig({}), seedDemo: false });
  if (!(await db("users").first("id")))
    await seedDemo(db, { password: PASSWORD, youth: 0, seed: 5 });
  const federation = await db("organisations").where({ kind: "federation" }).first("id");
  const services: number[] = (
    await db("organisations").where({ kind: "service" }).orderBy("id").select("id")
  ).map((r) => r.id);
  await createUser(db, {
    email: BENCH_EMAIL,
    displayName: "Banc d'essai",
    password: PASSWORD,
    roles: [{ role: "association_admin", organisationId: federation.id }],
  });
  const author = await db("users").orderBy("id").first("id");

  const versionIds = await publishTwoMoreVersions(db);
  const generation = await timed(() => generate(db, records, versionIds, services, author.id));
  const flat = await timed(() => buildFlatTable(db, versionIds));
  console.log(`  génération ${seconds(generation.ms)} s, table plate ${seconds(flat.ms)} s`);

  if (process.env.BENCH_TABLES !== "0") await synthesis(db);

  const formats = (process.env.BENCH_EXPORTS ?? "csv,xlsx").split(",").filter(Boolean) as (
    "csv" | "xlsx"
  )[];
  for (const format of formats) {
    if (databaseUrl) await exportInChild(databaseUrl, format, records);
    else await exportInProcess(db, format, records);
  }
}

/** The département synthesis, by the engine and by hand, each table's median of three runs. */
async function synthesis(db: Knex): Promise<void> {
  const analyst = await callerFor(db, "analyste@demo.bdc");
  const definitions = readShippedTables<TableDefinition>().filter((d) =>
    SYNTHESIS.includes(d.code),
  );
  const queries = handWritten(loadTerritory().metropole.communes);
  let engineTotal = 0;
  let handTotal = 0;
  const stop = sampleRss();
  for (const code of SYNTHESIS) {
    const def = definitions.find((d) => d.code === code)!;
    const engine: number[] = [];
    const hand: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      engine.push(
        (
          await timed(() =>
            computeTable(db, analyst, def, {
              threshold: 5,
              rounding: 5,
              from: "2024-01-01",
              to: "2026-12-31",
            }),
          )
        ).ms,
      );
      // The same reporting settings as the engine's (no JIT, 32 MB to sort).
      hand.push(
        (await timed(() => runReportingQuery(db, queries[code]!.sql, queries[code]!.bindings))).ms,
      );
    }
    engineTotal += median(engine);
    handTotal += median(hand);
    console.log(
      `  ${code.padEnd(26)} moteur ${seconds(median(engine)).padStart(7)} s   à la main ${seconds(median(hand)).padStart(7)} s   ` +
        `rapport ${(median(engine) / median(hand)).toFixed(2)}`,
    );
  }
  const peak = stop();
  console.log(
    `  synthèse départementale : moteur ${seconds(engineTotal)} s, à la main ${seconds(handTotal)} s, ` +
      `rapport ${(engineTotal / handTotal).toFixed(2)} (cible ≤ 1,5) ; pic mémoire du processus ${mb(peak)} Mo`,
  );
}

export async function runTablesBench(): Promise<void> {
  const pgRecords = Number(process.env.BENCH_PG_RECORDS ?? 1_000_000);
  const embeddedRecords = Number(process.env.BENCH_EMBEDDED_RECORDS ?? 100_000);
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `bdc_bench_${crypto.randomBytes(4).toString("hex")}`;
    const admin = knex({ client: "pg", connection: base, pool: { min: 0, max: 1 } });
    await admin.raw(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const db = openPostgresDb(url.toString());
    try {
      await benchOn("PostgreSQL", db, pgRecords, url.toString());
    } finally {
      await db.destroy();
      if (process.env.BENCH_KEEP) console.log(`  (base ${name} gardée)`);
      else await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    }
  } else {
    console.log("\n(DATABASE_URL absente : partie PostgreSQL sautée)");
  }
  if (embeddedRecords > 0) {
    const db = openEmbeddedDb({ pglite: newPglite("memory://") });
    try {
      await benchOn("embarquée (PGlite)", db, embeddedRecords);
    } finally {
      await db.destroy();
    }
  }
}

// Run alone: node --import tsx test/bench/tables.ts
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.LOG_LEVEL ??= "warn";
  await runTablesBench();
}
