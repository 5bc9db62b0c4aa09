import type { Knex } from "knex";
import type { Caller } from "./caller.ts";
import { audit } from "./audit.ts";
import { hashPassword, newPasswordProblem, verifyPassword } from "./passwords.ts";
import { admitLoginAttempt } from "./rate-limit.ts";
import { openSession, withCaller, type NewSession } from "./sessions.ts";
import { ApiError } from "../http/errors.ts";

// A person changing their own password. Every session of the account ends
// (a stolen cookie dies with the old password) and the person gets a new one.

export async function changeOwnPassword(
  db: Knex,
  caller: Caller,
  input: { current: unknown; next: unknown },
  sessionHours: number,
): Promise<NewSession> {
  const problem = newPasswordProblem(input.next);
  if (problem) throw invalid("new_password", problem);
  if (typeof input.current !== "string") {
    throw invalid("current_password", "Indiquez votre mot de passe actuel.");
  }
  // A stolen session must not become a way to guess the password.
  const key = { ip: caller.ip, email: caller.email };
  const attempt = await admitLoginAttempt(db, key);
  const user = await db("users").where({ id: caller.userId }).first("password_hash");
  if (!user || !(await verifyPassword(user.password_hash, input.current))) {
    // Logged like a failed sign-in: someone holding a session may be guessing.
    await audit(db, caller, {
      action: "user.password.change_failed",
      targetType: "user",
      targetId: caller.userId,
    });
    throw invalid("current_password", "Le mot de passe actuel est incorrect.");
  }
  await attempt.forget();
  if (input.current === input.next) {
    throw invalid("new_password", "Le nouveau mot de passe doit être différent de l'actuel.");
  }

  const passwordHash = await hashPassword(input.next as string);
  const opened = await db.transaction(async (trx) => {
    await trx("users")
      .where({ id: caller.userId })
      .update({ password_hash: passwordHash, must_change_password: false });
    await trx("sessions").where({ user_id: caller.userId }).delete();
    await audit(trx, caller, {
      action: "user.password.change",
      targetType: "user",
      targetId: caller.userId,
    });
    return openSession(trx, caller.userId, caller.ip, sessionHours);
  });
  return withCaller(db, opened);
}

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid_request", { errors: [{ field, message }] });
}
