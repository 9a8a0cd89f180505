// Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * Errors thrown by generated clients.
 *
 *     APIError                        anything that went wrong talking to the API
 *     ├── APIConnectionError          no usable response (DNS, refused, reset, TLS, ...)
 *     │   └── APITimeoutError         the request timed out
 *     ├── APIUserAbortError           the caller's AbortSignal fired
 *     ├── APIResponseValidationError  a 2xx response body is not what was declared (not JSON)
 *     ├── PaginationError             a paged response could not be followed
 *     ├── RequestValidationError      the call's arguments were refused before sending
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
 * RFC 9457 / 7807 problem details, OAuth `{"error", "error_description"}`, a list of errors
 * `{"errors": [{"message"}]}` (Asana, JSON:API, GraphQL), FastAPI's `{"detail": [{"loc", "msg"}]}`,
 * flat `{"code", "message"}`; any other declared error schema is searched for a message field a
 * few levels down), plus the parsed `body`, the `headers` and the `response`.
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
export class APIError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request never produced a usable HTTP response. */
export class APIConnectionError extends APIError {}

/** The request (one attempt) took longer than `timeoutMs`. */
export class APITimeoutError extends APIConnectionError {}

/** The caller aborted the request through its `signal`; never retried. */
export class APIUserAbortError extends APIError {}

/** A successful response declared as JSON could not be parsed. */
export class APIResponseValidationError extends APIError {}

/** A paged response pointed at a next page that cannot be followed. */
export class PaginationError extends APIError {}

/** The call's arguments were refused before anything was sent (a missing path parameter). */
export class RequestValidationError extends APIError {}

export interface StatusErrorInit {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly info: ErrorInfo;
  readonly retryAfter?: number | undefined;
  readonly response?: Response | undefined;
}

/** The server answered with a non-success status. */
export class APIStatusError extends APIError {
  readonly status: number;
  readonly headers: Headers;
  /** The error body: parsed JSON when it is JSON, else its text; undefined when empty. */
  readonly body: unknown;
  readonly code: string | number | undefined;
  readonly details: readonly ErrorDetail[];
  readonly target: string | undefined;
  /** The server's own message (or the status text); `message` adds the status and details. */
  readonly serverMessage: string;
  /** The response (its body already read into `body`). */
  readonly response: Response | undefined;

  constructor(message: string, init: StatusErrorInit) {
    super(describe(init.status, message, init.info));
    this.serverMessage = message;
    this.response = init.response;
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.code = init.info.code;
    this.details = init.info.details;
    this.target = init.info.target;
  }
}

function describe(status: number, message: string, info: ErrorInfo): string {
  let text = info.code === undefined ? `${status}: ${message}` : `${status} ${info.code}: ${message}`;
  if (info.target !== undefined) text += ` (target: ${info.target})`;
  for (const detail of info.details) {
    const said = detailText(detail);
    if (said !== message && said !== detail.target) text += `\n  - ${said}`; // not twice
  }
  return text;
}

function detailText(detail: ErrorDetail): string {
  const head = [detail.code, detail.target].filter((p) => p !== undefined).join("/");
  if (detail.message === undefined) return head;
  return head ? `${head}: ${detail.message}` : detail.message;
}

/** 400 Bad Request. */
export class BadRequestError extends APIStatusError {}
/** 401 Unauthorized: missing, expired or invalid credentials. */
export class AuthenticationError extends APIStatusError {}
/** The OAuth2 token endpoint refused the client credentials or returned no token. */
export class OAuth2TokenError extends AuthenticationError {}
/** 403 Forbidden. */
export class PermissionDeniedError extends APIStatusError {}
/** 404 Not Found. */
export class NotFoundError extends APIStatusError {}
/** 409 Conflict. */
export class ConflictError extends APIStatusError {}
/** 422 Unprocessable Entity. */
export class UnprocessableEntityError extends APIStatusError {}
/** 429 Too Many Requests; `retryAfter` is the server's requested wait in seconds. */
export class RateLimitError extends APIStatusError {
  readonly retryAfter: number | undefined;
  constructor(message: string, init: StatusErrorInit) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}
/** Any 5xx status. */
export class InternalServerError extends APIStatusError {}

