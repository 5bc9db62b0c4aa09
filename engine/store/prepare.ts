import type { Knex } from "knex";
import type { Config } from "../config.ts";
import { importShippedGrids } from "./grids.ts";
import { importShippedTables } from "./table-import.ts";
import { readShippedGrids, readShippedTables } from "./shipped.ts";
import { seedDemo } from "./seed.ts";
import type { AnyTableDefinition } from "../table/any-definition.ts";
import { log } from "../http/log.ts";

/** What every start does after migrating: shipped definitions in, demo seeded once. */
export async function prepareDatabase(db: Knex, config: Config): Promise<void> {
  const imported = await importShippedGrids(db, readShippedGrids());
  if (imported.length > 0) log.info({ grids: imported }, "shipped grids published as version 1");
  await importShippedTables(db, readShippedTables<AnyTableDefinition>());
  if (config.seedDemo) {
    const users = await db("users").count<{ count: number }[]>("* as count");
    if (Number(users[0]?.count ?? 0) === 0) {
      const summary = await seedDemo(db, { password: config.demoPassword, youth: 60, seed: 1 });
      log.info(summary, "demo federation seeded");
    }
  }
}
