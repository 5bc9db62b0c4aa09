import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's advice).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash is a wrong password, not a crash of the login route.
    return false;
  }
}

// Verifying against this when the e-mail is unknown keeps the answer time
// the same, so timing does not tell which addresses have an account.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("pas-un-vrai-mot-de-passe");
  return dummyHash;
}

/** Long passphrases are welcome; beyond this a body is an attack on the hashing. */
export const MAX_PASSWORD_LENGTH = 256;

/** Why a new password is refused, in French, or null when it is acceptable. */
export function newPasswordProblem(password: unknown): string | null {
  if (typeof password !== "string" || password.length < MIN_PASSWORD_LENGTH) {
    return `Le mot de passe doit faire au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Le mot de passe doit faire au plus ${MAX_PASSWORD_LENGTH} caractères.`;
  }
  if (password.trim() === "") return "Le mot de passe ne peut pas être fait que d'espaces.";
  return null;
}
