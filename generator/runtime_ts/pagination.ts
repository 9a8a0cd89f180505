/**
 * Paged responses, walked lazily.
 *
 * Two styles, declared per operation by the spec's `x-pagination`:
 * - `next-link`: the response holds the URL of the next page (absolute or relative), requested
 *   as-is with GET, query string included (credentials only to the same origin);
 * - `cursor`: the response holds an opaque cursor, sent back in `cursorParam` with the first
 *   request's parameters (in the query string, or in the JSON body for APIs that page with POST).
 *
 * Paging stops when the next link or cursor is missing, null or empty. A next page that points
 * back at the page just read is a `PaginationError`, not an endless loop.
 */

import { PaginationError } from "./errors.js";

export interface PaginationSpec {
  readonly style: "next-link" | "cursor";
  /** Dotted path of the items in the response body, e.g. `jobs` or `data.items`. */
  readonly items: string;
  /** Dotted path of the next link or cursor, e.g. `_links.next.href`. */
  readonly next: string;
  readonly cursorParam?: string | undefined;
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

/** The value at `a.b.c` in nested JSON objects, or undefined if any step is missing. */
export function lookupPath(body: unknown, dotted: string): unknown {
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

/** The request for the page after `body`, or undefined on the last page. */
export function nextPageRequest(
  pagination: PaginationSpec,
  body: unknown,
  current: PageRequest,
  responseUrl: string,
): PageRequest | undefined {
  const marker = lookupPath(body, pagination.next);
  if (!hasMarker(marker)) return undefined;
  if (pagination.style === "next-link") {
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
  if (!param) throw new PaginationError("cursor pagination needs a cursor parameter");
  const cursor = typeof marker === "string" ? marker : JSON.stringify(marker);
  const jsonBody = current.jsonBody;
  if (typeof jsonBody === "object" && jsonBody !== null && !Array.isArray(jsonBody)) {
    const record = jsonBody as Record<string, unknown>;
    if (record[param] === cursor) throw new PaginationError(`cursor ${JSON.stringify(cursor)} repeats the page just read`);
    const next = { ...record, [param]: cursor };
    return { ...current, jsonBody: next, body: JSON.stringify(next) };
  }
  const url = new URL(current.url);
  if (url.searchParams.get(param) === cursor) {
    throw new PaginationError(`cursor ${JSON.stringify(cursor)} repeats the page just read`);
  }
  url.searchParams.set(param, cursor);
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
