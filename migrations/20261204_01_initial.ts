import type { Knex } from "knex";

// The first schema: organisations and people, grids and their versions,
// subjects (young people, families, collective actions), responses with
// every revision kept, table definitions and the append-only audit log.
// SQL stays within PostgreSQL 15 (PGlite is 18, production servers start at 15).

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("organisations", (t) => {
    t.increments("id");
    t.integer("parent_id").references("id").inTable("organisations");
    t.text("kind").notNullable();
    t.text("code").notNullable().unique();
    t.text("name").notNullable();
    // "/1/4/9/": ids from the root down to this one; descendants share the prefix.
    t.text("path").notNullable().defaultTo("");
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check("kind in ('federation','association','service','team')", [], "organisations_kind");
  });

  await knex.schema.createTable("users", (t) => {
    t.increments("id");
    t.text("email").notNullable().unique();
    t.text("display_name").notNullable();
    t.text("password_hash").notNullable();
    t.boolean("disabled").notNullable().defaultTo(false);
    t.integer("failed_logins").notNullable().defaultTo(0);
    t.timestamp("locked_until", { useTz: true });
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check("email = lower(email)", [], "users_email_lowercase");
  });

  await knex.schema.createTable("user_roles", (t) => {
    t.integer("user_id").notNullable().references("id").inTable("users").onDelete("CASCADE");
    t.integer("organisation_id").notNullable().references("id").inTable("organisations");
    t.text("role").notNullable();
    t.primary(["user_id", "organisation_id", "role"]);
    t.check(
      "role in ('educator','referent','service_head','association_admin','copil','analyst'," +
        "'platform_admin')",
      [],
      "user_roles_role",
    );
  });

  await knex.schema.createTable("sessions", (t) => {
    // sha256 of the cookie's token: a leaked table does not leak live sessions.
    t.text("id").primary();
    t.integer("user_id").notNullable().references("id").inTable("users").onDelete("CASCADE");
    t.text("csrf_token").notNullable();
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp("expires_at", { useTz: true }).notNullable();
    t.text("ip");
  });

  await knex.schema.createTable("grids", (t) => {
    t.increments("id");
    t.text("code").notNullable().unique();
    t.text("title").notNullable();
    t.text("subject").notNullable();
    t.integer("created_by").references("id").inTable("users");
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check("subject in ('youth','family','action','none')", [], "grids_subject");
  });

  await knex.schema.createTable("grid_versions", (t) => {
    t.increments("id");
    t.integer("grid_id").notNullable().references("id").inTable("grids");
    // null while a draft; 1, 2, 3… once published.
    t.integer("number");
    t.text("status").notNullable();
    t.jsonb("survey").notNullable();
    t.jsonb("schema");
    t.jsonb("diff");
    t.text("note");
    t.integer("author_id").references("id").inTable("users");
    // Optimistic concurrency on drafts: a save names the revision it started from.
    t.integer("revision").notNullable().defaultTo(1);
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp("updated_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp("published_at", { useTz: true });
    t.unique(["grid_id", "number"]);
    t.check("status in ('draft','published')", [], "grid_versions_status");
    t.check("(status = 'draft') = (number is null)", [], "grid_versions_number");
  });
  await knex.raw(
    "create unique index grid_versions_one_draft on grid_versions (grid_id) where status = 'draft'",
  );

  await knex.schema.createTable("subjects", (t) => {
    t.uuid("id").primary();
    t.text("kind").notNullable();
    // The service that owns the record.
    t.integer("organisation_id").notNullable().references("id").inTable("organisations");
    t.text("code").notNullable().unique();
    t.text("first_name");
    t.integer("birth_year");
    t.integer("birth_month");
    t.text("sex");
    t.text("commune");
    t.text("neighbourhood");
    t.jsonb("details").notNullable().defaultTo("{}");
    t.integer("created_by").references("id").inTable("users");
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp("updated_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(["organisation_id", "kind"]);
    t.check("kind in ('youth','family','action')", [], "subjects_kind");
    t.check("birth_month is null or birth_month between 1 and 12", [], "subjects_birth_month");
    t.check("sex is null or sex in ('fille','garcon','autre_nsp')", [], "subjects_sex");
  });

  await knex.schema.createTable("responses", (t) => {
    t.uuid("id").primary();
    t.integer("grid_id").notNullable().references("id").inTable("grids");
    t.integer("grid_version_id").notNullable().references("id").inTable("grid_versions");
    t.uuid("subject_id").references("id").inTable("subjects");
    t.integer("organisation_id").notNullable().references("id").inTable("organisations");
    t.integer("author_id").notNullable().references("id").inTable("users");
    t.date("occurred_on").notNullable();
    t.jsonb("data").notNullable();
    t.text("status").notNullable().defaultTo("submitted");
    t.integer("revision").notNullable().defaultTo(1);
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp("updated_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(["organisation_id", "grid_id"]);
    t.index(["grid_version_id"]);
    t.index(["subject_id"]);
    t.check("status in ('submitted','validated')", [], "responses_status");
  });
  await knex.raw("create index responses_data on responses using gin (data jsonb_path_ops)");

  await knex.schema.createTable("response_revisions", (t) => {
    t.uuid("response_id").notNullable().references("id").inTable("responses");
    t.integer("revision").notNullable();
    t.integer("grid_version_id").notNullable().references("id").inTable("grid_versions");
    t.jsonb("data").notNullable();
    t.text("status").notNullable();
    t.date("occurred_on").notNullable();
    t.integer("author_id").notNullable().references("id").inTable("users");
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(["response_id", "revision"]);
  });

  await knex.schema.createTable("table_definitions", (t) => {
    t.increments("id");
    t.text("code").notNullable().unique();
    t.text("title").notNullable();
    t.jsonb("definition").notNullable();
    // 'shipped' ones come from definitions/tables; 'app' ones were saved in the app.
    t.text("source").notNullable().defaultTo("app");
    t.integer("organisation_id").references("id").inTable("organisations");
    t.integer("created_by").references("id").inTable("users");
    t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp("updated_at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable("audit_log", (t) => {
    t.bigIncrements("id");
    t.timestamp("at", { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer("actor_id").references("id").inTable("users");
    t.integer("organisation_id").references("id").inTable("organisations");
    t.text("action").notNullable();
    t.text("target_type");
    t.text("target_id");
    t.jsonb("details").notNullable().defaultTo("{}");
    t.text("ip");
    t.index(["organisation_id", "at"]);
  });
  // Append-only: the database itself refuses to change or remove an audit row.
  await knex.raw(`
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`);
  await knex.raw(`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_is_append_only()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("drop trigger if exists audit_log_no_change on audit_log");
  await knex.raw("drop function if exists audit_log_is_append_only()");
  for (const table of [
    "audit_log",
    "table_definitions",
    "response_revisions",
    "responses",
    "subjects",
    "grid_versions",
    "grids",
    "sessions",
    "user_roles",
    "users",
    "organisations",
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
