// Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
/** The runtime of generated TypeScript clients (copied verbatim into each package). */

export * from "./auth.js";
export * from "./core.js";
export * from "./encoding.js";
export * from "./errors.js";
export * from "./pagination.js";
export * from "./promise.js";
export * from "./retry.js";
