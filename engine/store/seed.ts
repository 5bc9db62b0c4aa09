import crypto from "node:crypto";
import type { Knex } from "knex";
import { createOrganisation } from "../access/organisations.ts";
import { createUser } from "../access/users.ts";
import type { Role } from "../access/roles.ts";
import { audit } from "../access/audit.ts";
import { findPublishedVersion, type GridVersion } from "./grids.ts";
import { generateSubjectCode } from "../subject/codes.ts";
import { validateAgainstVersion } from "../response/server-validator.ts";
import { generateAnswers } from "./answer-generator.ts";
import { seededRandom, type Random } from "./random.ts";
import { todayInFrance } from "../response/dates.ts";

// The demo federation: two associations with two services each, the named
// demo accounts, and young people with realistic records made by a seeded
// generator and checked by the same validator as real submissions.

export type SeedOptions = { password: string; youth: number; seed: number };

const ASSOCIATIONS = [
  { code: "avenir_jeunes", name: "Association Avenir Jeunes", services: ["Lille-Sud", "Roubaix"] },
  { code: "horizons", name: "Association Horizons", services: ["Tourcoing", "Dunkerque"] },
];

// Communes (INSEE codes) each demo service works in, in the order of the services above.
const SERVICE_COMMUNES = [
  ["59350"],
  ["59512", "59650"],
  ["59599", "59421", "59163"],
  ["59183", "59271", "59155"],
];

// First names or initials that go with the demo person's sex.
const FIRST_NAMES: Record<string, string[]> = {
  fille: ["Inès", "Lina", "Maëlys", "Kenza", "A.B."],
  garcon: ["Yanis", "Rayan", "Sofiane", "Nolan", "M.K."],
  autre_nsp: ["C.D.", "S.T."],
};

export async function seedDemo(db: Knex, options: SeedOptions) {
  const random = seededRandom(options.seed);
  const federation = await createOrganisation(db, {
    kind: "federation",
    code: "federation_demo",
    name: "Fédération de démonstration",
  });
  const services: { id: number; authorId: number }[] = [];
  const account = (email: string, displayName: string, role: Role, organisationId: number) =>
    createUser(db, {
      email,
      displayName,
      password: options.password,
      roles: [{ role, organisationId }],
    });

  for (const [a, association] of ASSOCIATIONS.entries()) {
    const org = await createOrganisation(db, {
      kind: "association",
      code: association.code,
      name: association.name,
      parentId: federation.id,
    });
    for (const [s, place] of association.services.entries()) {
      const service = await createOrganisation(db, {
        kind: "service",
        code: `${association.code}_${s + 1}`,
        name: `Service de prévention ${place}`,
        parentId: org.id,
      });
      const slug = place.toLowerCase().replace(/[^a-z]/g, "");
      const named =
        a === 0 && s === 0
          ? "educateur@demo.bdc"
          : a === 1 && s === 0
            ? "educateur2@demo.bdc"
            : null;
      const email = named ?? `educateur.${slug}@demo.bdc`;
      const authorId = await account(email, `Éducateur·rice ${place}`, "educator", service.id);
      services.push({ id: service.id, authorId });
      if (a === 0 && s === 0) {
        await account("chef@demo.bdc", "Cheffe de service Lille-Sud", "service_head", service.id);
        await account("referent@demo.bdc", "Référente BDC Lille-Sud", "referent", service.id);
      }
    }
    if (a === 0)
      await account("admin@demo.bdc", "Admin Avenir Jeunes", "association_admin", org.id);
  }
  await account("copil@demo.bdc", "Membre du COPIL", "copil", federation.id);
  await account("analyste@demo.bdc", "Chargée d'études", "analyst", federation.id);

  const responses = await seedRecords(db, random, services, options.youth);
  await audit(db, null, { action: "demo.seed", details: { youth: options.youth, responses } });
  return { youth: options.youth, responses };
}

async function gridIfPresent(db: Knex, code: string): Promise<GridVersion | undefined> {
  return findPublishedVersion(db, code).catch(() => undefined);
}

