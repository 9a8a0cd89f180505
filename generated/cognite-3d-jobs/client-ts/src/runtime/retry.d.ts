// Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
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
export declare const DEFAULT_MAX_RETRIES = 2;
export declare const INITIAL_RETRY_DELAY = 0.5;
export declare const MAX_RETRY_DELAY = 8;
/** A Retry-After longer than this (seconds) means "do not retry now": the error is thrown. */
export declare const MAX_RETRY_AFTER = 60;
export declare const IDEMPOTENT_METHODS: ReadonlySet<string>;
/** Seconds to wait according to a Retry-After value (delay-seconds or an HTTP date). */
export declare function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined;
/** Server-requested delay in seconds: `retry-after-ms` wins over `Retry-After`. */
export declare function retryAfterFromHeaders(headers: Headers, nowMs: number): number | undefined;
/**
 * Seconds to sleep before retry number `attempt` (0 for the first retry), or undefined when
 * the server asks for more than MAX_RETRY_AFTER. Without Retry-After: exponential backoff
 * `min(0.5 * 2^attempt, 8)` reduced by up to 25 % of jitter (`random` returns [0, 1)).
 */
export declare function retryDelay(attempt: number, retryAfter: number | undefined, random: () => number): number | undefined;
/** Whether a response status may be retried (the caller enforces `maxRetries`). */
export declare function isRetryableStatus(method: string, status: number, idempotent: boolean): boolean;
/** Whether a failed fetch (no response) may be retried. `timedOut`: our timeout fired. */
export declare function isRetryableFailure(method: string, error: unknown, timedOut: boolean, idempotent: boolean): boolean;
/** The system error code behind a fetch failure (`TypeError: fetch failed` → cause.code). */
export declare function errorCode(error: unknown): string | undefined;
