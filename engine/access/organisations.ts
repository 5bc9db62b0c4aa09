import type { Knex } from "knex";

export type OrganisationKind = "federation" | "association" | "service" | "team";

export type Organisation = {
  id: number;
  parentId: number | null;
  kind: OrganisationKind;
  code: string;
  name: string;
  path: string;
};

export async function createOrganisation(
  db: Knex | Knex.Transaction,
  input: { kind: OrganisationKind; code: string; name: string; parentId?: number | null },
): Promise<Organisation> {
  const parent = input.parentId
    ? await db("organisations").where({ id: input.parentId }).first("path")
    : undefined;
  if (input.parentId && !parent) throw new Error(`unknown parent organisation ${input.parentId}`);
  const [row] = await db("organisations")
    .insert({
      kind: input.kind,
      code: input.code,
      name: input.name,
      parent_id: input.parentId ?? null,
    })
    .returning("id");
  const path = `${parent?.path ?? "/"}${row.id}/`;
  await db("organisations").where({ id: row.id }).update({ path });
  return {
    id: row.id,
    parentId: input.parentId ?? null,
    kind: input.kind,
    code: input.code,
    name: input.name,
    path,
  };
}

export async function findOrganisationByCode(
  db: Knex,
  code: string,
): Promise<Organisation | undefined> {
  const row = await db("organisations").where({ code }).first();
  return row && toOrganisation(row);
}

function toOrganisation(row: Record<string, any>): Organisation {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    path: row.path,
  };
}

/** A where-clause limiting `column` (an organisation id) to the branches given by path prefixes. */
export function inBranches(
  db: Knex | Knex.Transaction,
  column: string,
  prefixes: string[],
): (builder: Knex.QueryBuilder) => void {
  return (builder) => {
    if (prefixes.length === 0) {
      builder.whereRaw("false");
      return;
    }
    builder.whereIn(
      column,
      db("organisations")
        .select("id")
        .where((inner) => {
          for (const prefix of prefixes) inner.orWhere("path", "like", `${prefix}%`);
        }),
    );
  };
}
