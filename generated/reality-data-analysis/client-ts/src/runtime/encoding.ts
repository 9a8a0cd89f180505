// Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * Parameters and bodies on the wire: the OpenAPI serialisation styles a generated client uses
 * (query `form` exploded or not, `deepObject`, `pipeDelimited`, `spaceDelimited`; `simple` for
 * path and header values), and request bodies by kind.
 */

import { RequestValidationError } from "./errors.js";

export type BodyKind = "json" | "form" | "multipart" | "binary" | "text";

/** One query parameter of an operation, with its wire name and serialisation. */
export interface QueryParam {
  readonly name: string;
  readonly value: unknown;
  readonly explode?: boolean;
  readonly style?: string;
}

/** A scalar as text: dates as ISO 8601, booleans as `true`/`false`, objects as JSON. */
export function encodeScalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The `name=value` pairs of the query parameters that are set, in order (unencoded). */
export function queryPairs(params: readonly QueryParam[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const { name, value, explode = true, style = "form" } of params) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const items = value.filter((v) => v !== undefined && v !== null).map(encodeScalar);
      if (explode && style === "form") items.forEach((item) => pairs.push([name, item]));
      else if (items.length > 0) {
        const separator = style === "pipeDelimited" ? "|" : style === "spaceDelimited" ? " " : ",";
        pairs.push([name, items.join(separator)]);
      }
    } else if (isPlainObject(value)) {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
      if (style === "deepObject") {
        entries.forEach(([key, v]) => pairs.push([`${name}[${key}]`, encodeScalar(v)]));
      } else if (explode) {
        entries.forEach(([key, v]) => pairs.push([key, encodeScalar(v)]));
      } else {
        pairs.push([name, entries.flatMap(([key, v]) => [key, encodeScalar(v)]).join(",")]);
      }
    } else {
      pairs.push([name, encodeScalar(value)]);
    }
  }
  return pairs;
}

/** A query string (without `?`) from pairs; `%20` for spaces, as RFC 3986 has it. */
export function queryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

/** `simple` style: arrays comma-joined, objects as `key,value,...`. */
export function encodeSimple(value: unknown): string {
  if (Array.isArray(value)) return value.map(encodeScalar).join(",");
  if (isPlainObject(value)) {
    return Object.entries(value)
      .flatMap(([k, v]) => [k, encodeScalar(v)])
      .join(",");
  }
  return encodeScalar(value);
}

/** A path template with its `{name}` parts filled in, each value percent-encoded. */
export function fillPath(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) {
      throw new RequestValidationError(`path parameter ${JSON.stringify(name)} is required`);
    }
    return encodeURIComponent(encodeSimple(value));
  });
}

/** The fetch body and its Content-Type (undefined: let fetch decide, as for FormData). */
export function encodeBody(
  kind: BodyKind,
  mediaType: string,
  body: unknown,
): { body: BodyInit; contentType: string | undefined } {
  switch (kind) {
    case "json":
      return { body: JSON.stringify(body), contentType: mediaType };
    case "form": {
      const form = new URLSearchParams();
      const record = isPlainObject(body) ? body : {};
      for (const [key, value] of Object.entries(record)) {
        if (value === undefined || value === null) continue;
        if (Array.isArray(value)) value.forEach((v) => form.append(key, encodeScalar(v)));
        else form.append(key, encodeScalar(value));
      }
      return { body: form.toString(), contentType: mediaType };
    }
    case "multipart": {
      if (body instanceof FormData) return { body, contentType: undefined };
      const form = new FormData();
      const record = isPlainObject(body) ? body : {};
      for (const [key, value] of Object.entries(record)) {
        if (value === undefined || value === null) continue;
        for (const item of Array.isArray(value) ? value : [value]) {
          form.append(key, item instanceof Blob ? item : encodeScalar(item));
        }
      }
      // fetch writes the boundary into the Content-Type itself.
      return { body: form, contentType: undefined };
    }
    case "text":
      return { body: String(body), contentType: mediaType };
    case "binary":
      return { body: body as BodyInit, contentType: mediaType };
  }
}
