import type { Knex } from "knex";
import type { Caller } from "./caller.ts";
import { audit } from "./audit.ts";
import { CHILD_KIND, inPrefixes, requireAdminPrefixes } from "./admin-scope.ts";
import { createOrganisation, type OrganisationKind } from "./organisations.ts";
import { ApiError, type FieldError } from "../http/errors.ts";
import { CODE_PATTERN } from "../grid/types.ts";

// Services and teams as an admin manages them: the association admin adds
// them under their association, the platform admin anywhere.

export type ManagedOrganisation = {
  id: number;
  parent_id: number | null;
  kind: OrganisationKind;
  code: string;
  name: string;
};

const COLUMNS = ["id", "parent_id", "kind", "code", "name"];

export async function listOrganisations(db: Knex, caller: Caller): Promise<ManagedOrganisation[]> {
  const prefixes = requireAdminPrefixes(caller);
  return db("organisations")
    .where((b) => {
      for (const prefix of prefixes) b.orWhere("path", "like", `${prefix}%`);
    })
    .orderBy("path")
    .select(COLUMNS);
}

export async function createManagedOrganisation(
  db: Knex,
  caller: Caller,
  input: Record<string, unknown>,
): Promise<ManagedOrganisation> {
  const prefixes = requireAdminPrefixes(caller);
  const errors: FieldError[] = [];
  const parent = Number.isSafeInteger(input.parent_id)
    ? await db("organisations")
        .where({ id: input.parent_id as number })
        .first("id", "kind", "path")
    : undefined;
  // The admin's own association is inside their branch; a parent elsewhere reads as unknown.
  if (!parent || !inPrefixes(parent.path, prefixes)) {
    errors.push({
      field: "parent_id",
      message: "Choisissez l'association ou le service de rattachement.",
    });
  } else if (input.kind !== CHILD_KIND[parent.kind as OrganisationKind]) {
    const expected = CHILD_KIND[parent.kind as OrganisationKind];
    errors.push({
      field: "kind",
      message: expected
        ? `Sous ce niveau, on ne peut créer que : ${KIND_LABELS[expected]}.`
        : "On ne peut rien créer sous une équipe.",
    });
  }
  if (typeof input.code !== "string" || !CODE_PATTERN.test(input.code) || input.code.length > 64) {
    errors.push({
      field: "code",
      message:
        "Le code s'écrit en minuscules sans accents, chiffres et « _ » (ex. avenir_jeunes_3).",
    });
  }
  if (
    typeof input.name !== "string" ||
    input.name.trim() === "" ||
    input.name.trim().length > 200
  ) {
    errors.push({ field: "name", message: "Le nom est obligatoire (200 caractères au plus)." });
  }
  if (errors.length > 0) throw new ApiError("invalid_request", { errors });

  return db.transaction(async (trx) => {
    if (
      await trx("organisations")
        .where({ code: input.code as string })
        .first("id")
    ) {
      throw new ApiError("invalid_request", {
        errors: [{ field: "code", message: "Ce code est déjà pris : choisissez-en un autre." }],
      });
    }
    const created = await createOrganisation(trx, {
      kind: input.kind as OrganisationKind,
      code: input.code as string,
      name: (input.name as string).trim(),
      parentId: parent!.id,
    });
    await audit(trx, caller, {
      action: "organisation.create",
      organisationId: created.id,
      targetType: "organisation",
      targetId: created.id,
      details: {
        kind: created.kind,
        code: created.code,
        name: created.name,
        parent_id: parent!.id,
      },
    });
    return {
      id: created.id,
      parent_id: created.parentId,
      kind: created.kind,
      code: created.code,
      name: created.name,
    };
  });
}

export const KIND_LABELS: Record<OrganisationKind, string> = {
  federation: "fédération",
  association: "association",
  service: "service",
  team: "équipe",
};
