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

export const DEFAULT_MAX_RETRIES = 2;
export const INITIAL_RETRY_DELAY = 0.5;
export const MAX_RETRY_DELAY = 8;
/** A Retry-After longer than this (seconds) means "do not retry now": the error is thrown. */
export const MAX_RETRY_AFTER = 60;

export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  "GET",
  "HEAD",
  "OPTIONS",
  "PUT",
  "DELETE",
  "TRACE",
]);

// Error codes (from undici's `cause.code`) meaning the request never left this machine.
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Seconds to wait according to a Retry-After value (delay-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (!text) return undefined;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return Math.max(Number(text), 0);
  const when = Date.parse(text);
  if (Number.isNaN(when)) return undefined;
  return Math.max((when - nowMs) / 1000, 0);
}

/** Server-requested delay in seconds: `retry-after-ms` wins over `Retry-After`. */
export function retryAfterFromHeaders(headers: Headers, nowMs: number): number | undefined {
  const millis = parseRetryAfter(headers.get("retry-after-ms"), nowMs);
  if (millis !== undefined) return millis / 1000;
  return parseRetryAfter(headers.get("retry-after"), nowMs);
}

/**
 * Seconds to sleep before retry number `attempt` (0 for the first retry), or undefined when
 * the server asks for more than MAX_RETRY_AFTER. Without Retry-After: exponential backoff
 * `min(0.5 * 2^attempt, 8)` reduced by up to 25 % of jitter (`random` returns [0, 1)).
 */
export function retryDelay(
  attempt: number,
  retryAfter: number | undefined,
  random: () => number,
): number | undefined {
  if (retryAfter !== undefined) {
    return retryAfter > MAX_RETRY_AFTER ? undefined : Math.max(retryAfter, 0);
  }
  const backoff = Math.min(INITIAL_RETRY_DELAY * 2 ** Math.max(attempt, 0), MAX_RETRY_DELAY);
  return backoff * (1 - 0.25 * random());
}

/** Whether a response status may be retried (the caller enforces `maxRetries`). */
export function isRetryableStatus(method: string, status: number, idempotent: boolean): boolean {
  if (status === 408 || status === 429) return true;
  return status >= 500 && (idempotent || IDEMPOTENT_METHODS.has(method.toUpperCase()));
}

/** Whether a failed fetch (no response) may be retried. `timedOut`: our timeout fired. */
export function isRetryableFailure(
  method: string,
  error: unknown,
  timedOut: boolean,
  idempotent: boolean,
): boolean {
  if (!timedOut && NOT_SENT_CODES.has(errorCode(error) ?? "")) return true;
  return idempotent || IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** The system error code behind a fetch failure (`TypeError: fetch failed` → cause.code). */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
