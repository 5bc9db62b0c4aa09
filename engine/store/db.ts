import knex, { type Knex } from "knex";
import ClientPgLite from "knex-pglite";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { migrationSource } from "../../migrations/index.ts";

export type Db = Knex;

const PG_INT8 = 20;
const PG_DATE = 1082;

// node-postgres returns int8 as strings and dates as local-time Date objects;
// PGlite returns numbers. Both are told the same: int8 as numbers, calendar
// dates as 'YYYY-MM-DD' strings, never shifted by a time zone.
pg.types.setTypeParser(PG_INT8, (value: string) => Number.parseInt(value, 10));
pg.types.setTypeParser(PG_DATE, (value: string) => value);
const pgliteParsers = { [PG_DATE]: (value: string) => value };

export type DbTarget =
  | { kind: "postgres"; url: string; searchPath?: string }
  | { kind: "embedded"; dataDir: string }
  | { kind: "embedded-instance"; pglite: PGlite };

export function newPglite(dataDir: string, loadDataDir?: Blob | File): PGlite {
  return new PGlite(dataDir, { parsers: pgliteParsers, loadDataDir });
}

export function openDb(target: DbTarget): Db {
  const migrations = { migrationSource };
  if (target.kind === "postgres") {
    return knex({
      client: "pg",
      connection: target.url,
      searchPath: target.searchPath ? [target.searchPath] : undefined,
      pool: { min: 0, max: 10 },
      migrations,
    });
  }
  const pglite = target.kind === "embedded" ? newPglite(target.dataDir) : target.pglite;
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

export async function migrateToLatest(db: Db): Promise<void> {
  await db.migrate.latest();
}
