import crypto from "node:crypto";
import type { Knex } from "knex";
import { ApiClient } from "./client.ts";
import { createUser } from "../../engine/access/users.ts";

// Helpers for the access-control tests: accounts made through the admin API,
// a platform admin made directly in the database (no demo account has that role),
// and logins from a chosen address (the app trusts X-Forwarded-For from loopback).

export const PROVISIONAL_PASSWORD = "provisoire-2026-abc";

export async function organisationId(db: Knex, code: string): Promise<number> {
  const row = await db("organisations").where({ code }).first("id");
  if (!row) throw new Error(`no organisation ${code}`);
  return row.id;
}

export async function userId(db: Knex, email: string): Promise<number> {
  const row = await db("users").where({ email }).first("id");
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export function uniqueEmail(prefix = "compte"): string {
  return `${prefix}.${crypto.randomBytes(4).toString("hex")}@demo.bdc`;
}

/** An educator of service avenir_jeunes_1 (or the service given), created by the admin client. */
export async function createEducator(
  db: Knex,
  admin: ApiClient,
  overrides: { email?: string; service?: string; password?: string } = {},
): Promise<{ id: number; email: string; password: string }> {
  const email = overrides.email ?? uniqueEmail("educ");
  const password = overrides.password ?? PROVISIONAL_PASSWORD;
  const result = await admin.post("/api/users", {
    email,
    display_name: "Éducatrice de test",
    password,
    roles: [
      {
        role: "educator",
        organisation_id: await organisationId(db, overrides.service ?? "avenir_jeunes_1"),
      },
    ],
  });
  if (result.status !== 201) throw new Error(`user creation failed: ${result.text}`);
  return { id: result.body.id, email, password };
}

export async function createPlatformAdmin(db: Knex, password: string): Promise<string> {
  const email = uniqueEmail("plateforme");
  await createUser(db, {
    email,
    displayName: "Admin plateforme",
    password,
    roles: [
      { role: "platform_admin", organisationId: await organisationId(db, "federation_demo") },
    ],
  });
  return email;
}

/** Logs in from a given client address; returns the client and the raw result. */
export async function loginFrom(baseUrl: string, email: string, password: string, ip: string) {
  const client = new ApiClient(baseUrl);
  const result = await client.request(
    "POST",
    "/api/session",
    { email, password },
    { headers: { "x-forwarded-for": ip } },
  );
  if (result.status === 201) client.csrfToken = result.body.csrfToken;
  return { client, result };
}

export async function auditRows(db: Knex, action: string) {
  return db("audit_log").where({ action }).orderBy("id").select("*");
}