type StatusErrorClass = new (message: string, init: StatusErrorInit) => APIStatusError;

const CLASS_BY_STATUS: ReadonlyMap<number, StatusErrorClass> = new Map<number, StatusErrorClass>([
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
]);

/** The error class thrown for `status`. */
export function statusErrorClass(status: number): StatusErrorClass {
  if (status >= 500) return InternalServerError;
  return CLASS_BY_STATUS.get(status) ?? APIStatusError;
}

/** The body as JSON when it parses, else as text; undefined when empty. Never throws. */
export function decodeBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The error for a non-2xx response whose body was read as `text`. */
export function makeStatusError(
  response: Response,
  text: string,
  options: { retryAfter?: number | undefined; errorClass?: StatusErrorClass; prefix?: string } = {},
): APIStatusError {
  const body = decodeBody(text);
  const info = parseErrorBody(body);
  let message = info.message ?? (response.statusText || `HTTP ${response.status}`);
  if (options.prefix !== undefined) message = `${options.prefix}: ${message}`;
  const cls = options.errorClass ?? statusErrorClass(response.status);
  return new cls(message, {
    status: response.status,
    headers: response.headers,
    body,
    info,
    retryAfter: options.retryAfter,
    response,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() ? value : undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function asCode(value: unknown): string | number | undefined {
  if (typeof value === "number") return value;
  return asText(value);
}

const MAX_TEXT = 500;

/** Read code/message/details/target from the error envelopes used by common APIs. */
export function parseErrorBody(body: unknown): ErrorInfo {
  if (typeof body === "string") {
    const text = body.trim();
    return { message: text ? text.slice(0, MAX_TEXT) : undefined, details: [] };
  }
  if (!isRecord(body)) return { details: [] };
  const info = parseEnvelope(body);
  // A declared error schema of its own: its message a few levels down.
  return info.message === undefined ? { ...info, message: findMessage(body) } : info;
}

function parseEnvelope(body: Record<string, unknown>): ErrorInfo {
  const error = body["error"];
  if (isRecord(error)) return parseErrorObject(error);
  if (typeof error === "string") {
    // OAuth 2.0 (RFC 6749 section 5.2): {"error": "invalid_client", "error_description": ...}
    const message = asText(body["error_description"]) ?? asText(body["message"]) ?? error;
    return { code: error, message, details: [] };
  }
  const detail = body["detail"];
  if (Array.isArray(detail)) {
    // FastAPI / pydantic: {"detail": [{"loc": ["body", "name"], "msg": "...", "type": ...}]}
    const details = parseDetails(detail);
    return { message: summary(details), details };
  }
  if ("title" in body || "detail" in body) {
    // RFC 9457 (formerly 7807) problem details.
    return {
      code: asCode(body["code"]) ?? asText(body["type"]),
      message: asText(detail) ?? asText(body["title"]),
      details: parseDetails(body["errors"]),
      target: asText(body["instance"]),
    };
  }
  const errors = body["errors"];
  if (Array.isArray(errors) && errors.length > 0 && asText(body["message"]) === undefined) {
    // Asana, JSON:API, GraphQL: {"errors": [{"message": ...}, ...]}
    const details = parseDetails(errors);
    return { code: asCode(body["code"]) ?? details[0]?.code, message: summary(details), details, target: details[0]?.target };
  }
  return parseErrorObject(body);
}

/** Keys that hold an error's human message, in the order they are preferred. */
const MESSAGE_KEYS = [
  "message", "msg", "detail", "error_description", "errorMessage", "error_message", "description", "reason", "faultstring", "title",
];

/** The first message-like string in `node`, breadth first, at most three levels down. */
function findMessage(node: unknown): string | undefined {
  let level: unknown[] = [node];
  for (let depth = 0; depth <= 3; depth++) {
    const following: unknown[] = [];
    for (const item of level) {
      if (isRecord(item)) {
        const text = messageAt(item);
        if (text !== undefined) return text;
        following.push(...Object.values(item).filter((v) => typeof v === "object" && v !== null));
      } else if (Array.isArray(item) && item.length > 0 && typeof item[0] === "object" && item[0] !== null) {
        following.push(item[0]);
      }
    }
    level = following;
  }
  return undefined;
}

const MESSAGE_WORDS = ["message", "description", "detail", "reason", "error", "text"];
const NOT_MESSAGE_WORDS = ["code", "id", "type", "uri", "url", "link", "time", "date"];

/** A message among an object's own string fields: a known key, else a key that says it is
 *  one (`errorText`, `failureReason`), never a code, id or type. */
function messageAt(item: Record<string, unknown>): string | undefined {
  for (const key of MESSAGE_KEYS) {
    const text = item[key];
    if (typeof text === "string" && text.trim()) return text;
  }
  for (const [key, text] of Object.entries(item)) {
    const name = key.toLowerCase();
    if (typeof text !== "string" || !text.trim()) continue;
    if (MESSAGE_WORDS.some((w) => name.includes(w)) && !NOT_MESSAGE_WORDS.some((w) => name.includes(w))) return text;
  }
  return undefined;
}

/** The first detail's message (with its target), and how many more there are. */
function summary(details: readonly ErrorDetail[]): string | undefined {
  const first = details[0];
  if (first === undefined) return undefined;
  let text = first.message ?? detailText(first);
  if (first.target !== undefined && first.message !== undefined) text = `${first.target}: ${first.message}`;
  return details.length > 1 ? `${text} (and ${details.length - 1} more)` : text;
}

function parseErrorObject(error: Record<string, unknown>): ErrorInfo {
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

function parseDetails(raw: unknown): ErrorDetail[] {
  if (isRecord(raw)) {
    // {"errors": {"email": ["is invalid"]}}: one detail per field and message
    return Object.entries(raw).flatMap(([field, messages]) =>
      (Array.isArray(messages) ? messages : [messages]).map(
        (m: unknown): ErrorDetail => ({ code: undefined, message: asText(m), target: field, raw: m }),
      ),
    );
  }
  if (!Array.isArray(raw)) return [];
  return raw.map((item: unknown): ErrorDetail => {
    if (isRecord(item)) {
      return {
        code: asCode(item["code"]),
        message: asText(item["message"]) ?? asText(item["msg"]) ?? asText(item["detail"]) ?? asText(item["title"]),
        target: targetOf(item),
        raw: item,
      };
    }
    return { code: undefined, message: asText(item), target: undefined, raw: item };
  });
}

/** Where an error entry points: `target`, `field`, pydantic's `loc`, JSON:API's
 *  `source.pointer`, GraphQL's `path`. */
function targetOf(item: Record<string, unknown>): string | undefined {
  for (const key of ["target", "field", "param", "parameter"]) {
    const text = asText(item[key]);
    if (text !== undefined) return text;
  }
  for (const key of ["loc", "path"]) {
    const steps = item[key];
    if (Array.isArray(steps) && steps.length > 0) return steps.map(String).join(".");
  }
  const source = item["source"];
  return isRecord(source) ? asText(source["pointer"]) ?? asText(source["parameter"]) : undefined;
}

function identifier(item: unknown): string | undefined {
  if (isRecord(item)) {
    const parts = Object.entries(item).map(([k, v]) => `${k}=${String(v)}`);
    return parts.join(", ");
  }
  return asText(item);
}

/**
 * A type guard for the error bodies one operation declares, keyed by status (`404`), range
 * (`"4XX"`) or `"default"`. The generated client exports one per operation that declares
 * error bodies (`isGetJobError`); `declared` lists the keys, so that a range or `default`
 * matches only the statuses no more precise key claims:
 *
 *     catch (error) { if (isGetJobError(error, 404)) console.log(error.body.error.code); }
 */
export function errorGuard<E>(declared: readonly (keyof E)[]) {
  return <S extends keyof E>(
    error: unknown,
    status: S,
  ): error is APIStatusError & { readonly body: E[S] } => {
    if (!(error instanceof APIStatusError)) return false;
    if (typeof status === "number") return error.status === status;
    if ((declared as readonly unknown[]).includes(error.status)) return false;
    const range = `${Math.floor(error.status / 100)}XX`;
    if (status === "default") return !(declared as readonly unknown[]).includes(range);
    return status === range;
  };
}
