import { DEMO_PASSWORD } from "./test-config.ts";

// A small API client that behaves like the browser: keeps the session
// cookie, sends the CSRF token on writes, and returns status and JSON body.

export type ApiResult<T = any> = {
  status: number;
  body: T;
  headers: Headers;
  /** The body decoded as UTF-8 (a BOM is removed, as browsers do). */
  text: string;
  bytes: Uint8Array;
};

export class ApiClient {
  private cookie = "";
  csrfToken = "";

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined || options.rawBody !== undefined)
      headers["content-type"] ??= "application/json";
    if (method !== "GET" && options.csrf !== false && this.csrfToken)
      headers["x-csrf-token"] = this.csrfToken;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: any = text;
    if ((response.headers.get("content-type") ?? "").includes("json")) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers, text, bytes };
  }

  /** A download's bytes (XLSX), with its status and headers. */
  async download(path: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  get<T = any>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>("PUT", path, body);
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<ApiResult> {
    const result = await this.post("/api/session", { email, password });
    if (result.status === 201) this.csrfToken = result.body.csrfToken;
    return result;
  }
}

/** A client already logged in: one of the demo accounts unless another password is given. */
export async function loggedIn(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const result = await client.login(email, password);
  if (result.status !== 201) throw new Error(`login of ${email} failed: ${result.text}`);
  return client;
}
