// Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.

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
 * iTwin Reality Modeling (ContextCapture) v1
 *
 * Curated from two captures of the Bentley iTwin Reality Modeling (ContextCapture) v1 reference: page 001 (Create a new job) and page 003 (Retrieve a list of jobs, a later capture). Shared schemas hold the union of both pages: page 003 adds the `GaussianSplats` output format and the `West Europe` location. HTTP methods, paths, the server URL and the OAuth2 endpoints are not shown on the pages; they come from the public API documentation. Decisions are recorded in specs/DECISIONS.md.
 */
export class Client extends BaseClient {
  constructor(options: ClientOptions = {}) {
    super(options, SERVER_URL, AUTH_SCHEMES);
  }

  /**
   * Retrieve list of jobs matching provided filter.
   *
   * The iTwinId in filter is optional. If it is not provided, this will return jobs created by the same user. However, if the iTwinId is provided and the user has access to it, this will return jobs associated with that specific iTwin.
   *
   * Requires Authorization header with valid Bearer token for scope itwin-platform.
   *
   * Setting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.
   *
   * `GET /contextcapture/jobs`
   *
   * Await it for the first page, or `for await` it for every item of every page.
   */
  listJobs(args: {
    /**
     * The $filter query option requests a specific set of jobs.
     * The given filter is evaluated for each job and only job where the filter evaluates to true are returned.
     * Properties supported for filtering: id, iTwinId, name, email, type, state, createdDateTime, inputId, outputId.
     * Supported operators: eq, lt, le, gt, ge, ne, in, and, or.
     */
    filter?: string | undefined;
    /** Parameter that enables continuing to the next page of the previous paged query. This must be passed exactly as it is in the response body's _links.next property. */
    continuationToken?: string | undefined;
    /** The number of reality modeling jobs to get in each page. Max 1000, but 100 is the default if this parameter is not included. */
    top?: number | undefined;
  } = {}, options?: RequestOptions): PagePromise<M.Job, M.Jobs> {
    return this.paginate<M.Job, M.Jobs>(
      {
        method: "GET",
        path: "/contextcapture/jobs",
        query: [
          { name: "$filter", value: args.filter },
          { name: "continuationToken", value: args.continuationToken },
          { name: "$top", value: args.top },
        ],
        accept: "application/vnd.bentley.itwin-platform.v1+json",
        idempotent: true,
      },
      {
        style: "next-link",
        items: "jobs",
        next: "_links.next.href",
      },
      options,
    );
  }

  /**
   * Create a new job
   *
   * Requires Authorization header with valid Bearer token for scope itwin-platform.
   *
   * Setting `Accept: application/vnd.bentley.itwin-platform.v1+json` is recommended; it is expressed here as the response media type, so clients must send it as the Accept header.
   *
   * `POST /contextcapture/jobs`
   */
  createJob(args: {
    /** Request body (application/json). Job Creation */
    body: M.JobCreation;
  }, options?: RequestOptions): APIPromise<M.JobResponse> {
    return this.request<M.JobResponse>(
      {
        method: "POST",
        path: "/contextcapture/jobs",
        body: args.body,
        bodyKind: "json",
        mediaType: "application/json",
        accept: "application/vnd.bentley.itwin-platform.v1+json",
      },
      options,
    );
  }
}

/** The error bodies `listJobs` declares, by status (a `"4XX"` key is a range, `default` any other status). */
export interface ListJobsErrors {
  401: M.ErrorResponse;
  404: M.ErrorResponse;
  422: M.DetailedErrorResponse;
  429: M.ErrorResponse;
}

/** Whether `error` is a status error of `listJobs` whose body is the one declared for `status`. */
export const isListJobsError = errorGuard<ListJobsErrors>([401, 404, 422, 429]);

/** The error bodies `createJob` declares, by status (a `"4XX"` key is a range, `default` any other status). */
export interface CreateJobErrors {
  401: M.ErrorResponse;
  422: M.DetailedErrorResponse;
  429: M.ErrorResponse;
}

/** Whether `error` is a status error of `createJob` whose body is the one declared for `status`. */
export const isCreateJobError = errorGuard<CreateJobErrors>([401, 422, 429]);
