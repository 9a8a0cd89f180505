// Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.

import type * as M from "./models.js";
import {
  type APIPromise,
  type AuthSchemeInfo,
  BaseClient,
  type ClientOptions as BaseClientOptions,
  errorGuard,
  type PagePromise,
  type RequestOptions,
} from "./runtime/index.js";
import { OAuth2ClientCredentials } from "./runtime/index.js";

/** The spec's first server. */
export const SERVER_URL = "https://api.bentley.com";

/** The spec's security schemes: a `token` none of them takes is refused by the constructor. */
export const AUTH_SCHEMES: readonly AuthSchemeInfo[] = [
  { name: "bentleyOAuth2", kind: "bearer" },
];

/** The OAuth2 token endpoint and default scopes the spec declares. */
export const TOKEN_URL = "https://ims.bentley.com/connect/token";
export const DEFAULT_SCOPES: readonly string[] = ["itwin-platform"];

/** A token provider for `new Client({ token })`: OAuth2 client credentials, cached and
 *  refreshed before expiry (and after a 401). */
export function clientCredentials(
  clientId: string,
  clientSecret: string,
  options: { scopes?: readonly string[]; tokenUrl?: string } = {},
): OAuth2ClientCredentials {
  return new OAuth2ClientCredentials({
    tokenUrl: options.tokenUrl ?? TOKEN_URL,
    clientId,
    clientSecret,
    scopes: options.scopes ?? DEFAULT_SCOPES,
  });
}

/** The client's options (the spec declares no server variables). */
export type ClientOptions = BaseClientOptions;

/**
 * iTwin Reality Analysis v2
 *
 * Curated from page 002 (Bentley iTwin Reality Analysis v2, Cancel a job). The method and path (`DELETE /reality-analysis/jobs/{id}`) and the success status are inferred from the API operation index and SDK; the server URL and OAuth2 endpoints come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.
 */
export class Client extends BaseClient {
  constructor(options: ClientOptions = {}) {
    super(options, SERVER_URL, AUTH_SCHEMES);
  }

  /**
   * Cancel a job.
   *
   * Requires Authorization header with valid Bearer token for scope itwin-platform.
   *
   * Setting `Accept: application/vnd.bentley.itwin-platform.v2+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.
   *
   * `DELETE /reality-analysis/jobs/{id}`
   */
  cancelJob(args: {
    /** Job id */
    id: string;
  }, options?: RequestOptions): APIPromise<M.JobResponse> {
    return this.request<M.JobResponse>(
      {
        method: "DELETE",
        path: "/reality-analysis/jobs/{id}",
        pathParams: { id: args.id },
        accept: "application/vnd.bentley.itwin-platform.v2+json",
        idempotent: true,
      },
      options,
    );
  }
}

/** The error bodies `cancelJob` declares, by status (a `"4XX"` key is a range, `default` any other status). */
export interface CancelJobErrors {
  401: M.ErrorResponse;
  404: M.ErrorResponse;
  422: M.ErrorResponse;
  429: M.ErrorResponse;
}

/** Whether `error` is a status error of `cancelJob` whose body is the one declared for `status`. */
export const isCancelJobError = errorGuard<CancelJobErrors>([401, 404, 422, 429]);
