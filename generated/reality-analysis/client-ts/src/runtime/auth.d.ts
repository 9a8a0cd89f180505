// Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * Bearer tokens: a fixed string, a function called before every request (so a caller can
 * refresh), or a `TokenProvider` such as `OAuth2ClientCredentials`, which fetches, caches and
 * refreshes a token and is told to drop it when the API answers 401.
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
/** A token provider that caches; on a 401 the client calls `invalidate()` and retries once. */
export interface TokenProvider {
    getToken(fetch: FetchLike, signal?: AbortSignal): Promise<string>;
    invalidate?(): void;
}
export type TokenSource = string | (() => string | Promise<string>) | TokenProvider;
/** Seconds a token without `expires_in` is trusted for (RFC 6749 makes the field optional). */
export declare const DEFAULT_TOKEN_LIFETIME = 300;
/** The current token of `source` (a function is called once per call). */
export declare function resolveToken(source: TokenSource | undefined, fetch: FetchLike, signal?: AbortSignal): Promise<string | undefined>;
/** Whether `source` caches a token it can be told to drop. */
export declare function isRenewable(source: TokenSource | undefined): source is TokenProvider & {
    invalidate(): void;
};
/** `Authorization: Bearer <token>`; a token already starting with a scheme is kept as is. */
export declare function authorization(token: string): string;
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
/** OAuth2 client credentials (RFC 6749 section 4.4): one token shared by concurrent requests,
 *  fetched again shortly before it expires or after the API rejected it. */
export declare class OAuth2ClientCredentials implements TokenProvider {
    #private;
    constructor(options: ClientCredentialsOptions);
    getToken(fetch: FetchLike, signal?: AbortSignal): Promise<string>;
    invalidate(): void;
}