async function seedRecords(
  db: Knex,
  random: Random,
  services: { id: number; authorId: number }[],
  youthCount: number,
): Promise<number> {
  const today = todayInFrance();
  const twoYearsAgo = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
  const period = { from: twoYearsAgo, to: today };
  const youthGrids = (
    await Promise.all(
      [
        "profil_jeune",
        "suivi_situation",
        "accompagnement",
        "intervention",
        "suivi_eleve_alses",
      ].map((c) => gridIfPresent(db, c)),
    )
  ).filter((v): v is GridVersion => v !== undefined);
  const streetWork = await gridIfPresent(db, "travail_de_rue");
  const thisYear = Number(today.slice(0, 4));
  let stored = 0;

  const store = async (
    version: GridVersion,
    service: { id: number; authorId: number },
    subjectId: string | null,
    /** Answers the generator cannot guess (a commune's INSEE code). */
    known: Record<string, unknown> = {},
  ) => {
    const answers = { ...generateAnswers(version.survey, random, period), ...known };
    const result = validateAgainstVersion(version, answers);
    if (!result.ok) return;
    const dated = version.dateQuestion ? result.data[version.dateQuestion] : undefined;
    const occurredOn = typeof dated === "string" ? dated : today;
    const id = crypto.randomUUID();
    await db.transaction(async (trx) => {
      const row = {
        id,
        grid_id: version.gridId,
        grid_version_id: version.id,
        subject_id: subjectId,
        organisation_id: service.id,
        author_id: service.authorId,
        occurred_on: occurredOn,
        data: JSON.stringify(result.data),
      };
      await trx("responses").insert(row);
      await trx("response_revisions").insert({
        response_id: id,
        revision: 1,
        grid_version_id: version.id,
        data: row.data,
        status: "submitted",
        occurred_on: occurredOn,
        author_id: service.authorId,
      });
    });
    stored++;
  };

  const youthOf = new Map<number, string[]>();
  for (let i = 0; i < youthCount; i++) {
    const service = services[i % services.length]!;
    const id = crypto.randomUUID();
    const commune = communeOf(i % services.length, Math.floor(i / services.length));
    // About 65 % boys, as in the département's figures.
    const sex = random.chance(0.65) ? "garcon" : random.chance(0.95) ? "fille" : "autre_nsp";
    youthOf.set(service.id, [...(youthOf.get(service.id) ?? []), id]);
    await db("subjects").insert({
      id,
      kind: "youth",
      code: generateSubjectCode("youth"),
      organisation_id: service.id,
      first_name: random.chance(0.7) ? random.pick(FIRST_NAMES[sex]!) : null,
      // Mostly 11-21 year-olds, as the département's priority says.
      birth_year: thisYear - random.int(11, 23),
      birth_month: random.chance(0.8) ? random.int(1, 12) : null,
      sex,
      // Picked without drawing from `random`, so the rest of the demo stays as it was.
      commune,
      created_by: service.authorId,
    });
    for (const version of youthGrids) {
      const times = version.code === "profil_jeune" ? 1 : random.int(0, 2);
      const known = knownAnswers(version.code, commune, thisYear);
      for (let t = 0; t < times; t++) await store(version, service, id, known);
    }
  }
  if (streetWork) {
    for (let i = 0; i < Math.ceil(youthCount / 3); i++) {
      const commune = communeOf(i % services.length, i);
      await store(streetWork, services[i % services.length]!, null, commune ? { commune } : {});
    }
  }
  await seedGroupsAndSchools(db, store, services, youthOf, youthCount);
  return stored;
}

const ACTION_TITLES = [
  "Tournoi de foot inter-quartiers",
  "Atelier cuisine",
  "Sortie à la mer",
  "Chantier éducatif au jardin partagé",
];

/** Answers a young person's records need that the generator cannot make up. */
function knownAnswers(grid: string, commune: string | null, year: number): Record<string, unknown> {
  if (grid === "intervention" && commune) return { lieu_commune: commune };
  if (grid === "suivi_eleve_alses") return { annee_scolaire: `${year - 1}-${year}` };
  return {};
}

type Store = (
  version: GridVersion,
  service: { id: number; authorId: number },
  subjectId: string | null,
  known?: Record<string, unknown>,
) => Promise<void>;

/**
 * Per service, in proportion to its young people: families with their family
 * work, collective actions with a few of the service's young people, and
 * school-liaison (ALSES) activities, so every shipped report has figures.
 */
async function seedGroupsAndSchools(
  db: Knex,
  store: Store,
  services: { id: number; authorId: number }[],
  youthOf: Map<number, string[]>,
  youthCount: number,
): Promise<void> {
  const perService = Math.ceil(youthCount / services.length / 15);
  if (perService === 0) return;
  const [family, action, alses] = await Promise.all(
    ["travail_famille", "action_collective", "alses"].map((c) => gridIfPresent(db, c)),
  );
  const group = async (kind: "family" | "action", service: { id: number; authorId: number }) => {
    const id = crypto.randomUUID();
    await db("subjects").insert({
      id,
      kind,
      code: generateSubjectCode(kind),
      organisation_id: service.id,
      created_by: service.authorId,
    });
    return id;
  };
  for (const service of services) {
    const youth = youthOf.get(service.id) ?? [];
    for (let i = 0; i < perService; i++) {
      // A family of two young people of the service, and two contacts with it.
      const household = youth.slice(i * 2, i * 2 + 2);
      const familyId = await group("family", service);
      if (household.length > 0) {
        await db("subject_links").insert(
          household.map((y) => ({
            parent_id: familyId,
            youth_id: y,
            created_by: service.authorId,
          })),
        );
      }
      if (family) for (let t = 0; t < 2; t++) await store(family, service, familyId);
      // A collective action with four young people of the service.
      const actionId = await group("action", service);
      const participants = youth.slice(youth.length - (i + 1) * 4, youth.length - i * 4);
      if (participants.length > 0) {
        await db("subject_links").insert(
          participants.map((y) => ({
            parent_id: actionId,
            youth_id: y,
            created_by: service.authorId,
          })),
        );
      }
      if (action) {
        await store(action, service, actionId, {
          intitule: ACTION_TITLES[i % ACTION_TITLES.length],
          intitule_projet: "Projet de quartier",
        });
      }
      if (alses) await store(alses, service, null);
    }
  }
}

function communeOf(serviceIndex: number, rank: number): string | null {
  const communes = SERVICE_COMMUNES[serviceIndex];
  return communes ? communes[rank % communes.length]! : null;
}
