// Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
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
export declare function lookupPath(body: unknown, dotted: string): unknown;
/** The request for the page after `body`, or undefined on the last page. */
export declare function nextPageRequest(pagination: PaginationSpec, body: unknown, current: PageRequest, responseUrl: string): PageRequest | undefined;
type Fetcher<Item, Body> = (request: PageRequest) => Promise<Page<Item, Body>>;
/** One page: `body` is the whole parsed response, `items` this page's items. Iterating it
 *  (`for await`) yields every item of this and all following pages, fetched only when reached. */
export declare class Page<Item, Body> implements AsyncIterable<Item> {
    #private;
    readonly body: Body;
    readonly items: readonly Item[];
    readonly response: Response;
    constructor(body: Body, items: readonly Item[], response: Response, next: PageRequest | undefined, fetch: Fetcher<Item, Body>);
    hasNextPage(): boolean;
    /** The following page; a `PaginationError` on the last page. */
    nextPage(): Promise<Page<Item, Body>>;
    /** This page, then each following page, fetched only when reached. */
    iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined>;
    [Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined>;
}
/** What a paged operation returns: `await` it for the first page, or `for await` it for every
 *  item of every page. Nothing is requested until one of the two happens. */
export declare class PagePromise<Item, Body> implements PromiseLike<Page<Item, Body>>, AsyncIterable<Item> {
    #private;
    constructor(load: () => Promise<Page<Item, Body>>);
    then<A = Page<Item, Body>, B = never>(onfulfilled?: ((value: Page<Item, Body>) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B>;
    /** Every page, the first included, fetched only when reached. */
    iterPages(): AsyncGenerator<Page<Item, Body>, void, undefined>;
    [Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined>;
}
export {};
