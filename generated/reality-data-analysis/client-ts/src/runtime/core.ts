// Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * The request machinery behind a generated `Client`: one `request()` path (URL and body
 * encoding, auth, per-attempt timeout, retries with backoff and Retry-After, abort signals,
 * error mapping) and `paginate()` for paged operations. A generated client subclasses
 * `BaseClient` and declares, per operation, the path, parameters and body.
 */

import {
  type AuthSchemeInfo,
  type FetchLike,
  type TokenSource,
  authorization,
  checkTokenUse,
  isRenewable,
  resolveToken,
} from "./auth.js";
import { type BodyKind, type QueryParam, encodeBody, encodeSimple, fillPath, queryPairs, queryString } from "./encoding.js";
import {
  APIConnectionError,
  APIResponseValidationError,
  APITimeoutError,
  APIUserAbortError,
  makeStatusError,
} from "./errors.js";
import { type PageRequest, type PaginationSpec, Page, PagePromise, lookupPath, nextPageRequest } from "./pagination.js";
import { APIPromise, type WithResponse } from "./promise.js";
import {
  DEFAULT_MAX_RETRIES,
  isRetryableFailure,
  isRetryableStatus,
  retryAfterFromHeaders,
  retryDelay,
} from "./retry.js";

export const DEFAULT_TIMEOUT_MS = 60_000;

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

/** How a success body is read; `any`: declared JSON with a schema that accepts anything (as
 * FastAPI declares its file and HTML routes), so the Content-Type decides: JSON is parsed,
 * `text/*` and XML stay text, anything else is a Blob. */
export type ResponseKind = "json" | "any" | "text" | "binary" | "none";

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

interface Received {
  response: Response;
  data: unknown;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError("Request was aborted.", { cause: signal.reason }));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError("Request was aborted.", { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, "") + path;
}

/** What a resource sends its calls through: its client's `request` and `paginate`. */
export interface Transport {
  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T>;
  paginate<Item, Body>(spec: RequestSpec, pagination: PaginationSpec, options?: RequestOptions): PagePromise<Item, Body>;
}

/** The base class of generated resources (`client.customers`, `client.customers.sources`): a
 *  group of operations calling through the client that made it (its connection settings,
 *  token, retries). */
export class APIResource {
  protected readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  protected request<T>(spec: RequestSpec, options: RequestOptions = {}): APIPromise<T> {
    return this.transport.request<T>(spec, options);
  }

  protected paginate<Item, Body>(
    spec: RequestSpec,
    pagination: PaginationSpec,
    options: RequestOptions = {},
  ): PagePromise<Item, Body> {
    return this.transport.paginate<Item, Body>(spec, pagination, options);
  }
}

