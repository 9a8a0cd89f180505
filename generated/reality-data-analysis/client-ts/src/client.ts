// Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.

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
export const DEFAULT_SCOPES: readonly string[] = ["realitydataanalysis:modify"];

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
 * iTwin Reality Data Analysis v1
 *
 * Curated from page 004: a QA-era variant of Bentley iTwin Reality Data Analysis v1 (scope `realitydataanalysis:modify`, `settings.inputs[{name, realityDataId}]`, job `projectId`), transcribed as written. The method, path, server URL and OAuth2 endpoints come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.
 */
export class Client extends BaseClient {
  constructor(options: ClientOptions = {}) {
    super(options, SERVER_URL, AUTH_SCHEMES);
  }

  /**
   * Patch an existing job
   *
   * Patch can be used for changing the job state (to active or cancelled), updating job type and settings or changing cost estimation parameters.
   *
   * Requires Authorization header with valid Bearer token for scope realitydataanalysis:modify.
   *
   * Setting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.
   *
   * `PATCH /realitydataanalysis/jobs/{jobId}`
   */
  patchJob(args: {
    /** Job id */
    jobId: string;
    /** Request body (application/json). Job Patch */
    body: M.JobPatch;
  }, options?: RequestOptions): APIPromise<M.JobResponse> {
    return this.request<M.JobResponse>(
      {
        method: "PATCH",
        path: "/realitydataanalysis/jobs/{jobId}",
        pathParams: { jobId: args.jobId },
        body: args.body,
        bodyKind: "json",
        mediaType: "application/json",
        accept: "application/vnd.bentley.itwin-platform.v1+json",
      },
      options,
    );
  }
}

/** The error bodies `patchJob` declares, by status (a `"4XX"` key is a range, `default` any other status). */
export interface PatchJobErrors {
  401: M.ErrorResponse;
  404: M.ErrorResponse2;
  422: M.ErrorResponse2;
  429: M.ErrorResponse;
}

/** Whether `error` is a status error of `patchJob` whose body is the one declared for `status`. */
export const isPatchJobError = errorGuard<PatchJobErrors>([401, 404, 422, 429]);
