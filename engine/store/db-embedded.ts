import knex, { type Knex } from "knex";
import ClientPgLite from "knex-pglite";
import { PGlite } from "@electric-sql/pglite";
import { migrations, PG_DATE, type Db } from "./db.ts";

// The embedded database (PGlite, PostgreSQL compiled to WebAssembly): in a
// data folder for `npm start`, in memory for tests and benchmarks.

const pgliteParsers = { [PG_DATE]: (value: string) => value };

export function newPglite(dataDir: string, loadDataDir?: Blob | File): PGlite {
  return new PGlite(dataDir, { parsers: pgliteParsers, loadDataDir });
}

export function openEmbeddedDb(source: { dataDir: string } | { pglite: PGlite }): Db {
  const pglite = "pglite" in source ? source.pglite : newPglite(source.dataDir);
  return knex({
    client: ClientPgLite as unknown as typeof Knex.Client,
    // knex-pglite accepts a ready instance; its types do not say so.
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
    migrations,
    // PGlite has one connection: a query made outside a running transaction
    // waits for it. Fail in seconds rather than a minute when that happens.
    acquireConnectionTimeout: 10_000,
  });
}
