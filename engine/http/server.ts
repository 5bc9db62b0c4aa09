import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Knex } from "knex";
import type { Config } from "../config.ts";
import { createApp } from "./app.ts";
import { log } from "./log.ts";
import { migrateToLatest, openConfiguredDb } from "../store/db.ts";
import { lockDataDir } from "../store/data-dir-lock.ts";
import { prepareDatabase } from "../store/prepare.ts";

export type RunningServer = { url: string; db: Knex; server: Server; close: () => Promise<void> };

/**
 * Opens the database (embedded unless DATABASE_URL), migrates it, imports
 * the shipped definitions, seeds the demo when asked, and listens on 127.0.0.1.
 */
export async function startServer(
  config: Config,
  options: { db?: Knex; distDir?: string } = {},
): Promise<RunningServer> {
  let releaseLock = () => {};
  let db = options.db;
  if (!db) {
    if (!config.databaseUrl) releaseLock = lockDataDir(config.dataDir);
    db = await openConfiguredDb(config);
  }
  const ownsDb = !options.db;
  try {
    await migrateToLatest(db);
    await prepareDatabase(db, config);
  } catch (error) {
    if (ownsDb) await db.destroy();
    releaseLock();
    throw error;
  }

  const app = createApp({ db, config }, { distDir: options.distDir });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(config.port, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  log.info({ url, database: config.databaseUrl ? "postgresql" : "embedded" }, "server listening");

  const database = db;
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    if (ownsDb) await database.destroy();
    releaseLock();
  };
  return { url, db: database, server, close };
}
