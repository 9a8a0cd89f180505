// Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
/**
 * Paged responses, walked lazily.
 *
 * Six styles, declared per operation by the spec's `x-pagination` or detected by the generator:
 * - `next-link`: the response holds the URL of the next page (absolute or relative), requested
 *   as-is with GET, query string included (credentials only to the same origin);
 * - `cursor`: the response holds an opaque cursor, sent back in `cursorParam` with the first
 *   request's parameters (in the query string, or in the JSON body for APIs that page with POST);
 * - `has-more`: a boolean at `next` says more items follow; the `idField` of the page's last
 *   item is sent back in `cursorParam` (Stripe's `has_more` + `starting_after`);
 * - `offset`: `cursorParam` counts items to skip; the next page skips this page's items too;
 * - `page`: `cursorParam` numbers pages (the first is `firstPage` when not sent); `next`, when
 *   given, is the body's page count (Linode's `pages`), which ends the walk;
 * - `link-header`: the `Link` response header's `rel="next"` URL (RFC 8288).
 *
 * Paging stops when the next link or cursor is missing, null or empty, when `has-more` is false,
 * and, for `offset` and `page`, on an empty page or one shorter than the `sizeParam` sent. A next
 * page that points back at the page just read is a `PaginationError`, not an endless loop.
 */

import { PaginationError } from "./errors.js";

export type PaginationStyle = "next-link" | "cursor" | "has-more" | "offset" | "page" | "link-header";

export interface PaginationSpec {
  readonly style: PaginationStyle;
  /** Dotted path of the items in the response body, e.g. `jobs` or `data.items`; `""` when the
   *  body is the list itself. */
  readonly items: string;
  /** Dotted path of the next link, cursor, has-more flag or page count, e.g. `_links.next.href`. */
  readonly next?: string | undefined;
  readonly cursorParam?: string | undefined;
  readonly cursorIn?: "query" | "body" | undefined;
  /** The page size parameter (`offset`, `page`): a page shorter than the size sent is the last. */
  readonly sizeParam?: string | undefined;
  /** `has-more`: the item property sent back (default `id`). */
  readonly idField?: string | undefined;
  /** `page`: the number of the first page, when the first request sends none (default 1). */
  readonly firstPage?: number | undefined;
}

/** What the client needs to send a page request again (see `BaseClient`). */
export interface PageRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly jsonBody?: unknown;
  readonly body?: BodyInit | undefined;
  readonly sendAuth: boolean;
  readonly idempotent: boolean;
}

/** The value at `a.b.c` in nested JSON objects, or undefined if any step is missing; the body
 *  itself for `""`. */
