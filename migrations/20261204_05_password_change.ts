import type { Knex } from "knex";

// A password an admin gave (a new account, a reset) is provisional: its
// holder must choose their own before doing anything else.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("users", (t) => {
    t.boolean("must_change_password").notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("users", (t) => {
    t.dropColumn("must_change_password");
  });
}
