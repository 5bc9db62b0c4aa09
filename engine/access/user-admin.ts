import type { Knex } from "knex";
import type { Caller } from "./caller.ts";
import { audit } from "./audit.ts";
import { inPrefixes, requireAdminPrefixes, ROLE_KINDS } from "./admin-scope.ts";
import { hashPassword, newPasswordProblem } from "./passwords.ts";
import { ROLE_LABELS, ROLES, type Role } from "./roles.ts";
import { ApiError, apiError, notFound, type FieldError } from "../http/errors.ts";

// Accounts as an admin manages them, within their branch. A user is visible
// to an admin when they hold a role in the admin's branch, and manageable
// when every role they hold is there: an account shared with another
// association is left to whoever administers both.

/** A user as the API returns it: never the hash, the failure count or the lock. */
export type ManagedUser = {
  id: number;
  email: string;
  display_name: string;
  disabled: boolean;
  /** Still holds the provisional password an admin gave. */
  must_change_password: boolean;
  created_at: string;
  roles: { role: Role; label: string; organisation_id: number; organisation_name: string }[];
};

export type RoleInput = { role: Role; organisation_id: number };

type RoleRow = { user_id: number; role: Role; organisation_id: number; name: string; path: string };

async function roleRows(db: Knex | Knex.Transaction, userIds: number[]): Promise<RoleRow[]> {
  if (userIds.length === 0) return [];
  return db("user_roles as r")
    .join("organisations as o", "o.id", "r.organisation_id")
    .whereIn("r.user_id", userIds)
    .orderBy(["o.path", "r.role"])
    .select("r.user_id", "r.role", "r.organisation_id", "o.name", "o.path");
}

function toUser(row: Record<string, any>, roles: RoleRow[], prefixes: string[]): ManagedUser {
  return {
    id: row.id,
    email: row.email,
    display_name: row.display_name,
    disabled: row.disabled,
    must_change_password: Boolean(row.must_change_password),
    created_at: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
    // Roles held elsewhere are none of this admin's business.
    roles: roles
      .filter((r) => r.user_id === row.id && inPrefixes(r.path, prefixes))
      .map((r) => ({
        role: r.role,
        label: ROLE_LABELS[r.role],
        organisation_id: r.organisation_id,
        organisation_name: r.name,
      })),
  };
}

const USER_COLUMNS = [
  "u.id",
  "u.email",
  "u.display_name",
  "u.disabled",
  "u.must_change_password",
  "u.created_at",
];

function visibleUsers(db: Knex | Knex.Transaction, prefixes: string[]) {
  return db("users as u").whereExists(
    db("user_roles as r")
      .join("organisations as o", "o.id", "r.organisation_id")
      .whereRaw("r.user_id = u.id")
      .andWhere((b) => {
        for (const prefix of prefixes) b.orWhere("o.path", "like", `${prefix}%`);
      }),
  );
}

export async function listUsers(db: Knex, caller: Caller): Promise<ManagedUser[]> {
  const prefixes = requireAdminPrefixes(caller);
  const rows = await visibleUsers(db, prefixes).orderBy("u.email").select(USER_COLUMNS);
  const roles = await roleRows(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toUser(row, roles, prefixes));
}

export async function findManagedUser(
  db: Knex | Knex.Transaction,
  caller: Caller,
  id: number,
): Promise<ManagedUser> {
  const prefixes = requireAdminPrefixes(caller);
  const row = Number.isSafeInteger(id)
    ? await visibleUsers(db, prefixes).andWhere("u.id", id).first(USER_COLUMNS)
    : undefined;
  if (!row) throw notFound("Le compte");
  return toUser(row, await roleRows(db, [id]), prefixes);
}

/** Visible and wholly inside the caller's branch, or 404 / 403. */
async function manageable(trx: Knex.Transaction, caller: Caller, id: number) {
  const prefixes = requireAdminPrefixes(caller);
  const user = await findManagedUser(trx, caller, id);
  const all = await roleRows(trx, [id]);
  if (!all.every((r) => inPrefixes(r.path, prefixes))) throw apiError("forbidden");
  return { user, prefixes };
}

/** Checks role assignments against the caller's branch; the organisation ids come back known. */
async function checkRoles(
  db: Knex | Knex.Transaction,
  prefixes: string[],
  raw: unknown,
): Promise<{ roles: RoleInput[]; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  if (!Array.isArray(raw) || raw.length === 0) {
    return {
      roles: [],
      errors: [
        { field: "roles", message: "Donnez au moins un rôle dans un service ou l'association." },
      ],
    };
  }
  const roles: RoleInput[] = [];
  for (const [index, item] of raw.entries()) {
    const field = `roles.${index}`;
    const {
      role,
      organisation_id: organisationId,
      ...rest
    } = (item ?? {}) as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || typeof item !== "object") {
      errors.push({ field, message: "Un rôle s'écrit { role, organisation_id }." });
      continue;
    }
    if (!ROLES.includes(role as Role)) {
      errors.push({ field: `${field}.role`, message: "Ce rôle n'existe pas." });
      continue;
    }
    const organisation = Number.isSafeInteger(organisationId)
      ? await db("organisations")
          .where({ id: organisationId as number })
          .first("kind", "path")
      : undefined;
    // An organisation outside the branch reads as unknown: its existence is not the caller's to learn.
    if (!organisation || !inPrefixes(organisation.path, prefixes)) {
      errors.push({
        field: `${field}.organisation_id`,
        message: "Choisissez un service de votre association.",
      });
      continue;
    }
    if (!ROLE_KINDS[role as Role].includes(organisation.kind)) {
      errors.push({
        field: `${field}.role`,
        message: `Le rôle « ${ROLE_LABELS[role as Role]} » ne s'attribue pas à ce niveau d'organisation.`,
      });
      continue;
    }
    roles.push({ role: role as Role, organisation_id: organisationId as number });
  }
  const unique = new Map(roles.map((r) => [`${r.role}@${r.organisation_id}`, r]));
  return { roles: [...unique.values()], errors };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkDisplayName(value: unknown, errors: FieldError[]): string | undefined {
  if (typeof value !== "string" || value.trim() === "" || value.trim().length > 100) {
    errors.push({
      field: "display_name",
      message: "Le nom affiché est obligatoire (100 caractères au plus).",
    });
    return undefined;
  }
  return value.trim();
}

