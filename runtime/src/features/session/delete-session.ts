import { ApiError, apiDelete, setCsrfToken } from "../../shared/api.ts";

/** Signs out; a session the server already forgot counts as signed out. */
export async function deleteSession(): Promise<void> {
  try {
    await apiDelete("/session");
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.status === 401)) throw failure;
  } finally {
    setCsrfToken(null);
  }
}
