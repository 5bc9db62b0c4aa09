import type { Knex } from "knex";
import type { Config } from "../config.ts";

/** What every route module receives. */
export type AppContext = { db: Knex; config: Config };