export async function createManagedUser(
  db: Knex,
  caller: Caller,
  input: Record<string, unknown>,
): Promise<ManagedUser> {
  const prefixes = requireAdminPrefixes(caller);
  const errors: FieldError[] = [];
  const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  if (!EMAIL.test(email) || email.length > 254) {
    errors.push({ field: "email", message: "Indiquez une adresse e-mail valide." });
  }
  const displayName = checkDisplayName(input.display_name, errors);
  const problem = newPasswordProblem(input.password);
  if (problem) errors.push({ field: "password", message: problem });
  const checked = await checkRoles(db, prefixes, input.roles);
  errors.push(...checked.errors);
  if (errors.length > 0) throw new ApiError("invalid_request", { errors });

  const passwordHash = await hashPassword(input.password as string);
  const id = await db.transaction(async (trx) => {
    const [row] = await trx("users")
      .insert({
        email,
        display_name: displayName,
        password_hash: passwordHash,
        must_change_password: true,
      })
      .onConflict("email")
      .ignore()
      .returning("id");
    if (!row) {
      throw new ApiError("invalid_request", {
        errors: [{ field: "email", message: "Un compte existe déjà avec cette adresse e-mail." }],
      });
    }
    await trx("user_roles").insert(
      checked.roles.map((r) => ({
        user_id: row.id,
        organisation_id: r.organisation_id,
        role: r.role,
      })),
    );
    await audit(trx, caller, {
      action: "user.create",
      organisationId: checked.roles[0]!.organisation_id,
      targetType: "user",
      targetId: row.id,
      details: { email, roles: checked.roles },
    });
    return row.id as number;
  });
  return findManagedUser(db, caller, id);
}

export async function updateManagedUser(
  db: Knex,
  caller: Caller,
  id: number,
  input: Record<string, unknown>,
): Promise<ManagedUser> {
  return db.transaction(async (trx) => {
    const { user, prefixes } = await manageable(trx, caller, id);
    const errors: FieldError[] = [];
    const changes: Record<string, unknown> = {};
    if (input.display_name !== undefined)
      changes.display_name = checkDisplayName(input.display_name, errors);
    if (input.disabled !== undefined) {
      if (typeof input.disabled !== "boolean") {
        errors.push({ field: "disabled", message: "« disabled » vaut true ou false." });
      } else if (input.disabled && id === caller.userId) {
        errors.push({
          field: "disabled",
          message: "Vous ne pouvez pas désactiver votre propre compte.",
        });
      } else changes.disabled = input.disabled;
    }
    const checked =
      input.roles === undefined ? undefined : await checkRoles(trx, prefixes, input.roles);
    if (checked) errors.push(...checked.errors);
    if (errors.length > 0) throw new ApiError("invalid_request", { errors });

    if (Object.keys(changes).length > 0) await trx("users").where({ id }).update(changes);
    if (changes.disabled === true) await trx("sessions").where({ user_id: id }).delete();
    if (checked) {
      await trx("user_roles").where({ user_id: id }).delete();
      await trx("user_roles").insert(
        checked.roles.map((r) => ({
          user_id: id,
          organisation_id: r.organisation_id,
          role: r.role,
        })),
      );
    }
    await audit(trx, caller, {
      action: "user.update",
      organisationId: checked?.roles[0]?.organisation_id ?? user.roles[0]?.organisation_id ?? null,
      targetType: "user",
      targetId: id,
      details: { ...changes, ...(checked ? { roles: checked.roles } : {}) },
    });
    return findManagedUser(trx, caller, id);
  });
}

/** An admin sets a provisional password: the account's sessions end and its lock lifts. */
export async function resetUserPassword(
  db: Knex,
  caller: Caller,
  id: number,
  password: unknown,
): Promise<void> {
  // Reset skips the current password: on one's own account it would let a borrowed
  // session take the account. One's own password is changed in « Mon compte ».
  await db.transaction((trx) => manageable(trx, caller, id));
  if (id === caller.userId) {
    throw new ApiError("invalid_request", {
      errors: [
        {
          field: "password",
          message:
            "Pour votre propre compte, changez votre mot de passe dans « Mon compte » : il demande l'actuel.",
        },
      ],
    });
  }
  const problem = newPasswordProblem(password);
  if (problem)
    throw new ApiError("invalid_request", { errors: [{ field: "password", message: problem }] });
  const passwordHash = await hashPassword(password as string);
  await db.transaction(async (trx) => {
    const { user } = await manageable(trx, caller, id);
    await trx("users").where({ id }).update({
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      must_change_password: true,
    });
    await trx("sessions").where({ user_id: id }).delete();
    await audit(trx, caller, {
      action: "user.password.reset",
      organisationId: user.roles[0]?.organisation_id ?? null,
      targetType: "user",
      targetId: id,
    });
  });
}