/** The base class of generated clients. */
export class BaseClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly #token: TokenSource | undefined;
  readonly #fetch: FetchLike;
  readonly #headers: Record<string, string>;
  #transport: Transport | undefined;

  /** `schemes`: the spec's security schemes; a `token` none of them takes is refused here. */
  constructor(options: ClientOptions, defaultBaseUrl: string, schemes: readonly AuthSchemeInfo[] = []) {
    checkTokenUse(schemes, options.token);
    this.baseUrl = options.baseUrl ?? defaultBaseUrl;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#token = options.token;
    // Bound, so a platform fetch is never called with the client as `this`.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headers = { ...options.headers };
  }

  /** The client's calls, for its resources (made once: resources keep it). */
  protected get transport(): Transport {
    return (this.#transport ??= {
      request: <T>(spec: RequestSpec, options?: RequestOptions) => this.request<T>(spec, options),
      paginate: <Item, Body>(spec: RequestSpec, pagination: PaginationSpec, options?: RequestOptions) =>
        this.paginate<Item, Body>(spec, pagination, options),
    });
  }

  /** Send one operation call: a promise of its parsed success body (and, on request, of the
   *  response). */
  protected request<T>(spec: RequestSpec, options: RequestOptions = {}): APIPromise<T> {
    const send = async (): Promise<WithResponse<T>> => {
      const { response, data } = await this.#send(this.#prepare(spec, options), spec.responseKind ?? "json", options);
      return { data: data as T, response };
    };
    return new APIPromise(send());
  }

  /** A paged operation call: await it for the first page, `for await` it for every item. */
  protected paginate<Item, Body>(
    spec: RequestSpec,
    pagination: PaginationSpec,
    options: RequestOptions = {},
  ): PagePromise<Item, Body> {
    const fetchPage = async (request: PageRequest): Promise<Page<Item, Body>> => {
      const { response, data } = await this.#send(request, "json", options);
      const items = lookupPath(data, pagination.items);
      const next = nextPageRequest(pagination, data, request, response.url, response.headers);
      return new Page<Item, Body>(data as Body, (Array.isArray(items) ? items : []) as Item[], response, next, fetchPage);
    };
    return new PagePromise(() => fetchPage(this.#prepare(spec, options)));
  }

  #prepare(spec: RequestSpec, options: RequestOptions): PageRequest {
    const pairs = queryPairs(spec.query ?? []);
    for (const [key, value] of Object.entries(options.query ?? {})) pairs.push([key, value]);
    const query = queryString(pairs);
    const path = fillPath(spec.path, spec.pathParams ?? {});
    const url = joinUrl(this.baseUrl, path) + (query ? `?${query}` : "");
    try {
      new URL(url);
    } catch {
      // A spec whose server is relative (`/api/v3`) gives no usable default: say so, not
      // "fetch failed" after retries.
      throw new TypeError(`${JSON.stringify(url)} is not an absolute URL: pass new Client({ baseUrl: "https://..." })`);
    }
    const headers: Record<string, string> = { Accept: spec.accept ?? "application/json" };
    for (const [key, value] of Object.entries(spec.headers ?? {})) {
      if (value !== undefined && value !== null) headers[key] = encodeSimple(value);
    }
    const cookies = Object.entries(spec.cookies ?? {})
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => `${key}=${encodeURIComponent(encodeSimple(value))}`);
    if (cookies.length > 0) headers["Cookie"] = cookies.join("; ");
    let body: BodyInit | undefined;
    if (spec.body !== undefined && spec.bodyKind !== undefined) {
      const encoded = encodeBody(spec.bodyKind, spec.mediaType ?? "application/json", spec.body);
      body = encoded.body;
      if (encoded.contentType !== undefined) headers["Content-Type"] = encoded.contentType;
    }
    return {
      method: spec.method,
      url,
      headers: { ...this.#headers, ...headers, ...options.headers },
      jsonBody: spec.bodyKind === "json" ? spec.body : undefined,
      body,
      sendAuth: spec.secured ?? true,
      idempotent: (spec.idempotent ?? false) || (options.idempotent ?? false),
    };
  }

  async #send(request: PageRequest, kind: ResponseKind, options: RequestOptions): Promise<Received> {
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const signal = options.signal;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new APIUserAbortError("Request was aborted.", { cause: signal.reason });
      const headers: Record<string, string> = { ...request.headers };
      const token = request.sendAuth ? await resolveToken(this.#token, this.#fetch, signal) : undefined;
      if (token !== undefined) headers["Authorization"] = authorization(token);
      const outcome = await this.#attempt(request, headers, kind, options);
      if ("failure" in outcome) {
        const { failure, timedOut } = outcome;
        if (attempt < maxRetries && isRetryableFailure(request.method, failure, timedOut, request.idempotent)) {
          await sleep((retryDelay(attempt, undefined, Math.random) ?? 0) * 1000, signal);
          continue;
        }
        if (timedOut) throw new APITimeoutError("Request timed out.", { cause: failure });
        throw new APIConnectionError(`Connection error: ${String(failure)}`, { cause: failure });
      }
      const { response } = outcome;
      if (response.ok) return outcome;
      // A cached token the server rejects is fetched again once; that is not a retry.
      if (response.status === 401 && token !== undefined && !renewed && isRenewable(this.#token)) {
        renewed = true;
        this.#token.invalidate();
        attempt--;
        continue;
      }
      const retryAfter = retryAfterFromHeaders(response.headers, Date.now());
      if (attempt < maxRetries && isRetryableStatus(request.method, response.status, request.idempotent)) {
        const delay = retryDelay(attempt, retryAfter, Math.random);
        if (delay !== undefined) {
          await sleep(delay * 1000, signal);
          continue;
        }
      }
      throw makeStatusError(response, outcome.text, { retryAfter });
    }
  }

  /** One fetch with its own timeout; the body is read (and the timeout kept) before returning. */
  async #attempt(
    request: PageRequest,
    headers: Record<string, string>,
    kind: ResponseKind,
    options: RequestOptions,
  ): Promise<(Received & { text: string }) | { failure: unknown; timedOut: boolean }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs ?? this.timeoutMs);
    const signal = options.signal;
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const init: RequestInit = { method: request.method, headers, signal: controller.signal };
      if (request.body !== undefined) init.body = request.body;
      const response = await this.#fetch(request.url, init);
      if (kind === "any" && response.ok) kind = bodyKind(response);
      if (!response.ok || kind === "text" || kind === "json") {
        const text = await response.text();
        const data = !response.ok ? undefined : kind === "json" ? parseJson(text, response) : text;
        return { response, data, text };
      }
      const data = kind === "binary" ? await response.blob() : (await response.arrayBuffer(), undefined);
      return { response, data, text: "" };
    } catch (failure) {
      if (signal?.aborted) throw new APIUserAbortError("Request was aborted.", { cause: signal.reason });
      if (failure instanceof APIResponseValidationError) throw failure;
      return { failure, timedOut };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }
}

/** The kind of a body whose schema accepts anything, read from its Content-Type. */
function bodyKind(response: Response): ResponseKind {
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!type || type.includes("json")) return "json";
  if (type.startsWith("text/") || type.endsWith("/xml") || type.endsWith("+xml")) return "text";
  return "binary";
}

/** A JSON body parsed; an empty body is undefined, a body not declared JSON stays text. */
function parseJson(text: string, response: Response): unknown {
  if (!text) return undefined;
  const type = response.headers.get("content-type") ?? "";
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (type && !type.includes("json")) return text;
    const message = `${response.status} response from ${response.url} is not JSON`;
    throw new APIResponseValidationError(message, { cause: error });
  }
}
