import type { Knex } from "knex";

// Access control and data protection (issue 3):
// - login_attempts: failed logins per address and per e-mail, so the rate
//   limit holds across several server instances (no state in the process);
// - subjects.anonymised_at: when a young person was anonymised (on request
//   or by the retention command), so it is done once and shows in exports.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("login_attempts", (t) => {
    t.bigIncrements("id");
    t.timestamp("at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text("ip");
    t.text("email");
    t.index(["ip", "at"]);
    t.index(["email", "at"]);
  });
  await knex.schema.alterTable("subjects", (t) => {
    t.timestamp("anonymised_at", { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("subjects", (t) => {
    t.dropColumn("anonymised_at");
  });
  await knex.schema.dropTableIfExists("login_attempts");
}
