import type { Knex } from "knex";
import { apiError } from "../http/errors.ts";

// Login rate limit, kept in the database so that it holds across several
// server instances: attempts are counted per address and per e-mail over a
// sliding window, and a successful one is forgotten. It sits in front of the
// per-account lock (sessions.ts).
//
// Each attempt is written BEFORE the limits are checked, with itself
// included: parallel attempts then see each other, so none slips under a
// limit. (Checking first and writing after a failure let every attempt of a
// parallel burst read the same count.)

export const LOGIN_WINDOW_MINUTES = 15;
/** An office behind one address may mistype a few passwords; a script makes hundreds. */
export const MAX_FAILURES_PER_IP = 30;
/** Above the account lock (5): it also stops guessing at unknown or locked addresses. */
export const MAX_FAILURES_PER_EMAIL = 10;

type Key = { ip?: string; email: string };

function windowStart(): Date {
  return new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
}

/**
 * Counts one attempt, then refuses it with 429 `too_many_attempts` (and the
 * seconds to wait) when it goes past a limit. The attempt stays counted unless
 * `forget` is called once it has succeeded.
 */
export async function admitLoginAttempt(
  db: Knex | Knex.Transaction,
  key: Key,
): Promise<{ forget: () => Promise<void> }> {
  const [row] = await db("login_attempts")
    .insert({ ip: key.ip ?? null, email: normalise(key.email) })
    .returning("id");
  await db("login_attempts")
    .where("at", "<", new Date(Date.now() - 86_400_000))
    .delete();
  await checkLoginRate(db, key);
  return {
    forget: () =>
      db("login_attempts")
        .where({ id: row.id })
        .delete()
        .then(() => {}),
  };
}

/** Throws 429 when more attempts than a limit allows are counted, this one included. */
async function checkLoginRate(db: Knex | Knex.Transaction, key: Key): Promise<void> {
  const since = windowStart();
  const limits: { column: "ip" | "email"; value: string | undefined; max: number }[] = [
    { column: "ip", value: key.ip, max: MAX_FAILURES_PER_IP },
    { column: "email", value: normalise(key.email), max: MAX_FAILURES_PER_EMAIL },
  ];
  for (const { column, value, max } of limits) {
    if (!value) continue;
    // The oldest attempt still counted decides when a slot frees up.
    const rows = await db("login_attempts")
      .where(column, value)
      .andWhere("at", ">", since)
      .orderBy("at", "desc")
      .limit(max + 1)
      .select("at");
    if (rows.length <= max) continue;
    const oldest = new Date(rows[rows.length - 1]!.at).getTime();
    const seconds = Math.max(
      1,
      Math.ceil((oldest + LOGIN_WINDOW_MINUTES * 60_000 - Date.now()) / 1000),
    );
    throw apiError("too_many_attempts", { seconds });
  }
}

/** Attempts against one e-mail within the window, the current one included. */
export async function recentAttemptsFor(
  db: Knex | Knex.Transaction,
  email: string,
): Promise<number> {
  const [row] = await db("login_attempts")
    .where("email", normalise(email))
    .andWhere("at", ">", windowStart())
    .count("* as n");
  return Number(row?.n ?? 0);
}

/** A successful login forgets the failures counted against its e-mail (not its address's). */
export async function clearLoginFailures(db: Knex | Knex.Transaction, key: Key): Promise<void> {
  await db("login_attempts")
    .where({ email: normalise(key.email) })
    .delete();
}

function normalise(email: string): string {
  return email.trim().toLowerCase().slice(0, 320);
}
