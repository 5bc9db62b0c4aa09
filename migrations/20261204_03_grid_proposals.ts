import type { Knex } from "knex";

// The designer's life of a grid: every saved revision of a draft (so a
// conflicting save can be shown what changed since its base), referents'
// proposals with their discussion and the COPIL's decision. Nothing here is
// ever deleted: a proposal is closed by a decision, not removed.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("grid_draft_revisions", (t) => {
    t.integer("version_id").notNullable().references("id").inTable("grid_versions");
    t.integer("revision").notNullable();
    t.jsonb("survey").notNullable();
    t.integer("author_id").references("id").inTable("users");
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(["version_id", "revision"]);
  });

  await knex.schema.createTable("grid_proposals", (t) => {
    t.increments("id");
    t.integer("grid_id").notNullable().references("id").inTable("grids");
    // The version the referent started from (published, or the draft at base_revision).
    t.integer("base_version_id").notNullable().references("id").inTable("grid_versions");
    t.integer("base_revision");
    t.jsonb("base_survey").notNullable();
    t.jsonb("proposed_survey").notNullable();
    t.jsonb("diff").notNullable();
    t.text("rationale").notNullable();
    t.text("status").notNullable().defaultTo("open");
    t.integer("author_id").notNullable().references("id").inTable("users");
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer("decided_by").references("id").inTable("users");
    t.timestamp("decided_at", { useTz: true });
    t.text("decision_reason");
    // Accepted: the draft revision that received the change.
    t.integer("applied_version_id").references("id").inTable("grid_versions");
    t.integer("applied_revision");
    t.index(["grid_id", "status"]);
    t.check("status in ('open','accepted','rejected')", [], "grid_proposals_status");
    t.check("(status = 'open') = (decided_at is null)", [], "grid_proposals_decided");
  });

  await knex.schema.createTable("grid_proposal_comments", (t) => {
    t.increments("id");
    t.integer("proposal_id").notNullable().references("id").inTable("grid_proposals");
    t.integer("author_id").notNullable().references("id").inTable("users");
    t.text("body").notNullable();
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(["proposal_id"]);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists("grid_proposal_comments");
  await knex.schema.dropTableIfExists("grid_proposals");
  await knex.schema.dropTableIfExists("grid_draft_revisions");
}
