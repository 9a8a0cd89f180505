// Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.

// The models first: the explicit exports below win over a model of the same name, which
// stays importable from "reality-data-analysis/models".
export * from "./models.js";
export * as models from "./models.js";
export { Client, type ClientOptions, SERVER_URL, clientCredentials } from "./client.js";
export { type PatchJobErrors, isPatchJobError } from "./client.js";
export {
  APIConnectionError,
  APIPromise,
  APIError,
  APIResponseValidationError,
  APIStatusError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OAuth2ClientCredentials,
  OAuth2TokenError,
  Page,
  PagePromise,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  UnprocessableEntityError,
  errorGuard,
  type ErrorDetail,
  type FetchLike,
  type RequestOptions,
  type TokenProvider,
  type TokenSource,
  type WithResponse,
} from "./runtime/index.js";
