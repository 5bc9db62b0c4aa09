import type { FieldError } from "../http/errors.ts";
import { isCalendarDate } from "../response/dates.ts";
import { DEFAULT_AGE_BANDS } from "../table/age-bands.ts";
import { parseCode, parseCommune, parseOrganisation, SEXES, type Sex } from "./youth-input.ts";

// Families and collective actions group young people of one service. A
// family is a pseudonymous code and its young people; an action has a title,
// dates, its young people of the service, and a count of anonymous
// participants by sex and age band (the same bands as the shared list
// `tranches_age` and the action grid's matrix).

export const AGE_BAND_CODES = DEFAULT_AGE_BANDS.map((band) => band.code);

/** Anonymous participants: sex → age band → count; absent cells are 0. */
export type AnonymousCounts = Partial<Record<Sex, Partial<Record<string, number>>>>;

export type FamilyInput = {
  code?: string;
  commune?: string;
  youth: string[];
  organisation?: number;
};

export type ActionInput = {
  code?: string;
  title: string;
  starts_on: string;
  ends_on?: string;
  youth: string[];
  anonymous_participants: AnonymousCounts;
  organisation?: number;
};

type Parsed<T> = { value: T; errors: FieldError[] };

function unknownKeys(body: Record<string, unknown>, allowed: string[], errors: FieldError[]) {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) errors.push({ field: key, message: `Champ inconnu : ${key}.` });
  }
}

/** Ids of young people to link; each one is checked against the service later. */
export function parseYouthIds(raw: unknown, errors: FieldError[], field = "youth"): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((id) => typeof id !== "string")) {
    errors.push({ field, message: "Les jeunes se donnent par la liste de leurs identifiants." });
    return [];
  }
  if (raw.length > 200) {
    errors.push({ field, message: "Reliez au plus 200 jeunes à la fois." });
    return [];
  }
  return [...new Set(raw as string[])];
}

export function parseFamilyInput(body: Record<string, unknown>): Parsed<FamilyInput> {
  const errors: FieldError[] = [];
  unknownKeys(body, ["kind", "code", "commune", "youth", "organisation"], errors);
  const value: FamilyInput = { youth: parseYouthIds(body.youth, errors) };
  const code = parseCode(body.code, errors);
  if (code !== undefined) value.code = code;
  const commune = parseCommune(body.commune, errors);
  if (commune !== undefined) value.commune = commune;
  const organisation = parseOrganisation(body.organisation, errors);
  if (organisation !== undefined) value.organisation = organisation;
  return { value, errors };
}

export function parseActionInput(body: Record<string, unknown>): Parsed<ActionInput> {
  const errors: FieldError[] = [];
  unknownKeys(
    body,
    [
      "kind",
      "code",
      "title",
      "starts_on",
      "ends_on",
      "youth",
      "anonymous_participants",
      "organisation",
    ],
    errors,
  );
  const title = typeof body.title === "string" ? body.title.trim() : "";
  if (title === "" || title.length > 150) {
    errors.push({
      field: "title",
      message: "Donnez un intitulé à l'action (150 caractères au plus, sans nom de personne).",
    });
  }
  if (!isCalendarDate(body.starts_on)) {
    errors.push({
      field: "starts_on",
      message: "La date de début est obligatoire, au format AAAA-MM-JJ.",
    });
  }
  let endsOn: string | undefined;
  if (body.ends_on !== undefined && body.ends_on !== null && body.ends_on !== "") {
    if (!isCalendarDate(body.ends_on)) {
      errors.push({ field: "ends_on", message: "La date de fin doit être au format AAAA-MM-JJ." });
    } else if (isCalendarDate(body.starts_on) && body.ends_on < body.starts_on) {
      errors.push({
        field: "ends_on",
        message: "La date de fin ne peut pas précéder la date de début.",
      });
    } else endsOn = body.ends_on;
  }
  const value: ActionInput = {
    title,
    starts_on: body.starts_on as string,
    youth: parseYouthIds(body.youth, errors),
    anonymous_participants: parseAnonymousCounts(body.anonymous_participants, errors),
  };
  if (endsOn !== undefined) value.ends_on = endsOn;
  const code = parseCode(body.code, errors);
  if (code !== undefined) value.code = code;
  const organisation = parseOrganisation(body.organisation, errors);
  if (organisation !== undefined) value.organisation = organisation;
  return { value, errors };
}

export function parseAnonymousCounts(raw: unknown, errors: FieldError[]): AnonymousCounts {
  const field = "anonymous_participants";
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    errors.push({
      field,
      message:
        "Les participants anonymes se donnent par sexe puis par tranche d'âge, avec un nombre.",
    });
    return {};
  }
  const counts: AnonymousCounts = {};
  for (const [sex, bands] of Object.entries(raw as Record<string, unknown>)) {
    if (!SEXES.includes(sex as Sex)) {
      errors.push({
        field: `${field}.${sex}`,
        message: "Le sexe doit être fille, garcon ou autre_nsp.",
      });
      continue;
    }
    if (!bands || typeof bands !== "object" || Array.isArray(bands)) {
      errors.push({ field: `${field}.${sex}`, message: "Donnez un nombre par tranche d'âge." });
      continue;
    }
    const row: Record<string, number> = {};
    for (const [band, count] of Object.entries(bands as Record<string, unknown>)) {
      const cell = `${field}.${sex}.${band}`;
      if (!AGE_BAND_CODES.includes(band)) {
        errors.push({ field: cell, message: `Tranche d'âge inconnue : ${band}.` });
      } else if (!Number.isInteger(count) || (count as number) < 0 || (count as number) > 10_000) {
        errors.push({
          field: cell,
          message: "Le nombre de participants est un entier positif ou nul.",
        });
      } else if ((count as number) > 0) row[band] = count as number;
    }
    if (Object.keys(row).length > 0) counts[sex as Sex] = row;
  }
  return counts;
}

export function totalOf(counts: AnonymousCounts): number {
  let total = 0;
  for (const bands of Object.values(counts)) {
    for (const count of Object.values(bands ?? {})) total += count ?? 0;
  }
  return total;
}
