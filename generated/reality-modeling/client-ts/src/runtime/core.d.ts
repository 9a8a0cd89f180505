// Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * The request machinery behind a generated `Client`: one `request()` path (URL and body
 * encoding, auth, per-attempt timeout, retries with backoff and Retry-After, abort signals,
 * error mapping) and `paginate()` for paged operations. A generated client subclasses
 * `BaseClient` and declares, per operation, the path, parameters and body.
 */
import { type FetchLike, type TokenSource } from "./auth.js";
import { type BodyKind, type QueryParam } from "./encoding.js";
import { type PaginationSpec, PagePromise } from "./pagination.js";
export declare const DEFAULT_TIMEOUT_MS = 60000;
export interface ClientOptions {
    /** Overrides the spec's server URL (and its variables). */
    baseUrl?: string;
    /** A bearer token, a function returning one, or a provider such as `clientCredentials(...)`. */
    token?: TokenSource;
    /** Defaults to the platform's `fetch`. */
    fetch?: FetchLike;
    /** Per attempt, including reading the body (default 60 s). */
    timeoutMs?: number;
    /** Retries of a failed attempt (default 2); see retry.ts for which failures. */
    maxRetries?: number;
    /** Sent with every request. */
    headers?: Record<string, string>;
}
/** Per-call options, the last argument of every operation method. */
export interface RequestOptions {
    signal?: AbortSignal;
    timeoutMs?: number;
    maxRetries?: number;
    headers?: Record<string, string>;
    /** Extra query parameters. */
    query?: Record<string, string>;
    /** Allow retrying a POST/PATCH on 5xx or a dropped connection: the caller knows it is safe. */
    idempotent?: boolean;
}
export type ResponseKind = "json" | "text" | "binary" | "none";
/** One operation call as a generated method describes it. */
export interface RequestSpec {
    method: string;
    path: string;
    pathParams?: Record<string, unknown>;
    query?: QueryParam[];
    headers?: Record<string, unknown>;
    cookies?: Record<string, unknown>;
    body?: unknown;
    bodyKind?: BodyKind;
    mediaType?: string;
    /** Whether the operation needs credentials (the spec's security requirement). */
    secured?: boolean;
    /** The spec marks the operation `x-idempotent: true`. */
    idempotent?: boolean;
    accept?: string;
    responseKind?: ResponseKind;
}
/** The base class of generated clients. */
export declare class BaseClient {
    #private;
    readonly baseUrl: string;
    readonly timeoutMs: number;
    readonly maxRetries: number;
    constructor(options: ClientOptions, defaultBaseUrl: string);
    /** Send one operation call and return its parsed success body. */
    protected request<T>(spec: RequestSpec, options?: RequestOptions): Promise<T>;
    /** A paged operation call: await it for the first page, `for await` it for every item. */
    protected paginate<Item, Body>(spec: RequestSpec, pagination: PaginationSpec, options?: RequestOptions): PagePromise<Item, Body>;
}
