import type { Knex } from "knex";
import type { Caller } from "../access/caller.ts";
import { inBranches } from "../access/organisations.ts";
import { roundCount } from "../table/mask.ts";
import { checkFederationPeriod } from "./table-scope.ts";
import { scopeOf } from "./trajectory-scope.ts";

// Collective actions over a period, counting people, not rows: a young person
// linked to three actions is one young person reached and three
// participations; anonymous participants add to participations only.
// At federation scope, counts under the small-cell threshold are hidden, the
// others rounded to a multiple of `rounding`, and the period is whole years.

export type ReachRow = {
  organisation_id: number | null;
  organisation: string;
  actions: number | null;
  linked_participations: number | null;
  distinct_youth: number | null;
  anonymous_participants: number | null;
  total_participants: number | null;
};

export async function computeActionReach(
  db: Knex,
  caller: Caller,
  period: { from?: string; to?: string },
  smallCellThreshold: number,
  rounding: number,
): Promise<{ scope: "branch" | "federation"; rows: ReachRow[] }> {
  const scope = scopeOf(caller);
  if (scope.kind === "federation") checkFederationPeriod(period);
  const actions = db("subjects as s")
    .where("s.kind", "action")
    .select("s.id", "s.organisation_id", "s.details");
  if (period.from) actions.andWhere("s.starts_on", ">=", period.from);
  if (period.to) actions.andWhere("s.starts_on", "<=", period.to);
  if (scope.kind === "branch")
    actions.andWhere(inBranches(db, "s.organisation_id", scope.prefixes));

  const linked = await db
    .with("actions", actions)
    .from("actions as a")
    .leftJoin("subject_links as l", "l.parent_id", "a.id")
    .select(
      "a.organisation_id",
      db.raw("grouping(a.organisation_id) as is_total"),
      db.raw("count(distinct a.id)::int as actions"),
      db.raw("count(l.youth_id)::int as linked_participations"),
      db.raw("count(distinct l.youth_id)::int as distinct_youth"),
    )
    .groupByRaw("rollup (a.organisation_id)");
  const anonymous = await db
    .with("actions", actions)
    .from("actions as a")
    .joinRaw(
      "cross join lateral jsonb_each(coalesce(a.details->'anonymous_participants', '{}'::jsonb)) as bysex(sex, bands)",
    )
    .joinRaw("cross join lateral jsonb_each_text(bysex.bands) as cell(band, n)")
    .select(
      "a.organisation_id",
      db.raw("grouping(a.organisation_id) as is_total"),
      db.raw("coalesce(sum(cell.n::int), 0)::int as anonymous"),
    )
    .groupByRaw("rollup (a.organisation_id)");

  const names = new Map<number, string>(
    (await db("organisations").select("id", "name")).map((o) => [o.id as number, o.name as string]),
  );
  const keyOf = (row: { organisation_id: number | null; is_total: number }) =>
    row.is_total ? "total" : String(row.organisation_id);
  const anonymousBy = new Map(anonymous.map((row) => [keyOf(row), row.anonymous as number]));
  const show = (n: number) =>
    scope.kind !== "federation"
      ? n
      : n > 0 && n < smallCellThreshold
        ? null
        : roundCount(n, rounding);

  const rows = linked
    .filter((row) => row.is_total || row.organisation_id !== null)
    .map((row): ReachRow => {
      const anonymousCount = anonymousBy.get(keyOf(row)) ?? 0;
      return {
        organisation_id: row.is_total ? null : row.organisation_id,
        organisation: row.is_total
          ? "Ensemble"
          : (names.get(row.organisation_id) ?? String(row.organisation_id)),
        actions: show(row.actions),
        linked_participations: show(row.linked_participations),
        distinct_youth: show(row.distinct_youth),
        anonymous_participants: show(anonymousCount),
        total_participants: show(row.linked_participations + anonymousCount),
      };
    });
  return {
    scope: scope.kind,
    rows: rows.sort((a, b) =>
      a.organisation_id === null
        ? 1
        : b.organisation_id === null
          ? -1
          : a.organisation.localeCompare(b.organisation, "fr"),
    ),
  };
}
