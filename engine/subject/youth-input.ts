import type { FieldError } from "../http/errors.ts";

// What a young person's record may hold: a pseudonymous code, a first name
// or initials, birth month and year, sex. Nothing else identifies them.

export const SEXES = ["fille", "garcon", "autre_nsp"] as const;
export type Sex = (typeof SEXES)[number];

export type YouthInput = {
  code?: string;
  first_name?: string;
  birth_year?: number;
  birth_month?: number;
  sex?: Sex;
  organisation?: number;
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;
const ALLOWED = ["kind", "code", "first_name", "birth_year", "birth_month", "sex", "organisation"];

export function parseYouthInput(
  body: Record<string, unknown>,
  today: Date = new Date(),
): { value: YouthInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value: YouthInput = {};
  for (const key of Object.keys(body)) {
    if (!ALLOWED.includes(key)) errors.push({ field: key, message: `Champ inconnu : ${key}.` });
  }
  if (body.code !== undefined && body.code !== "") {
    if (typeof body.code !== "string" || !CODE.test(body.code)) {
      errors.push({
        field: "code",
        message: "Le code doit faire 2 à 32 caractères : lettres, chiffres, « - » ou « _ ».",
      });
    } else value.code = body.code.toUpperCase();
  }
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
      errors.push({ field: "sex", message: "Le sexe doit être fille, garçon ou autre / non précisé." });
    } else value.sex = body.sex as Sex;
  }
  if (body.organisation !== undefined) {
    if (!Number.isInteger(body.organisation)) {
      errors.push({ field: "organisation", message: "Le service doit être un identifiant." });
    } else value.organisation = body.organisation as number;
  }
  return { value, errors };
}
