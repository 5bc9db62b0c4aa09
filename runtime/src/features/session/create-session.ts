import { apiPost, setCsrfToken } from "../../shared/api.ts";
import { useMutation } from "../../shared/use-mutation.ts";
import type { Session } from "./types.ts";

export async function createSession(email: string, password: string): Promise<Session> {
  const session = await apiPost<Session>("/session", { email, password });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useCreateSession() {
  return useMutation(createSession);
}
