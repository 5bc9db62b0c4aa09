import { apiGet, apiPost, apiRequest, setCsrfToken } from "../../shared/api.ts";

export type Session = {
  user: { id: number; email: string; displayName: string };
  roles: {
    role: string;
    label: string;
    organisation: { id: number; name: string; kind: string };
  }[];
  csrfToken: string;
  /** The password was given by an admin: it is changed in the main application first. */
  mustChangePassword: boolean;
};

export async function getSession(): Promise<Session> {
  const session = await apiGet<Session>("/session");
  setCsrfToken(session.csrfToken);
  return session;
}

export async function createSession(email: string, password: string): Promise<Session> {
  const session = await apiPost<Session>("/session", { email, password });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function deleteSession(): Promise<void> {
  await apiRequest<void>("DELETE", "/session");
  setCsrfToken(null);
}

export const isCopil = (session: Session) => session.roles.some((r) => r.role === "copil");
export const isReferent = (session: Session) => session.roles.some((r) => r.role === "referent");
