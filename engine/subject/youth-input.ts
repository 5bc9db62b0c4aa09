import type { FieldError } from "../http/errors.ts";
import { findCommune, INSEE_CODE } from "./communes.ts";

// What a young person's record may hold: a pseudonymous code, a first name
// or initials, birth month and year, sex, the commune (INSEE code from the
// official list) and the neighbourhood. Nothing else identifies them.

export const SEXES = ["fille", "garcon", "autre_nsp"] as const;
export type Sex = (typeof SEXES)[number];

export type YouthInput = {
  code?: string;
  first_name?: string;
  birth_year?: number;
  birth_month?: number;
  sex?: Sex;
  commune?: string;
  neighbourhood?: string;
  organisation?: number;
};

export const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;
const ALLOWED = [
  "kind",
  "code",
  "first_name",
  "birth_year",
  "birth_month",
  "sex",
  "commune",
  "neighbourhood",
  "organisation",
];

export function parseYouthInput(
  body: Record<string, unknown>,
  today: Date = new Date(),
): { value: YouthInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value: YouthInput = {};
  for (const key of Object.keys(body)) {
    if (!ALLOWED.includes(key)) errors.push({ field: key, message: `Champ inconnu : ${key}.` });
  }
  value.code = parseCode(body.code, errors);
  if (body.first_name !== undefined && body.first_name !== "") {
    if (typeof body.first_name !== "string" || body.first_name.trim().length > 30) {
      errors.push({
        field: "first_name",
        message: "Le prénom ou les initiales tiennent en 30 caractères au plus.",
      });
    } else value.first_name = body.first_name.trim();
  }
  const year = today.getUTCFullYear();
  if (body.birth_year !== undefined && body.birth_year !== null && body.birth_year !== "") {
    const birthYear = Number(body.birth_year);
    if (!Number.isInteger(birthYear) || birthYear < year - 40 || birthYear > year - 5) {
      errors.push({
        field: "birth_year",
        message: `L'année de naissance doit être comprise entre ${year - 40} et ${year - 5}.`,
      });
    } else value.birth_year = birthYear;
  }
  if (body.birth_month !== undefined && body.birth_month !== null && body.birth_month !== "") {
    const birthMonth = Number(body.birth_month);
    if (!Number.isInteger(birthMonth) || birthMonth < 1 || birthMonth > 12) {
      errors.push({ field: "birth_month", message: "Le mois de naissance va de 1 à 12." });
    } else value.birth_month = birthMonth;
  }
  if (body.sex !== undefined && body.sex !== "") {
    if (!SEXES.includes(body.sex as Sex)) {
      errors.push({
        field: "sex",
        message: "Le sexe doit être fille, garçon ou autre / non précisé.",
      });
    } else value.sex = body.sex as Sex;
  }
  value.commune = parseCommune(body.commune, errors);
  value.neighbourhood = parseNeighbourhood(body.neighbourhood, errors);
  value.organisation = parseOrganisation(body.organisation, errors);
  return { value: dropUndefined(value), errors };
}

/** The pseudonymous code a service picks, upper-cased; absent means "generate one". */
export function parseCode(raw: unknown, errors: FieldError[]): string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw !== "string" || !CODE.test(raw)) {
    errors.push({
      field: "code",
      message: "Le code doit faire 2 à 32 caractères : lettres, chiffres, « - » ou « _ ».",
    });
    return undefined;
  }
  return raw.toUpperCase();
}

/** An INSEE code of a current commune (or a municipal arrondissement). */
export function parseCommune(raw: unknown, errors: FieldError[]): string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw !== "string" || !INSEE_CODE.test(raw.toUpperCase())) {
    errors.push({
      field: "commune",
      message: "La commune se donne par son code INSEE à 5 caractères (par exemple 69266).",
    });
    return undefined;
  }
  const commune = findCommune(raw);
  if (!commune) {
    errors.push({
      field: "commune",
      message: `Le code INSEE ${raw} ne correspond à aucune commune actuelle. Choisissez-la dans la liste.`,
    });
    return undefined;
  }
  return commune.code;
}

function parseNeighbourhood(raw: unknown, errors: FieldError[]): string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw !== "string" || raw.trim().length > 80) {
    errors.push({
      field: "neighbourhood",
      message: "Le quartier tient en 80 caractères au plus (un nom de quartier, pas une adresse).",
    });
    return undefined;
  }
  return raw.trim();
}

export function parseOrganisation(raw: unknown, errors: FieldError[]): number | undefined {
  if (raw === undefined) return undefined;
  if (!Number.isInteger(raw)) {
    errors.push({ field: "organisation", message: "Le service doit être un identifiant." });
    return undefined;
  }
  return raw as number;
}

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}
