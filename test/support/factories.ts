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

/** A situation update (grid suivi_situation) on `date`, overriding any answer. */
export function situationRecord(
  subject: string,
  date: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    grid: "suivi_situation",
    subject,
    data: { date_situation: date, moment: "point_annuel", ...overrides },
  };
}

/** An accompaniment record (grid accompagnement) opened on `start`. */
export function accompanimentRecord(
  subject: string,
  start: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    grid: "accompagnement",
    subject,
    data: { date_debut: start, type_accompagnement: "durable", ...overrides },
  };
}

/** A family-work record (grid travail_famille) on `date`. */
export function familyWorkRecord(subject: string, date: string): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    grid: "travail_famille",
    subject,
    data: { date_contact: date, type_contact: "entretien_local" },
  };
}

/** A collective-action record (grid action_collective) on `date`. */
export function actionRecord(subject: string, date: string): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    grid: "action_collective",
    subject,
    data: {
      cadre: "ponctuelle",
      intitule: "Sortie au lac",
      type_action: "sortie_loisirs",
      date_debut: date,
    },
  };
}

/** Posts a record and fails loudly when it is refused. */
export async function submit(
  client: ApiClient,
  record: Record<string, unknown>,
): Promise<{ id: string }> {
  const result = await client.post("/api/responses", record);
  if (result.status !== 201) throw new Error(`record refused: ${result.text}`);
  return result.body;
}
