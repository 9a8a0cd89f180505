"use strict";
/**
 * The request machinery behind a generated `Client`: one `request()` path (URL and body
 * encoding, auth, per-attempt timeout, retries with backoff and Retry-After, abort signals,
 * error mapping) and `paginate()` for paged operations. A generated client subclasses
 * `BaseClient` and declares, per operation, the path, parameters and body.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.BaseClient = exports.DEFAULT_TIMEOUT_MS = void 0;
const auth_js_1 = require("./auth.js");
const encoding_js_1 = require("./encoding.js");
const errors_js_1 = require("./errors.js");
const pagination_js_1 = require("./pagination.js");
const retry_js_1 = require("./retry.js");
exports.DEFAULT_TIMEOUT_MS = 60_000;
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(new errors_js_1.APIUserAbortError("Request was aborted.", { cause: signal.reason }));
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(new errors_js_1.APIUserAbortError("Request was aborted.", { cause: signal?.reason }));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}
function joinUrl(baseUrl, path) {
    return baseUrl.replace(/\/+$/, "") + path;
}
/** The base class of generated clients. */
class BaseClient {
    baseUrl;
    timeoutMs;
    maxRetries;
    #token;
    #fetch;
    #headers;
    constructor(options, defaultBaseUrl) {
        this.baseUrl = options.baseUrl ?? defaultBaseUrl;
        this.timeoutMs = options.timeoutMs ?? exports.DEFAULT_TIMEOUT_MS;
        this.maxRetries = options.maxRetries ?? retry_js_1.DEFAULT_MAX_RETRIES;
        this.#token = options.token;
        // Bound, so a platform fetch is never called with the client as `this`.
        this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
        this.#headers = { ...options.headers };
    }
    /** Send one operation call and return its parsed success body. */
    async request(spec, options = {}) {
        const received = await this.#send(this.#prepare(spec, options), spec.responseKind ?? "json", options);
        return received.data;
    }
    /** A paged operation call: await it for the first page, `for await` it for every item. */
    paginate(spec, pagination, options = {}) {
        const fetchPage = async (request) => {
            const { response, data } = await this.#send(request, "json", options);
            const items = (0, pagination_js_1.lookupPath)(data, pagination.items);
            const next = (0, pagination_js_1.nextPageRequest)(pagination, data, request, response.url);
            return new pagination_js_1.Page(data, (Array.isArray(items) ? items : []), response, next, fetchPage);
        };
        return new pagination_js_1.PagePromise(() => fetchPage(this.#prepare(spec, options)));
    }
    #prepare(spec, options) {
        const pairs = (0, encoding_js_1.queryPairs)(spec.query ?? []);
        for (const [key, value] of Object.entries(options.query ?? {}))
            pairs.push([key, value]);
        const query = (0, encoding_js_1.queryString)(pairs);
        const path = (0, encoding_js_1.fillPath)(spec.path, spec.pathParams ?? {});
        const url = joinUrl(this.baseUrl, path) + (query ? `?${query}` : "");
        const headers = { Accept: spec.accept ?? "application/json" };
        for (const [key, value] of Object.entries(spec.headers ?? {})) {
            if (value !== undefined && value !== null)
                headers[key] = (0, encoding_js_1.encodeSimple)(value);
        }
        const cookies = Object.entries(spec.cookies ?? {})
            .filter(([, value]) => value !== undefined && value !== null)
            .map(([key, value]) => `${key}=${encodeURIComponent((0, encoding_js_1.encodeSimple)(value))}`);
        if (cookies.length > 0)
            headers["Cookie"] = cookies.join("; ");
        let body;
        if (spec.body !== undefined && spec.bodyKind !== undefined) {
            const encoded = (0, encoding_js_1.encodeBody)(spec.bodyKind, spec.mediaType ?? "application/json", spec.body);
            body = encoded.body;
            if (encoded.contentType !== undefined)
                headers["Content-Type"] = encoded.contentType;
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
    async #send(request, kind, options) {
        const maxRetries = options.maxRetries ?? this.maxRetries;
        const signal = options.signal;
        let renewed = false;
        for (let attempt = 0;; attempt++) {
            if (signal?.aborted)
                throw new errors_js_1.APIUserAbortError("Request was aborted.", { cause: signal.reason });
            const headers = { ...request.headers };
            const token = request.sendAuth ? await (0, auth_js_1.resolveToken)(this.#token, this.#fetch, signal) : undefined;
            if (token !== undefined)
                headers["Authorization"] = (0, auth_js_1.authorization)(token);
            const outcome = await this.#attempt(request, headers, kind, options);
            if ("failure" in outcome) {
                const { failure, timedOut } = outcome;
                if (attempt < maxRetries && (0, retry_js_1.isRetryableFailure)(request.method, failure, timedOut, request.idempotent)) {
                    await sleep(((0, retry_js_1.retryDelay)(attempt, undefined, Math.random) ?? 0) * 1000, signal);
                    continue;
                }
                if (timedOut)
                    throw new errors_js_1.APITimeoutError("Request timed out.", { cause: failure });
                throw new errors_js_1.APIConnectionError(`Connection error: ${String(failure)}`, { cause: failure });
            }
            const { response } = outcome;
            if (response.ok)
                return outcome;
            // A cached token the server rejects is fetched again once; that is not a retry.
            if (response.status === 401 && token !== undefined && !renewed && (0, auth_js_1.isRenewable)(this.#token)) {
                renewed = true;
                this.#token.invalidate();
                attempt--;
                continue;
            }
            const retryAfter = (0, retry_js_1.retryAfterFromHeaders)(response.headers, Date.now());
            if (attempt < maxRetries && (0, retry_js_1.isRetryableStatus)(request.method, response.status, request.idempotent)) {
                const delay = (0, retry_js_1.retryDelay)(attempt, retryAfter, Math.random);
                if (delay !== undefined) {
                    await sleep(delay * 1000, signal);
                    continue;
                }
            }
            throw (0, errors_js_1.makeStatusError)(response, outcome.text, { retryAfter });
        }
    }
    /** One fetch with its own timeout; the body is read (and the timeout kept) before returning. */
    async #attempt(request, headers, kind, options) {
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, options.timeoutMs ?? this.timeoutMs);
        const signal = options.signal;
        const onAbort = () => controller.abort(signal?.reason);
        signal?.addEventListener("abort", onAbort, { once: true });
        try {
            const init = { method: request.method, headers, signal: controller.signal };
            if (request.body !== undefined)
                init.body = request.body;
            const response = await this.#fetch(request.url, init);
            if (!response.ok || kind === "text" || kind === "json") {
                const text = await response.text();
                const data = !response.ok ? undefined : kind === "json" ? parseJson(text, response) : text;
                return { response, data, text };
            }
            const data = kind === "binary" ? await response.blob() : (await response.arrayBuffer(), undefined);
            return { response, data, text: "" };
        }
        catch (failure) {
            if (signal?.aborted)
                throw new errors_js_1.APIUserAbortError("Request was aborted.", { cause: signal.reason });
            if (failure instanceof errors_js_1.APIResponseValidationError)
                throw failure;
            return { failure, timedOut };
        }
        finally {
            clearTimeout(timer);
            signal?.removeEventListener("abort", onAbort);
        }
    }
}
exports.BaseClient = BaseClient;
/** A JSON body parsed; an empty body is undefined, a body not declared JSON stays text. */
function parseJson(text, response) {
    if (!text)
        return undefined;
    const type = response.headers.get("content-type") ?? "";
    try {
        return JSON.parse(text);
    }
    catch (error) {
        if (type && !type.includes("json"))
            return text;
        const message = `${response.status} response from ${response.url} is not JSON`;
        throw new errors_js_1.APIResponseValidationError(message, { cause: error });
    }
}
