// The designer's one way to the API: same-origin JSON under /api, the
// session's CSRF token on writes, errors as ApiError with the server's
// French message, code and details.
// NOTE: the runtime has its twin in runtime/src/shared/api.ts; keep them alike.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: any = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
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
  const payload: any = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  const error = payload?.error;
  throw new ApiError(
    response.status,
    error?.code ?? "unknown",
    error?.message ?? `Erreur inattendue du serveur (${response.status}). Réessayez plus tard.`,
    error?.details ?? {},
  );
}

export const apiGet = <T>(path: string) => apiRequest<T>("GET", path);
export const apiPost = <T>(path: string, body: unknown = {}) => apiRequest<T>("POST", path, body);
export const apiPut = <T>(path: string, body: unknown) => apiRequest<T>("PUT", path, body);
