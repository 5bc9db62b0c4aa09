import type { Knex } from "knex";
import type { Caller } from "../access/caller.ts";
import { inBranches } from "../access/organisations.ts";
import { todayInFrance } from "../response/dates.ts";
import { roundCount } from "../table/mask.ts";
import { scopeOf } from "./trajectory-scope.ts";

// Durations of the paths, by service: from first contact to the first
// accompaniment, and the length of accompaniment periods. First contact is
// the month given in the young person's profile (its first day), or else the
// date of their earliest record. Computed in SQL over the caller's scope;
// at federation scope a service with fewer young people (or periods) than
// the small-cell threshold shows counts only, no figures. At that scope every
// count shown is rounded to a multiple of `rounding`, as in federation tables.

export type Stat = {
  count: number | null;
  median_days: number | null;
  average_days: number | null;
};

export type DurationRow = {
  organisation_id: number | null;
  organisation: string;
  youth_known: number | null;
  first_contact_to_accompaniment: Stat;
  closed_accompaniments: Stat;
  open_accompaniments: number | null;
};

const DATE = "'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'";
const MONTH = "'^[0-9]{4}-[0-9]{2}$'";

export async function computeDurations(
  db: Knex,
  caller: Caller,
  smallCellThreshold: number,
  rounding: number,
  today: string = todayInFrance(),
): Promise<{ scope: "branch" | "federation"; rows: DurationRow[] }> {
  const scope = scopeOf(caller);
  const scoped = db("responses as r")
    .join("grids as g", "g.id", "r.grid_id")
    .whereNotNull("r.subject_id")
    .select("r.subject_id", "r.organisation_id", "r.occurred_on", "r.data", "g.code as grid");
  if (scope.kind === "branch") scoped.andWhere(inBranches(db, "r.organisation_id", scope.prefixes));

  const perYouth = db.raw(
    `select subject_id, organisation_id,
       coalesce(
         min(case when grid = 'profil_jeune' and data->>'date_premier_contact' ~ ${MONTH}
             then to_date(data->>'date_premier_contact' || '-01', 'YYYY-MM-DD') end),
         min(occurred_on)) as first_contact,
       min(case when grid = 'accompagnement' and data->>'date_debut' ~ ${DATE}
           then to_date(data->>'date_debut', 'YYYY-MM-DD') end) as accompaniment_start
     from scoped group by subject_id, organisation_id`,
  );
  const periods = db.raw(
    `select organisation_id,
       to_date(data->>'date_debut', 'YYYY-MM-DD') as start,
       case when data->>'date_fin' ~ ${DATE} then to_date(data->>'date_fin', 'YYYY-MM-DD') end as finish
     from scoped where grid = 'accompagnement' and data->>'date_debut' ~ ${DATE}`,
  );

  const youthStats = await db
    .with("scoped", scoped)
    .with("per_youth", perYouth)
    .from("per_youth")
    .select(
      "organisation_id",
      db.raw("grouping(organisation_id) as is_total"),
      db.raw("count(*)::int as youth_known"),
      db.raw("count(*) filter (where accompaniment_start >= first_contact)::int as delay_count"),
      db.raw(
        "percentile_cont(0.5) within group (order by accompaniment_start - first_contact) " +
          "filter (where accompaniment_start >= first_contact) as delay_median",
      ),
      db.raw(
        "avg(accompaniment_start - first_contact) filter (where accompaniment_start >= first_contact)::float8 as delay_average",
      ),
    )
    .groupByRaw("rollup (organisation_id)");

  const periodStats = await db
    .with("scoped", scoped)
    .with("periods", periods)
    .from("periods")
    .select(
      "organisation_id",
      db.raw("grouping(organisation_id) as is_total"),
      db.raw("count(*) filter (where finish is not null and finish < ?)::int as closed_count", [
        today,
      ]),
      db.raw(
        "percentile_cont(0.5) within group (order by finish - start) " +
          "filter (where finish is not null and finish < ?) as closed_median",
        [today],
      ),
      db.raw(
        "avg(finish - start) filter (where finish is not null and finish < ?)::float8 as closed_average",
        [today],
      ),
      db.raw(
        "count(*) filter (where start <= ? and (finish is null or finish >= ?))::int as open_count",
        [today, today],
      ),
    )
    .groupByRaw("rollup (organisation_id)");

  const names = new Map<number, string>(
    (await db("organisations").select("id", "name")).map((o) => [o.id as number, o.name as string]),
  );
  const keyOf = (row: { organisation_id: number | null; is_total: number }) =>
    row.is_total ? "total" : String(row.organisation_id);
  const byKey = new Map(periodStats.map((row) => [keyOf(row), row]));
  const hide = scope.kind === "federation";
  const shownCount = (count: number): number | null =>
    !hide ? count : count > 0 && count < smallCellThreshold ? null : roundCount(count, rounding);
  const stat = (count: number, median: unknown, average: unknown): Stat => {
    const shown = !(hide && count > 0 && count < smallCellThreshold);
    const round = (v: unknown) =>
      v === null || v === undefined || !shown ? null : Math.round(Number(v) * 10) / 10;
    return {
      count: shown ? shownCount(count) : null,
      median_days: round(median),
      average_days: round(average),
    };
  };

  const rows = youthStats.map((row): DurationRow => {
    const p = byKey.get(keyOf(row));
    return {
      organisation_id: row.is_total ? null : row.organisation_id,
      organisation: row.is_total
        ? "Ensemble"
        : (names.get(row.organisation_id) ?? String(row.organisation_id)),
      youth_known: shownCount(row.youth_known),
      first_contact_to_accompaniment: stat(row.delay_count, row.delay_median, row.delay_average),
      closed_accompaniments: stat(p?.closed_count ?? 0, p?.closed_median, p?.closed_average),
      open_accompaniments: shownCount(p?.open_count ?? 0),
    };
  });
  // Services by name, the whole scope last.
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
