import { apiPost, setCsrfToken } from "../../shared/api.ts";
import { useMutation } from "../../shared/use-mutation.ts";
import type { Session } from "./types.ts";

/** Every other session of the account ends; this one continues with a new CSRF token. */
export async function changePassword(current: string, next: string): Promise<Session> {
  const session = await apiPost<Session>("/session/password", {
    current_password: current,
    new_password: next,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useChangePassword() {
  return useMutation(changePassword);
}
