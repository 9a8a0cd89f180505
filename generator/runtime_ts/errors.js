"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.InternalServerError = exports.RateLimitError = exports.UnprocessableEntityError = exports.ConflictError = exports.NotFoundError = exports.PermissionDeniedError = exports.OAuth2TokenError = exports.AuthenticationError = exports.BadRequestError = exports.APIStatusError = exports.PaginationError = exports.APIResponseValidationError = exports.APIUserAbortError = exports.APITimeoutError = exports.APIConnectionError = exports.APIError = void 0;
exports.statusErrorClass = statusErrorClass;
exports.decodeBody = decodeBody;
exports.makeStatusError = makeStatusError;
exports.parseErrorBody = parseErrorBody;
/** Base class of every error a generated client throws. */
class APIError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
exports.APIError = APIError;
/** The request never produced a usable HTTP response. */
class APIConnectionError extends APIError {
}
exports.APIConnectionError = APIConnectionError;
/** The request (one attempt) took longer than `timeoutMs`. */
class APITimeoutError extends APIConnectionError {
}
exports.APITimeoutError = APITimeoutError;
/** The caller aborted the request through its `signal`; never retried. */
class APIUserAbortError extends APIError {
}
exports.APIUserAbortError = APIUserAbortError;
/** A successful response declared as JSON could not be parsed. */
class APIResponseValidationError extends APIError {
}
exports.APIResponseValidationError = APIResponseValidationError;
/** A paged response pointed at a next page that cannot be followed. */
class PaginationError extends APIError {
}
exports.PaginationError = PaginationError;
/** The server answered with a non-success status. */
class APIStatusError extends APIError {
    status;
    headers;
    /** The error body: parsed JSON when it is JSON, else its text; undefined when empty. */
    body;
    code;
    details;
    target;
    constructor(message, init) {
        super(describe(init.status, message, init.info));
        this.status = init.status;
        this.headers = init.headers;
        this.body = init.body;
        this.code = init.info.code;
        this.details = init.info.details;
        this.target = init.info.target;
    }
}
exports.APIStatusError = APIStatusError;
function describe(status, message, info) {
    let text = info.code === undefined ? `${status}: ${message}` : `${status} ${info.code}: ${message}`;
    if (info.target !== undefined)
        text += ` (target: ${info.target})`;
    for (const detail of info.details)
        text += `\n  - ${detailText(detail)}`;
    return text;
}
function detailText(detail) {
    const head = [detail.code, detail.target].filter((p) => p !== undefined).join("/");
    if (detail.message === undefined)
        return head;
    return head ? `${head}: ${detail.message}` : detail.message;
}
/** 400 Bad Request. */
class BadRequestError extends APIStatusError {
}
exports.BadRequestError = BadRequestError;
/** 401 Unauthorized: missing, expired or invalid credentials. */
class AuthenticationError extends APIStatusError {
}
exports.AuthenticationError = AuthenticationError;
/** The OAuth2 token endpoint refused the client credentials or returned no token. */
class OAuth2TokenError extends AuthenticationError {
}
exports.OAuth2TokenError = OAuth2TokenError;
/** 403 Forbidden. */
class PermissionDeniedError extends APIStatusError {
}
exports.PermissionDeniedError = PermissionDeniedError;
/** 404 Not Found. */
class NotFoundError extends APIStatusError {
}
exports.NotFoundError = NotFoundError;
/** 409 Conflict. */
class ConflictError extends APIStatusError {
}
exports.ConflictError = ConflictError;
/** 422 Unprocessable Entity. */
class UnprocessableEntityError extends APIStatusError {
}
exports.UnprocessableEntityError = UnprocessableEntityError;
/** 429 Too Many Requests; `retryAfter` is the server's requested wait in seconds. */
class RateLimitError extends APIStatusError {
    retryAfter;
    constructor(message, init) {
        super(message, init);
        this.retryAfter = init.retryAfter;
    }
}
exports.RateLimitError = RateLimitError;
/** Any 5xx status. */
class InternalServerError extends APIStatusError {
}
exports.InternalServerError = InternalServerError;
const CLASS_BY_STATUS = new Map([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
]);
/** The error class thrown for `status`. */
function statusErrorClass(status) {
    if (status >= 500)
        return InternalServerError;
    return CLASS_BY_STATUS.get(status) ?? APIStatusError;
}
/** The body as JSON when it parses, else as text; undefined when empty. Never throws. */
function decodeBody(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** The error for a non-2xx response whose body was read as `text`. */
function makeStatusError(response, text, options = {}) {
    const body = decodeBody(text);
    const info = parseErrorBody(body);
    let message = info.message ?? (response.statusText || `HTTP ${response.status}`);
    if (options.prefix !== undefined)
        message = `${options.prefix}: ${message}`;
    const cls = options.errorClass ?? statusErrorClass(response.status);
    return new cls(message, {
        status: response.status,
        headers: response.headers,
        body,
        info,
        retryAfter: options.retryAfter,
    });
}
function isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asText(value) {
    if (typeof value === "string")
        return value.trim() ? value : undefined;
    if (typeof value === "number" || typeof value === "boolean")
        return String(value);
    return undefined;
}
function asCode(value) {
    if (typeof value === "number")
        return value;
    return asText(value);
}
const MAX_TEXT = 500;
/** Read code/message/details/target from the error envelopes used by common APIs. */
function parseErrorBody(body) {
    if (typeof body === "string") {
        const text = body.trim();
        return { message: text ? text.slice(0, MAX_TEXT) : undefined, details: [] };
    }
    if (!isRecord(body))
        return { details: [] };
    const error = body["error"];
    if (isRecord(error))
        return parseErrorObject(error);
    if (typeof error === "string") {
        // OAuth 2.0 (RFC 6749 section 5.2): {"error": "invalid_client", "error_description": ...}
        const message = asText(body["error_description"]) ?? asText(body["message"]) ?? error;
        return { code: error, message, details: [] };
    }
    if ("title" in body || "detail" in body) {
        // RFC 7807 problem details.
        return {
            code: asCode(body["code"]) ?? asText(body["type"]),
            message: asText(body["detail"]) ?? asText(body["title"]),
            details: parseDetails(body["errors"]),
            target: asText(body["instance"]),
        };
    }
    return parseErrorObject(body);
}
function parseErrorObject(error) {
    const details = [...parseDetails(error["details"])];
    // Cognite lists the offending identifiers instead of details.
    for (const key of ["missing", "duplicated"]) {
        const items = error[key];
        if (Array.isArray(items)) {
            for (const item of items) {
                details.push({ code: key, message: undefined, target: identifier(item), raw: item });
            }
        }
    }
    return {
        code: asCode(error["code"]),
        message: asText(error["message"]) ?? asText(error["detail"]),
        details,
        target: asText(error["target"]),
    };
}
function parseDetails(raw) {
    if (!Array.isArray(raw))
        return [];
    return raw.map((item) => {
        if (isRecord(item)) {
            return {
                code: asCode(item["code"]),
                message: asText(item["message"]) ?? asText(item["detail"]),
                target: asText(item["target"]),
                raw: item,
            };
        }
        return { code: undefined, message: asText(item), target: undefined, raw: item };
    });
}
function identifier(item) {
    if (isRecord(item)) {
        const parts = Object.entries(item).map(([k, v]) => `${k}=${String(v)}`);
        return parts.join(", ");
    }
    return asText(item);
}
