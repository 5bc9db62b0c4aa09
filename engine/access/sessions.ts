import crypto from "node:crypto";
import type { Knex } from "knex";
import type { Caller, RoleAssignment } from "./caller.ts";
import type { Role } from "./roles.ts";
import { audit } from "./audit.ts";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";
import { apiError } from "../http/errors.ts";
import { admitLoginAttempt, clearLoginFailures, recentAttemptsFor } from "./rate-limit.ts";

// Sessions live in the database (no server state), keyed by the sha256 of the
// cookie's token. A login failure counts towards a temporary lock of the account.

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

function randomToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export type NewSession = { token: string; caller: Caller; expiresAt: Date };

export async function login(
  db: Knex,
  input: { email: string; password: string; ip?: string },
  sessionHours: number,
): Promise<NewSession> {
  const email = input.email.trim().toLowerCase();
  const key = { ip: input.ip, email };
  // Counted now, whatever comes of it; a successful login forgets it below.
  await admitLoginAttempt(db, key);
  const user = await db("users").where({ email }).first();
  if (!user) {
    // An unknown address answers as an account would, lock included: the
    // answers must not tell which addresses have an account.
    const attempts = await recentAttemptsFor(db, email);
    if (attempts <= MAX_FAILED_LOGINS)
      await verifyPassword(await dummyPasswordHash(), input.password);
    await audit(db, { userId: null, ip: input.ip }, loginFailure(email, "unknown_email"));
    if (attempts >= MAX_FAILED_LOGINS) throw apiError("account_locked", { minutes: LOCK_MINUTES });
    throw apiError("bad_credentials");
  }
  if (user.locked_until && new Date(user.locked_until) > new Date()) {
    throw apiError("account_locked", { minutes: LOCK_MINUTES });
  }
  const ok = !user.disabled && (await verifyPassword(user.password_hash, input.password));
  if (!ok) {
    const locked = await db.transaction(async (trx) => {
      const lockedNow = await countFailure(trx, user.id);
      await audit(trx, { userId: user.id, ip: input.ip }, loginFailure(email, "bad_password"));
      return lockedNow;
    });
    if (locked) throw apiError("account_locked", { minutes: LOCK_MINUTES });
    throw apiError("bad_credentials");
  }

  const opened = await db.transaction(async (trx) => {
    // Parallel guesses may have locked the account while this password was
    // being checked: the row lock makes the lock win over a late success.
    const current = await trx("users").where({ id: user.id }).forUpdate().first("locked_until");
    if (current?.locked_until && new Date(current.locked_until) > new Date()) return null;
    await trx("users").where({ id: user.id }).update({ failed_logins: 0, locked_until: null });
    await clearLoginFailures(trx, key);
    await audit(trx, { userId: user.id, ip: input.ip }, { action: "session.login" });
    return openSession(trx, user.id, input.ip, sessionHours);
  });
  if (!opened) throw apiError("account_locked", { minutes: LOCK_MINUTES });
  return withCaller(db, opened);
}

/** A new session row for a user; the caller is read once the transaction is committed. */
export async function openSession(
  trx: Knex.Transaction,
  userId: number,
  ip: string | undefined,
  sessionHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + sessionHours * 3_600_000);
  await trx("sessions").insert({
    id: sha256(token),
    user_id: userId,
    csrf_token: randomToken(),
    expires_at: expiresAt,
    ip: ip ?? null,
  });
  return { token, expiresAt };
}

export async function withCaller(
  db: Knex,
  opened: { token: string; expiresAt: Date },
): Promise<NewSession> {
  const caller = await findCaller(db, opened.token);
  if (!caller) throw new Error("session vanished right after it was opened");
  return { ...opened, caller };
}

/**
 * Counts one wrong password in a single statement, so parallel guesses cannot
 * read the same count (reported: 25 parallel tries got 11 guesses instead of 5).
 * True when this failure locks the account. A lock that has expired starts
 * the count again.
 */
async function countFailure(trx: Knex.Transaction, userId: number): Promise<boolean> {
  const [row] = await trx("users")
    .where({ id: userId })
    .update({
      failed_logins: trx.raw(
        "case when locked_until is not null and locked_until <= now() then 1 " +
          "else failed_logins + 1 end",
      ),
      locked_until: trx.raw(
        "case when locked_until is not null and locked_until > now() then locked_until " +
          "when (case when locked_until is not null and locked_until <= now() then 1 " +
          "else failed_logins + 1 end) >= ? then now() + make_interval(mins => ?::int) " +
          "else null end",
        [MAX_FAILED_LOGINS, LOCK_MINUTES],
      ),
    })
    .returning(["failed_logins", "locked_until"]);
  return Boolean(row?.locked_until && new Date(row.locked_until) > new Date());
}

function loginFailure(email: string, reason: string) {
  // The address is kept so an admin can see attacks on an account; never the password.
  return { action: "session.login_failed", details: { email, reason } };
}

export async function logout(db: Knex, caller: Caller): Promise<void> {
  await db.transaction(async (trx) => {
    await trx("sessions").where({ id: caller.sessionId }).delete();
    await audit(trx, caller, { action: "session.logout" });
  });
}

/** The caller behind a cookie token, or null when it is unknown or expired. */
export async function findCaller(db: Knex, token: string, ip?: string): Promise<Caller | null> {
  const session = await db("sessions as s")
    .join("users as u", "u.id", "s.user_id")
    .where("s.id", sha256(token))
    .andWhere("s.expires_at", ">", db.fn.now())
    .andWhere("u.disabled", false)
    .first(
      "s.id as session_id",
      "s.csrf_token",
      "u.id",
      "u.email",
      "u.display_name",
      "u.must_change_password",
    );
  if (!session) return null;
  return {
    userId: session.id,
    email: session.email,
    displayName: session.display_name,
    roles: await rolesOf(db, session.id),
    sessionId: session.session_id,
    csrfToken: session.csrf_token,
    ip,
    mustChangePassword: Boolean(session.must_change_password),
  };
}

export async function rolesOf(db: Knex, userId: number): Promise<RoleAssignment[]> {
  const rows = await db("user_roles as r")
    .join("organisations as o", "o.id", "r.organisation_id")
    .where("r.user_id", userId)
    .orderBy(["o.path", "r.role"])
    .select("r.role", "o.id", "o.name", "o.kind", "o.path");
  return rows.map((row) => ({
    role: row.role as Role,
    organisationId: row.id,
    organisationName: row.name,
    organisationKind: row.kind,
    organisationPath: row.path,
  }));
}
