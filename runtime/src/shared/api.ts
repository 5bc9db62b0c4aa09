// The one way the runtime talks to the API: same-origin JSON under /api, the
// session's CSRF token on every write, and errors turned into ApiError with
// the server's French message, its code and its field errors.

export type FieldError = { field: string; message: string };

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The `{field, message}` list of a 400 invalid_request / invalid_response. */
  get fieldErrors(): FieldError[] {
    const errors = (this.details as { errors?: unknown } | null)?.errors;
    return Array.isArray(errors) ? (errors as FieldError[]) : [];
  }
}

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

/** Kept in memory only: it comes back with every GET /api/session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can show the login page. */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

const NETWORK_MESSAGE =
  "Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez : rien n'est perdu.";

export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", NETWORK_MESSAGE);
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = (payload as ErrorBody | null)?.error;
  const failure = new ApiError(
    response.status,
    error?.code ?? "unknown",
    error?.message ?? `Erreur inattendue du serveur (${response.status}). Réessayez plus tard.`,
    error?.details,
  );
  if (failure.code === "unauthenticated") unauthenticatedHandler?.();
  throw failure;
}

export const apiGet = <T>(path: string) => apiRequest<T>("GET", path);
export const apiPost = <T>(path: string, body: unknown) => apiRequest<T>("POST", path, body);
export const apiPut = <T>(path: string, body: unknown) => apiRequest<T>("PUT", path, body);
export const apiDelete = (path: string) => apiRequest<void>("DELETE", path);

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
