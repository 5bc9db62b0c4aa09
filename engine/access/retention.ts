import type { Knex } from "knex";
import { audit } from "./audit.ts";
import { anonymiseSubjectIn } from "../store/subject-data.ts";

// The retention rule: a young person with no record (and not added to a
// family or an action) for `years` years is
// anonymised (CNIL's référentiel for social action suggests 2 years after
// the last contact). A dry run lists who would be; --apply does it.

export const DEFAULT_RETENTION_YEARS = 2;

export type RetentionCandidate = {
  id: string;
  code: string;
  organisation_id: number;
  last_activity: string;
};

export type RetentionReport = {
  cutoff: string;
  years: number;
  applied: boolean;
  candidates: RetentionCandidate[];
  values_removed: number;
};

/** The calendar day `years` years before `today`, as 'YYYY-MM-DD'. */
export function cutoffDate(years: number, today: Date = new Date()): string {
  const cutoff = new Date(
    Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()),
  );
  return cutoff.toISOString().slice(0, 10);
}

/** The last time the young person was added to a family or a collective action. */
const LINKED = "(select max(l.created_at)::date from subject_links l where l.youth_id = s.id)";

/**
 * Young people not anonymised yet whose latest activity (a record's date or
 * change, or the person's own creation) is before the cutoff.
 */
export async function retentionCandidates(
  db: Knex | Knex.Transaction,
  cutoff: string,
): Promise<RetentionCandidate[]> {
  const rows = await db("subjects as s")
    .leftJoin("responses as r", "r.subject_id", "s.id")
    .where("s.kind", "youth")
    .whereNull("s.anonymised_at")
    .groupBy("s.id", "s.code", "s.organisation_id", "s.created_at")
    .havingRaw(
      `greatest(max(r.occurred_on), max(r.updated_at)::date, s.created_at::date, ${LINKED}) < ?::date`,
      [cutoff],
    )
    .orderBy("s.code")
    .select(
      "s.id",
      "s.code",
      "s.organisation_id",
      db.raw(
        `greatest(max(r.occurred_on), max(r.updated_at)::date, s.created_at::date, ${LINKED})::text as last_activity`,
      ),
    );
  return rows.map((r) => ({ ...r, last_activity: String(r.last_activity).slice(0, 10) }));
}

export async function runRetention(
  db: Knex,
  options: { years: number; apply: boolean; today?: Date },
): Promise<RetentionReport> {
  const cutoff = cutoffDate(options.years, options.today);
  if (!options.apply) {
    const candidates = await retentionCandidates(db, cutoff);
    return { cutoff, years: options.years, applied: false, candidates, values_removed: 0 };
  }
  return db.transaction(async (trx) => {
    const candidates = await retentionCandidates(trx, cutoff);
    let removed = 0;
    for (const candidate of candidates) {
      const result = await anonymiseSubjectIn(trx, candidate, null, "retention");
      removed += result.values_removed;
    }
    await audit(trx, null, {
      action: "retention.run",
      details: { years: options.years, cutoff, anonymised: candidates.length },
    });
    return { cutoff, years: options.years, applied: true, candidates, values_removed: removed };
  });
}
