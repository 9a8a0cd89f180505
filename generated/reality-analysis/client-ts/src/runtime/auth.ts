// Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * Bearer tokens: a fixed string, a function called before every request (so a caller can
 * refresh), or a `TokenProvider` such as `OAuth2ClientCredentials`, which fetches, caches and
 * refreshes a token and is told to drop it when the API answers 401.
 */

import { APIConnectionError, OAuth2TokenError, makeStatusError } from "./errors.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A token provider that caches; on a 401 the client calls `invalidate()` and retries once. */
export interface TokenProvider {
  getToken(fetch: FetchLike, signal?: AbortSignal): Promise<string>;
  invalidate?(): void;
}

export type TokenSource = string | (() => string | Promise<string>) | TokenProvider;

/** Seconds a token without `expires_in` is trusted for (RFC 6749 makes the field optional). */
export const DEFAULT_TOKEN_LIFETIME = 300;

/** The current token of `source` (a function is called once per call). */
export async function resolveToken(
  source: TokenSource | undefined,
  fetch: FetchLike,
  signal?: AbortSignal,
): Promise<string | undefined> {
  if (source === undefined || typeof source === "string") return source;
  const value = typeof source === "function" ? await source() : await source.getToken(fetch, signal);
  if (typeof value !== "string" || !value) {
    throw new TypeError(`token provider must return a non-empty string, got ${String(value)}`);
  }
  return value;
}

/** Whether `source` caches a token it can be told to drop. */
export function isRenewable(source: TokenSource | undefined): source is TokenProvider & { invalidate(): void } {
  return typeof source === "object" && typeof source.invalidate === "function";
}

/** One security scheme of the spec, as the client knows it (for messages and checks). */
export interface AuthSchemeInfo {
  name: string;
  /** `bearer` (HTTP bearer, OAuth2, OpenID Connect), `basic`, `api_key` or `http`. */
  kind: "bearer" | "basic" | "api_key" | "http";
  /** For `api_key`: `header`, `query` or `cookie`, and its name there. */
  location?: "header" | "query" | "cookie";
  parameter?: string;
}

/** Refuse `token` when the API has security schemes but none takes a bearer token: it would
 *  never do what the caller meant, and the server's 401 would not say why. The message names
 *  each scheme and how to send its credential. */
export function checkTokenUse(schemes: readonly AuthSchemeInfo[], token: TokenSource | undefined): void {
  if (token === undefined || schemes.length === 0 || schemes.some((s) => s.kind === "bearer")) return;
  const listed = schemes.map(describeScheme).join("; ");
  throw new TypeError(
    "token is not used by this API: it has no bearer, OAuth2 or OpenID Connect security scheme. " +
      `Its schemes: ${listed}.`,
  );
}

function describeScheme(scheme: AuthSchemeInfo): string {
  const name = JSON.stringify(scheme.name);
  const parameter = JSON.stringify(scheme.parameter ?? "");
  if (scheme.kind === "api_key" && scheme.location === "header") {
    return `${name} (an API key in the header ${parameter}): pass headers: { ${parameter}: key }`;
  }
  if (scheme.kind === "api_key" && scheme.location === "cookie") {
    return `${name} (an API key in the cookie ${parameter}): pass headers: { Cookie: ${JSON.stringify((scheme.parameter ?? "") + "=")} + key }`;
  }
  if (scheme.kind === "api_key") {
    return `${name} (an API key in the query ${parameter}): pass it with each call's options, { query: { ${parameter}: key } }`;
  }
  if (scheme.kind === "basic") {
    return `${name} (HTTP basic): pass headers: { Authorization: "Basic " + btoa(user + ":" + password) }`;
  }
  return `${name} (HTTP): pass headers: { Authorization: "<scheme> <credential>" }`;
}

/** `Authorization: Bearer <token>`; a token already starting with a scheme is kept as is. */
export function authorization(token: string): string {
  return /^(bearer|basic) /i.test(token) ? token : `Bearer ${token}`;
}

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes?: readonly string[];
  /** `client_secret_post` (form fields, the default) or `client_secret_basic` (Basic auth). */
  authMethod?: "client_secret_post" | "client_secret_basic";
  /** Refresh this many seconds before the token expires (default 30, at most half its life). */
  refreshMargin?: number;
  /** Defaults to the fetch of the client using the provider. */
  fetch?: FetchLike;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

interface CachedToken {
  readonly accessToken: string;
  readonly refreshAt: number;
}

/** OAuth2 client credentials (RFC 6749 section 4.4): one token shared by concurrent requests,
 *  fetched again shortly before it expires or after the API rejected it. */
export class OAuth2ClientCredentials implements TokenProvider {
  readonly #options: ClientCredentialsOptions;
  #cached: CachedToken | undefined;
  #pending: Promise<CachedToken> | undefined;

  constructor(options: ClientCredentialsOptions) {
    this.#options = options;
  }

  async getToken(fetch: FetchLike, signal?: AbortSignal): Promise<string> {
    const now = (this.#options.now ?? Date.now)();
    if (this.#cached !== undefined && now < this.#cached.refreshAt) return this.#cached.accessToken;
    // Concurrent callers wait for the same token request instead of each sending one.
    this.#pending ??= this.#fetchToken(this.#options.fetch ?? fetch, signal).finally(() => {
      this.#pending = undefined;
    });
    this.#cached = await this.#pending;
    return this.#cached.accessToken;
  }

  invalidate(): void {
    this.#cached = undefined;
  }

  async #fetchToken(fetch: FetchLike, signal: AbortSignal | undefined): Promise<CachedToken> {
    const options = this.#options;
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (options.scopes && options.scopes.length > 0) form.set("scope", options.scopes.join(" "));
    const headers: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    };
    if (options.authMethod === "client_secret_basic") {
      const pair = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`;
      headers["Authorization"] = `Basic ${btoa(pair)}`;
    } else {
      form.set("client_id", options.clientId);
      form.set("client_secret", options.clientSecret);
    }
    const fetchedAt = (options.now ?? Date.now)();
    let response: Response;
    try {
      const init: RequestInit = { method: "POST", headers, body: form.toString() };
      if (signal !== undefined) init.signal = signal;
      response = await fetch(options.tokenUrl, init);
    } catch (error) {
      throw new APIConnectionError(`OAuth2 token request to ${options.tokenUrl} failed`, { cause: error });
    }
    const text = await response.text();
    const prefix = `OAuth2 token request to ${options.tokenUrl} failed with HTTP ${response.status}`;
    if (!response.ok) throw makeStatusError(response, text, { errorClass: OAuth2TokenError, prefix });
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
    const record = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {};
    const accessToken = record["access_token"];
    if (typeof accessToken !== "string" || !accessToken) {
      throw makeStatusError(response, text, {
        errorClass: OAuth2TokenError,
        prefix: `OAuth2 token response from ${options.tokenUrl} has no access_token`,
      });
    }
    const expiresIn = Number(record["expires_in"] ?? DEFAULT_TOKEN_LIFETIME);
    const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_LIFETIME;
    const margin = Math.min(options.refreshMargin ?? 30, lifetime / 2);
    return { accessToken, refreshAt: fetchedAt + (lifetime - margin) * 1000 };
  }
}