export function lookupPath(body: unknown, dotted: string): unknown {
  if (dotted === "") return body;
  let current: unknown = body;
  for (const key of dotted.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current) || !(key in current)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function hasMarker(marker: unknown): boolean {
  return marker !== undefined && marker !== null && marker !== "";
}

/** The `rel="next"` target of a `Link` header (RFC 8288), or undefined. */
export function linkHeaderNext(value: string | null | undefined): string | undefined {
  for (const match of (value ?? "").matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const rel = /rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i.exec(match[2] ?? "");
    const names = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (names.includes("next")) return (match[1] ?? "").trim();
  }
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function sent(pagination: PaginationSpec, current: PageRequest, name: string | undefined): unknown {
  if (!name) return undefined;
  const record = asRecord(current.jsonBody);
  if (pagination.cursorIn === "body" || (pagination.cursorIn === undefined && record !== undefined)) {
    if (record !== undefined) return record[name];
  }
  return new URL(current.url).searchParams.get(name) ?? undefined;
}

function asInt(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const number = Number(value);
  return Number.isInteger(number) ? number : undefined;
}

/** What names the next page (a link, a cursor, a number), or undefined on the last page. */
function nextMarker(
  pagination: PaginationSpec,
  body: unknown,
  headers: Headers | undefined,
  current: PageRequest,
): unknown {
  const style = pagination.style;
  if (style === "link-header") return linkHeaderNext(headers?.get("link"));
  if (style === "next-link" || style === "cursor") {
    const marker = lookupPath(body, pagination.next ?? "");
    return hasMarker(marker) ? marker : undefined;
  }
  const items = lookupPath(body, pagination.items);
  if (!Array.isArray(items) || items.length === 0) return undefined;
  if (style === "has-more") {
    if (lookupPath(body, pagination.next ?? "") !== true) return undefined;
    const last = asRecord(items[items.length - 1]);
    const id = last?.[pagination.idField ?? "id"];
    return hasMarker(id) ? id : undefined;
  }
  const size = asInt(sent(pagination, current, pagination.sizeParam));
  if (size !== undefined && items.length < size) return undefined;
  const current_ = asInt(sent(pagination, current, pagination.cursorParam));
  if (style === "offset") return (current_ ?? 0) + items.length;
  const first = pagination.firstPage ?? 1;
  const number = current_ ?? first;
  const pages = pagination.next ? asInt(lookupPath(body, pagination.next)) : undefined;
  if (pages !== undefined && number >= first + pages - 1) return undefined; // the body's page count
  return number + 1;
}

/** The request for the page after `body`, or undefined on the last page. */
export function nextPageRequest(
  pagination: PaginationSpec,
  body: unknown,
  current: PageRequest,
  responseUrl: string,
  headers?: Headers,
): PageRequest | undefined {
  const marker = nextMarker(pagination, body, headers, current);
  if (marker === undefined) return undefined;
  if (pagination.style === "next-link" || pagination.style === "link-header") {
    if (typeof marker !== "string") {
      throw new PaginationError(`next link at ${JSON.stringify(pagination.next)} is ${typeof marker}, expected a URL`);
    }
    const url = new URL(marker, responseUrl || current.url);
    if (url.href === new URL(current.url).href) {
      throw new PaginationError(`next link ${JSON.stringify(marker)} points back at the page just read`);
    }
    const sameOrigin = url.origin === new URL(current.url).origin;
    // A GET has no body: the first request's Content-Type would describe nothing.
    const headers = Object.fromEntries(
      Object.entries(current.headers).filter(([key]) => key.toLowerCase() !== "content-type"),
    );
    return {
      method: "GET",
      url: url.href,
      headers,
      sendAuth: current.sendAuth && sameOrigin,
      idempotent: true,
    };
  }
  const param = pagination.cursorParam;
  if (!param) throw new PaginationError(`${pagination.style} pagination needs a cursor parameter`);
  const numeric = typeof marker === "number";
  const cursor = typeof marker === "string" || numeric ? marker : JSON.stringify(marker);
  const record = asRecord(current.jsonBody);
  if (record !== undefined && pagination.cursorIn !== "query") {
    if (record[param] === cursor) throw new PaginationError(`cursor ${JSON.stringify(cursor)} repeats the page just read`);
    const next = { ...record, [param]: cursor };
    return { ...current, jsonBody: next, body: JSON.stringify(next) };
  }
  const url = new URL(current.url);
  if (url.searchParams.get(param) === String(cursor)) {
    throw new PaginationError(`cursor ${JSON.stringify(cursor)} repeats the page just read`);
  }
  url.searchParams.set(param, String(cursor));
  return { ...current, url: url.href };
}

type Fetcher<Item, Body> = (request: PageRequest) => Promise<Page<Item, Body>>;

/** One page: `body` is the whole parsed response, `items` this page's items. Iterating it
 *  (`for await`) yields every item of this and all following pages, fetched only when reached. */
export class Page<Item, Body> implements AsyncIterable<Item> {
  readonly #next: PageRequest | undefined;
  readonly #fetch: Fetcher<Item, Body>;

  constructor(
    readonly body: Body,
    readonly items: readonly Item[],
    readonly response: Response,
    next: PageRequest | undefined,
    fetch: Fetcher<Item, Body>,
  ) {
    this.#next = next;
    this.#fetch = fetch;
  }

  hasNextPage(): boolean {
    return this.#next !== undefined;
  }

  /** The following page; a `PaginationError` on the last page. */
  async nextPage(): Promise<Page<Item, Body>> {
    if (this.#next === undefined) throw new PaginationError("there is no next page; check hasNextPage() first");
    return this.#fetch(this.#next);
  }

  /** This page, then each following page, fetched only when reached. */
  async *iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    let page: Page<Item, Body> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.nextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

/** What a paged operation returns: `await` it for the first page, or `for await` it for every
 *  item of every page. Nothing is requested until one of the two happens. */
export class PagePromise<Item, Body> implements PromiseLike<Page<Item, Body>>, AsyncIterable<Item> {
  readonly #load: () => Promise<Page<Item, Body>>;
  #first: Promise<Page<Item, Body>> | undefined;

  constructor(load: () => Promise<Page<Item, Body>>) {
    this.#load = load;
  }

  #page(): Promise<Page<Item, Body>> {
    this.#first ??= this.#load();
    return this.#first;
  }

  then<A = Page<Item, Body>, B = never>(
    onfulfilled?: ((value: Page<Item, Body>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#page().then(onfulfilled, onrejected);
  }

  /** Every page, the first included, fetched only when reached. */
  async *iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    yield* (await this.#page()).iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    yield* await this.#page();
  }
}
