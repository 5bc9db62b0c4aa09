import { ApiError, apiGet, setCsrfToken } from "../../shared/api.ts";
import type { Session } from "./types.ts";

/** The current session, or null when nobody is signed in (401). */
export async function getSession(): Promise<Session | null> {
  try {
    const session = await apiGet<Session>("/session");
    setCsrfToken(session.csrfToken);
    return session;
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401) return null;
    throw failure;
  }
}
