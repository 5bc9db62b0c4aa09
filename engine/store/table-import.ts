import type { Knex } from "knex";
import { audit } from "../access/audit.ts";
import { log } from "../http/log.ts";
import { checkAnyDefinitionShape, type AnyTableDefinition } from "../table/any-definition.ts";

// The shipped table definitions (definitions/tables/) brought into the
// database at each start, so that a release's tables are the ones computed.

/**
 * Brings the shipped definitions in: new ones inserted, changed ones updated,
 * those a release no longer ships removed (no report names them any more). A
 * table made in the app under a code that a new release now ships is moved
 * aside (its code gets « _local »), or the report packs naming that code would read it.
 */
export async function importShippedTables(
  db: Knex,
  definitions: AnyTableDefinition[],
): Promise<void> {
  for (const def of definitions) {
    const errors = checkAnyDefinitionShape(def);
    if (errors.length > 0)
      throw new Error(`shipped table ${def.code} is invalid: ${JSON.stringify(errors)}`);
    await db.transaction(async (trx) => {
      const taken = await trx("table_definitions")
        .where({ code: def.code })
        .first("id", "source", "organisation_id");
      if (taken?.source === "app") await moveAppTableAside(trx, taken, def.code);
      await trx("table_definitions")
        .insert({
          code: def.code,
          title: def.title,
          definition: JSON.stringify(def),
          source: "shipped",
        })
        .onConflict("code")
        .merge(["title", "definition"]);
    });
  }
  await db("table_definitions")
    .where({ source: "shipped" })
    .whereNotIn(
      "code",
      definitions.map((d) => d.code),
    )
    .delete();
}

async function moveAppTableAside(
  trx: Knex.Transaction,
  table: { id: number; organisation_id: number | null },
  code: string,
): Promise<void> {
  let free = `${code}_local`;
  for (let n = 2; await trx("table_definitions").where({ code: free }).first("id"); n++) {
    free = `${code}_local_${n}`;
  }
  const row = await trx("table_definitions").where({ id: table.id }).first("definition");
  await trx("table_definitions")
    .where({ id: table.id })
    .update({ code: free, definition: JSON.stringify({ ...row.definition, code: free }) });
  await audit(trx, null, {
    action: "table.definition.renamed",
    organisationId: table.organisation_id,
    targetType: "table",
    targetId: free,
    details: { previousCode: code, reason: "code now shipped" },
  });
  log.warn({ previousCode: code, code: free }, "app table renamed: its code is now shipped");
}
