"use strict";
/**
 * Retry policy as pure functions (the clock and the random source are passed in).
 *
 * - connection failures, timeouts, 408, 429 and 5xx are retried at most `maxRetries` times;
 * - 408 and 429 for every method: the server says it did not process the request;
 * - connections refused or names not resolved for every method: nothing was sent;
 * - 5xx, timeouts and connections dropped mid-request only for idempotent methods (GET, HEAD,
 *   OPTIONS, PUT, DELETE, TRACE) unless the operation is marked idempotent or the caller opts
 *   in, because replaying a POST/PATCH the server may have executed could apply it twice.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.IDEMPOTENT_METHODS = exports.MAX_RETRY_AFTER = exports.MAX_RETRY_DELAY = exports.INITIAL_RETRY_DELAY = exports.DEFAULT_MAX_RETRIES = void 0;
exports.parseRetryAfter = parseRetryAfter;
exports.retryAfterFromHeaders = retryAfterFromHeaders;
exports.retryDelay = retryDelay;
exports.isRetryableStatus = isRetryableStatus;
exports.isRetryableFailure = isRetryableFailure;
exports.errorCode = errorCode;
exports.DEFAULT_MAX_RETRIES = 2;
exports.INITIAL_RETRY_DELAY = 0.5;
exports.MAX_RETRY_DELAY = 8;
/** A Retry-After longer than this (seconds) means "do not retry now": the error is thrown. */
exports.MAX_RETRY_AFTER = 60;
exports.IDEMPOTENT_METHODS = new Set([
    "GET",
    "HEAD",
    "OPTIONS",
    "PUT",
    "DELETE",
    "TRACE",
]);
// Error codes (from undici's `cause.code`) meaning the request never left this machine.
const NOT_SENT_CODES = new Set([
    "ECONNREFUSED",
    "ENOTFOUND",
    "EAI_AGAIN",
    "UND_ERR_CONNECT_TIMEOUT",
]);
/** Seconds to wait according to a Retry-After value (delay-seconds or an HTTP date). */
function parseRetryAfter(value, nowMs) {
    if (value === null || value === undefined)
        return undefined;
    const text = value.trim();
    if (!text)
        return undefined;
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text))
        return Math.max(Number(text), 0);
    const when = Date.parse(text);
    if (Number.isNaN(when))
        return undefined;
    return Math.max((when - nowMs) / 1000, 0);
}
/** Server-requested delay in seconds: `retry-after-ms` wins over `Retry-After`. */
function retryAfterFromHeaders(headers, nowMs) {
    const millis = parseRetryAfter(headers.get("retry-after-ms"), nowMs);
    if (millis !== undefined)
        return millis / 1000;
    return parseRetryAfter(headers.get("retry-after"), nowMs);
}
/**
 * Seconds to sleep before retry number `attempt` (0 for the first retry), or undefined when
 * the server asks for more than MAX_RETRY_AFTER. Without Retry-After: exponential backoff
 * `min(0.5 * 2^attempt, 8)` reduced by up to 25 % of jitter (`random` returns [0, 1)).
 */
function retryDelay(attempt, retryAfter, random) {
    if (retryAfter !== undefined) {
        return retryAfter > exports.MAX_RETRY_AFTER ? undefined : Math.max(retryAfter, 0);
    }
    const backoff = Math.min(exports.INITIAL_RETRY_DELAY * 2 ** Math.max(attempt, 0), exports.MAX_RETRY_DELAY);
    return backoff * (1 - 0.25 * random());
}
/** Whether a response status may be retried (the caller enforces `maxRetries`). */
function isRetryableStatus(method, status, idempotent) {
    if (status === 408 || status === 429)
        return true;
    return status >= 500 && (idempotent || exports.IDEMPOTENT_METHODS.has(method.toUpperCase()));
}
/** Whether a failed fetch (no response) may be retried. `timedOut`: our timeout fired. */
function isRetryableFailure(method, error, timedOut, idempotent) {
    if (!timedOut && NOT_SENT_CODES.has(errorCode(error) ?? ""))
        return true;
    return idempotent || exports.IDEMPOTENT_METHODS.has(method.toUpperCase());
}
/** The system error code behind a fetch failure (`TypeError: fetch failed` → cause.code). */
function errorCode(error) {
    let current = error;
    for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
        const code = current.code;
        if (typeof code === "string")
            return code;
        current = current.cause;
    }
    return undefined;
}
