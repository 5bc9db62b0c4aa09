import type { Knex } from "knex";
import * as initial from "./20261204_01_initial.ts";
import * as access from "./20261204_02_access.ts";
import * as gridProposals from "./20261204_03_grid_proposals.ts";
import * as subjectLinks from "./20261204_04_subject_links.ts";
import * as passwordChange from "./20261204_05_password_change.ts";

// knex loads migration files with a native import() that vitest cannot
// transform, so migrations are listed here statically. Add each new one in order.
const migrations: Record<string, Knex.Migration> = {
  "20261204_01_initial": initial,
  "20261204_02_access": access,
  "20261204_03_grid_proposals": gridProposals,
  "20261204_04_subject_links": subjectLinks,
  "20261204_05_password_change": passwordChange,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`unknown migration ${name}`);
    return migration;
  },
};
