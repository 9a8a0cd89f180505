// Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * Errors thrown by generated clients.
 *
 *     APIError                        anything that went wrong talking to the API
 *     ├── APIConnectionError          no usable response (DNS, refused, reset, TLS, ...)
 *     │   └── APITimeoutError         the request timed out
 *     ├── APIUserAbortError           the caller's AbortSignal fired
 *     ├── APIResponseValidationError  a 2xx response body is not what was declared (not JSON)
 *     ├── PaginationError             a paged response could not be followed
 *     └── APIStatusError              the server answered with a non-2xx status
 *         ├── BadRequestError             400
 *         ├── AuthenticationError         401
 *         │   └── OAuth2TokenError        the OAuth2 token endpoint refused or misbehaved
 *         ├── PermissionDeniedError       403
 *         ├── NotFoundError               404
 *         ├── ConflictError               409
 *         ├── UnprocessableEntityError    422
 *         ├── RateLimitError              429 (`retryAfter` in seconds)
 *         └── InternalServerError         >= 500
 *
 * Status errors carry `status`, `code`, `message`, `details` and `target` read from the common
 * error envelopes (Bentley `{"error": {...}}`, Cognite `{"error": {"code", "missing": [...]}}`,
 * RFC 7807 problem details, OAuth `{"error", "error_description"}`, flat `{"code", "message"}`),
 * plus the parsed `body` and the `headers` of the response.
 */
/** One entry of an error's `details` (Bentley) or `missing`/`duplicated` (Cognite). */
export interface ErrorDetail {
    readonly code: string | number | undefined;
    readonly message: string | undefined;
    readonly target: string | undefined;
    readonly raw: unknown;
}
/** What could be read out of an error response body. */
export interface ErrorInfo {
    readonly code?: string | number | undefined;
    readonly message?: string | undefined;
    readonly details: readonly ErrorDetail[];
    readonly target?: string | undefined;
}
/** Base class of every error a generated client throws. */
export declare class APIError extends Error {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/** The request never produced a usable HTTP response. */
export declare class APIConnectionError extends APIError {
}
/** The request (one attempt) took longer than `timeoutMs`. */
export declare class APITimeoutError extends APIConnectionError {
}
/** The caller aborted the request through its `signal`; never retried. */
export declare class APIUserAbortError extends APIError {
}
/** A successful response declared as JSON could not be parsed. */
export declare class APIResponseValidationError extends APIError {
}
/** A paged response pointed at a next page that cannot be followed. */
export declare class PaginationError extends APIError {
}
export interface StatusErrorInit {
    readonly status: number;
    readonly headers: Headers;
    readonly body: unknown;
    readonly info: ErrorInfo;
    readonly retryAfter?: number | undefined;
}
/** The server answered with a non-success status. */
export declare class APIStatusError extends APIError {
    readonly status: number;
    readonly headers: Headers;
    /** The error body: parsed JSON when it is JSON, else its text; undefined when empty. */
    readonly body: unknown;
    readonly code: string | number | undefined;
    readonly details: readonly ErrorDetail[];
    readonly target: string | undefined;
    constructor(message: string, init: StatusErrorInit);
}
/** 400 Bad Request. */
export declare class BadRequestError extends APIStatusError {
}
/** 401 Unauthorized: missing, expired or invalid credentials. */
export declare class AuthenticationError extends APIStatusError {
}
/** The OAuth2 token endpoint refused the client credentials or returned no token. */
export declare class OAuth2TokenError extends AuthenticationError {
}
/** 403 Forbidden. */
export declare class PermissionDeniedError extends APIStatusError {
}
/** 404 Not Found. */
export declare class NotFoundError extends APIStatusError {
}
/** 409 Conflict. */
export declare class ConflictError extends APIStatusError {
}
/** 422 Unprocessable Entity. */
export declare class UnprocessableEntityError extends APIStatusError {
}
/** 429 Too Many Requests; `retryAfter` is the server's requested wait in seconds. */
export declare class RateLimitError extends APIStatusError {
    readonly retryAfter: number | undefined;
    constructor(message: string, init: StatusErrorInit);
}
/** Any 5xx status. */
export declare class InternalServerError extends APIStatusError {
}
type StatusErrorClass = new (message: string, init: StatusErrorInit) => APIStatusError;
/** The error class thrown for `status`. */
export declare function statusErrorClass(status: number): StatusErrorClass;
/** The body as JSON when it parses, else as text; undefined when empty. Never throws. */
export declare function decodeBody(text: string): unknown;
/** The error for a non-2xx response whose body was read as `text`. */
export declare function makeStatusError(response: Response, text: string, options?: {
    retryAfter?: number | undefined;
    errorClass?: StatusErrorClass;
    prefix?: string;
}): APIStatusError;
/** Read code/message/details/target from the error envelopes used by common APIs. */
export declare function parseErrorBody(body: unknown): ErrorInfo;
export {};
