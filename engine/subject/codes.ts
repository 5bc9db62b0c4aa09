import crypto from "node:crypto";

// Pseudonymous codes shown to staff: a prefix and six characters from an
// alphabet without look-alikes (no 0/O, 1/I/L), e.g. J-7K3Q9P.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const PREFIXES = { youth: "J", family: "F", action: "A" } as const;

export function generateSubjectCode(kind: keyof typeof PREFIXES): string {
  const bytes = crypto.randomBytes(6);
  let body = "";
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length];
  return `${PREFIXES[kind]}-${body}`;
}
