import knex, { type Knex } from "knex";
import pg from "pg";
import { migrationSource } from "../../migrations/index.ts";

export type Db = Knex;

const PG_INT8 = 20;
export const PG_DATE = 1082;

// node-postgres returns int8 as strings and dates as local-time Date objects;
// PGlite returns numbers. Both are told the same: int8 as numbers, calendar
// dates as 'YYYY-MM-DD' strings, never shifted by a time zone
// (the embedded side is in db-embedded.ts).
pg.types.setTypeParser(PG_INT8, (value: string) => Number.parseInt(value, 10));
pg.types.setTypeParser(PG_DATE, (value: string) => value);

export const migrations = { migrationSource };

export function openPostgresDb(url: string, searchPath?: string): Db {
  return knex({
    client: "pg",
    connection: url,
    searchPath: searchPath ? [searchPath] : undefined,
    pool: { min: 0, max: 10 },
    migrations,
  });
}

/**
 * The database a process is configured for: PostgreSQL when DATABASE_URL is
 * set, else the embedded one in the data folder. The embedded engine is loaded
 * only then: its WebAssembly module weighed 40 MB in every server's memory.
 */
export async function openConfiguredDb(config: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<Db> {
  if (config.databaseUrl) return openPostgresDb(config.databaseUrl);
  const { openEmbeddedDb } = await import("./db-embedded.ts");
  return openEmbeddedDb({ dataDir: config.dataDir });
}

export async function migrateToLatest(db: Db): Promise<void> {
  await db.migrate.latest();
}
