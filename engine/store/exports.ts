import type { Knex } from "knex";
import { recordReadPrefixes, type Caller } from "../access/caller.ts";
import { audit } from "../access/audit.ts";
import { apiError, notFound } from "../http/errors.ts";
import { recordColumns, type RecordColumn } from "../export/record-columns.ts";
import type { PublishedVersion } from "../table/labels.ts";

// Exports of the records themselves, for the people who may read them: never
// for the federation's analysts, who see aggregates only. Rows are read in
// pages by id, so an export of a million records holds one page at a time.

const PAGE = 2000;

export type RecordExport = {
  columns: RecordColumn[];
  /** Fixed columns first: record id, version, date, service, young person. */
  header: (mode: "labels" | "codes") => string[];
  rows: () => AsyncGenerator<(string | number | boolean | null)[]>;
};

const FIXED = [
  { code: "fiche", label: "Fiche" },
  { code: "version", label: "Version de la grille" },
  { code: "date", label: "Date" },
  { code: "service", label: "Service" },
  { code: "jeune", label: "Jeune (code)" },
  { code: "statut", label: "Statut" },
];

export const FREE_TEXT_FLAG = "[texte libre] ";

export async function prepareRecordExport(
  db: Knex,
  caller: Caller,
  gridCode: string,
  format: "csv" | "xlsx",
): Promise<RecordExport> {
  const prefixes = recordReadPrefixes(caller);
  if (prefixes.length === 0) throw apiError("forbidden");
  const grid = await db("grids").where({ code: gridCode }).first("id");
  if (!grid) throw notFound(`La grille « ${gridCode} »`);
  const versions: PublishedVersion[] = await db("grid_versions")
    .where({ grid_id: grid.id, status: "published" })
    .select("id", "number", "survey");
  const columns = recordColumns(versions);
  await audit(db, caller, {
    action: "responses.export",
    targetType: "grid",
    targetId: gridCode,
    details: { format },
  });

  // The organisations of the caller's branches, as ids: with a plain list the
  // planner walks the primary key in order, so each page costs one page.
  const organisationIds: number[] = (
    await db("organisations")
      .where((q) => {
        for (const prefix of prefixes) q.orWhere("path", "like", `${prefix}%`);
      })
      .select("id")
  ).map((row) => row.id);

  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const page = db("responses as r")
        .where("r.grid_id", grid.id)
        .andWhereRaw("r.organisation_id = any(?::int[])", [`{${organisationIds.join(",")}}`])
        .orderBy("r.id")
        .limit(PAGE)
        .select(
          "r.id",
          "r.grid_version_id",
          "r.organisation_id",
          "r.subject_id",
          "r.occurred_on",
          "r.status",
          "r.data",
        );
      if (after) page.andWhere("r.id", ">", after);
      const lines: Record<string, any>[] = await db
        .from(page.as("p"))
        .join("grid_versions as v", "v.id", "p.grid_version_id")
        .join("organisations as o", "o.id", "p.organisation_id")
        .leftJoin("subjects as s", "s.id", "p.subject_id")
        .orderBy("p.id")
        .select(
          "p.id",
          "v.number",
          "p.occurred_on",
          "o.code as service",
          "s.code as subject",
          "p.status",
          "p.data",
        );
      for (const row of lines) {
        const data = (row.data ?? {}) as Record<string, unknown>;
        yield [
          row.id,
          row.number,
          row.occurred_on,
          row.service,
          row.subject,
          row.status,
          ...columns.map((c) => c.read(data)),
        ];
      }
      if (lines.length < PAGE) return;
      after = lines[lines.length - 1]!.id;
    }
  }

  return {
    columns,
    header: (mode) => [
      ...FIXED.map((f) => (mode === "codes" ? f.code : f.label)),
      ...columns.map(
        (c) => `${c.freeText ? FREE_TEXT_FLAG : ""}${mode === "codes" ? c.code : c.label}`,
      ),
    ],
    rows,
  };
}
