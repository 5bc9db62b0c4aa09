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
import type { SurveyElement, SurveyJson } from "../../engine/grid/types.ts";

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

const COMMUNES = [
  "59350",
  "59512",
  "59599",
  "59009",
  "59183",
  "59606",
  "62041",
  "75056",
  "59122",
  "",
];
const RELATIONS = [
  "contact",
  "relation_en_construction",
  "accompagnement_ponctuel",
  "accompagnement_durable",
];
const DEMANDES = [
  "scolarite",
  "emploi_insertion",
  "logement_hebergement",
  "sante",
  "famille",
  "justice",
];

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

async function publishTwoMoreVersions(db: Knex): Promise<number[]> {
  const first = await db("grid_versions as v")
    .join("grids as g", "g.id", "v.grid_id")
    .where({ "g.code": "profil_jeune", "v.number": 1 })
    .first("v.id", "v.grid_id", "v.survey");
  const ids = [first.id as number];
  let survey = first.survey as SurveyJson;
  const changes: ((elements: SurveyElement[]) => SurveyElement[])[] = [
    // v2 adds a question; v3 retires the choice « contact ».
    (els) => [...els, { type: "radiogroup", name: "accompagne_famille", choices: ["oui", "non"] }],
    (els) =>
      els.map((e) =>
        e.name === "niveau_relation"
          ? {
              ...e,
              choices: (e.choices as { value: string }[]).filter((c) => c.value !== "contact"),
            }
          : e,
      ),
  ];
  for (const [i, change] of changes.entries()) {
    survey = structuredClone(survey);
    for (const page of survey.pages ?? []) page.elements = change(page.elements ?? []);
    const [row] = await db("grid_versions")
      .insert({
        grid_id: first.grid_id,
        number: i + 2,
        status: "published",
        survey: JSON.stringify(survey),
        published_at: new Date(),
      })
      .returning("id");
    ids.push(row.id);
  }
  return ids;
}

const textArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(",")}}`;

/** Young people and records made by the database itself (INSERT … SELECT generate_series). */
async function generate(
  db: Knex,
  records: number,
  versionIds: number[],
  services: number[],
  authorId: number,
): Promise<void> {
  const youth = Math.max(1, Math.floor(records / 4));
  const grid = await db("grids").where({ code: "profil_jeune" }).first("id");
  await db.raw(
    `insert into subjects (id, kind, organisation_id, code, sex, birth_year, birth_month, commune)
     select md5('s' || g)::uuid, 'youth', (?::int[])[1 + g % ?], 'B' || g,
            (array['fille','garcon','garcon','autre_nsp'])[1 + (g * 7) % 4],
            case when g % 17 = 0 then null else 2000 + (g * 13) % 16 end,
            case when g % 5 = 0 then null else 1 + (g * 11) % 12 end,
            nullif((?::text[])[1 + (g * 3) % ?], '')
     from generate_series(0, ? - 1) g`,
    [`{${services.join(",")}}`, services.length, textArray(COMMUNES), COMMUNES.length, youth],
  );
  // Record g belongs to young person g % youth, in that person's service; its version
  // is g % 3 (so v2 and v3 records exist in equal parts), its answers vary with g.
  await db.raw(
    `insert into responses (id, grid_id, grid_version_id, subject_id, organisation_id, author_id, occurred_on, data)
     select md5('r' || g)::uuid, ?, (?::int[])[1 + g % 3], md5('s' || (g % ?))::uuid,
            (?::int[])[1 + (g % ?) % ?], ?, date '2024-01-01' + (g % 1000),
            jsonb_strip_nulls(jsonb_build_object(
              'date_fiche', to_char(date '2024-01-01' + (g % 1000), 'YYYY-MM-DD'),
              'commune_residence', nullif((?::text[])[1 + (g * 3) % ?], ''),
              'quartier_residence', 'Quartier ' || (g % 40),
              'mode_premier_contact', 'contact_rue',
              'niveau_relation', case when g % 11 = 0 then null
                when g % 3 = 2 then (?::text[])[2 + g % 3] else (?::text[])[1 + g % 4] end,
              'demandes_initiales', case when g % 7 = 0 then '[]'::jsonb
                else jsonb_build_array((?::text[])[1 + g % 6], (?::text[])[1 + (g / 6) % 6]) end,
              'accompagne_famille', case when g % 3 = 0 then null when g % 2 = 0 then 'oui' else 'non' end,
              'observations', 'Observation factuelle numéro ' || g || ', sans nommer personne.'
            ))
     from generate_series(0, ? - 1) g`,
    [
      grid.id,
      `{${versionIds.join(",")}}`,
      youth,
      `{${services.join(",")}}`,
      youth,
      services.length,
      authorId,
      textArray(COMMUNES),
      COMMUNES.length,
      textArray(RELATIONS),
      textArray(RELATIONS),
      textArray(DEMANDES),
      textArray(DEMANDES),
      records,
    ],
  );
  await db.raw("analyze subjects");
  await db.raw("analyze responses");
}

/** The same data, flat: one column per figure the synthesis reads, keys already decided. */
async function buildFlatTable(db: Knex, versionIds: number[]): Promise<void> {
  await db.raw("drop table if exists bench_flat");
  await db.raw(
    `create table bench_flat as
     select r.id, r.subject_id, a.code as association, coalesce(s.sex, 'nr') as sex,
            s.birth_year, s.commune, r.grid_version_id as version,
            coalesce(nullif(r.data->>'niveau_relation', ''), 'nr') as niveau_relation,
            case when jsonb_array_length(r.data->'demandes_initiales') > 0
              then array(select jsonb_array_elements_text(r.data->'demandes_initiales')) else array['nr'] end as demandes
     from responses r
     join subjects s on s.id = r.subject_id
     join organisations o on o.id = r.organisation_id
     join organisations a on a.kind = 'association' and o.path like a.path || '%'
     where r.grid_version_id = any(?::int[])`,
    [`{${versionIds.join(",")}}`],
  );
  await db.raw("analyze bench_flat");
}

function handWritten(metropole: string[]): Record<string, { sql: string; bindings: unknown[] }> {
  const sets = (a: string, b: string) =>
    `group by grouping sets ((${a}, ${b}), (${a}), (${b}), ())`;
  return {
    jeunes_par_association: {
      sql: `select association, sex, count(distinct subject_id) from bench_flat ${sets("association", "sex")}`,
      bindings: [],
    },
    jeunes_par_age_et_sexe: {
      sql: `select band, sex, count(distinct subject_id) from (select subject_id, sex, case
              when birth_year is null then 'nr' when 2026 - birth_year < 11 then 'moins_11'
              when 2026 - birth_year <= 15 then 'de_11_15' when 2026 - birth_year <= 17 then 'de_16_17'
              when 2026 - birth_year <= 21 then 'de_18_21' when 2026 - birth_year <= 25 then 'de_22_25'
              else 'plus_25' end as band from bench_flat) f ${sets("band", "sex")}`,
      bindings: [],
    },
    jeunes_par_territoire: {
      sql: `select area, sex, count(distinct subject_id) from (select subject_id, sex, case
              when commune is null then 'nr' when commune = any(?::text[]) then 'metropole'
              when left(commune, 2) = '59' then 'reste' else 'hors' end as area from bench_flat) f
            ${sets("area", "sex")}`,
      bindings: [`{${metropole.join(",")}}`],
    },
    niveau_relation_par_sexe: {
      sql: `select niveau_relation, sex, count(distinct subject_id) from bench_flat ${sets("niveau_relation", "sex")}`,
      bindings: [],
    },
    demandes_initiales: {
      sql: `select d, sex, count(distinct subject_id) from bench_flat cross join unnest(demandes) d
              group by grouping sets ((d, sex), (d))
            union all
            select null, sex, count(distinct subject_id) from bench_flat group by grouping sets ((sex), ())`,
      bindings: [],
    },
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
