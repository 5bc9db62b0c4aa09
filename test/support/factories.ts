import crypto from "node:crypto";
import type { ApiClient } from "./client.ts";

// Factories with overrides: a test shows only what differs from a valid default.

export function validProfile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    date_fiche: "2026-03-14",
    date_premier_contact: "2026-02",
    mode_premier_contact: "contact_rue",
    niveau_relation: "relation_en_construction",
    demandes_initiales: ["scolarite", "emploi_insertion"],
    ...overrides,
  };
}

export async function createYouth(
  client: ApiClient,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; code: string }> {
  const result = await client.post("/api/subjects", {
    kind: "youth",
    first_name: "Inès",
    birth_year: 2010,
    birth_month: 5,
    sex: "fille",
    ...overrides,
  });
  if (result.status !== 201) throw new Error(`youth creation failed: ${result.text}`);
  return result.body;
}

export function newResponse(
  subject: string,
  data: Record<string, unknown> = validProfile(),
  overrides: Record<string, unknown> = {},
) {
  return { id: crypto.randomUUID(), grid: "profil_jeune", subject, data, ...overrides };
}
