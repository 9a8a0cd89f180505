// Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * Parameters and bodies on the wire: the OpenAPI serialisation styles a generated client uses
 * (query `form` exploded or not, `deepObject`, `pipeDelimited`, `spaceDelimited`; `simple` for
 * path and header values), and request bodies by kind.
 */
export type BodyKind = "json" | "form" | "multipart" | "binary" | "text";
/** One query parameter of an operation, with its wire name and serialisation. */
export interface QueryParam {
    readonly name: string;
    readonly value: unknown;
    readonly explode?: boolean;
    readonly style?: string;
}
/** A scalar as text: dates as ISO 8601, booleans as `true`/`false`, objects as JSON. */
export declare function encodeScalar(value: unknown): string;
/** The `name=value` pairs of the query parameters that are set, in order (unencoded). */
export declare function queryPairs(params: readonly QueryParam[]): Array<[string, string]>;
/** A query string (without `?`) from pairs; `%20` for spaces, as RFC 3986 has it. */
export declare function queryString(pairs: ReadonlyArray<readonly [string, string]>): string;
/** `simple` style: arrays comma-joined, objects as `key,value,...`. */
export declare function encodeSimple(value: unknown): string;
/** A path template with its `{name}` parts filled in, each value percent-encoded. */
export declare function fillPath(template: string, values: Readonly<Record<string, unknown>>): string;
/** The fetch body and its Content-Type (undefined: let fetch decide, as for FormData). */
export declare function encodeBody(kind: BodyKind, mediaType: string, body: unknown): {
    body: BodyInit;
    contentType: string | undefined;
};
