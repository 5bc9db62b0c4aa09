import type { Knex } from "knex";

// Families and collective actions: a title and dates on the subject itself,
// and the young people they group, as links from the family or action (the
// parent) to each young person. Both ends belong to the same service; the
// repository checks that, the database keeps the links unique.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("subjects", (t) => {
    t.text("title");
    t.date("starts_on");
    t.date("ends_on");
    t.check("ends_on is null or starts_on is null or ends_on >= starts_on", [], "subjects_dates");
  });

  await knex.schema.createTable("subject_links", (t) => {
    t.uuid("parent_id").notNullable().references("id").inTable("subjects").onDelete("CASCADE");
    t.uuid("youth_id").notNullable().references("id").inTable("subjects").onDelete("CASCADE");
    t.integer("created_by").references("id").inTable("users");
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(["parent_id", "youth_id"]);
    t.index(["youth_id"]);
    t.check("parent_id <> youth_id", [], "subject_links_not_self");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists("subject_links");
  await knex.schema.alterTable("subjects", (t) => {
    t.dropChecks(["subjects_dates"]);
    t.dropColumns("title", "starts_on", "ends_on");
  });
}
