"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.PagePromise = exports.Page = void 0;
exports.lookupPath = lookupPath;
exports.nextPageRequest = nextPageRequest;
const errors_js_1 = require("./errors.js");
/** The value at `a.b.c` in nested JSON objects, or undefined if any step is missing. */
function lookupPath(body, dotted) {
    let current = body;
    for (const key of dotted.split(".")) {
        if (typeof current !== "object" || current === null || Array.isArray(current) || !(key in current)) {
            return undefined;
        }
        current = current[key];
    }
    return current;
}
function hasMarker(marker) {
    return marker !== undefined && marker !== null && marker !== "";
}
/** The request for the page after `body`, or undefined on the last page. */
function nextPageRequest(pagination, body, current, responseUrl) {
    const marker = lookupPath(body, pagination.next);
    if (!hasMarker(marker))
        return undefined;
    if (pagination.style === "next-link") {
        if (typeof marker !== "string") {
            throw new errors_js_1.PaginationError(`next link at ${JSON.stringify(pagination.next)} is ${typeof marker}, expected a URL`);
        }
        const url = new URL(marker, responseUrl || current.url);
        if (url.href === new URL(current.url).href) {
            throw new errors_js_1.PaginationError(`next link ${JSON.stringify(marker)} points back at the page just read`);
        }
        const sameOrigin = url.origin === new URL(current.url).origin;
        return {
            method: "GET",
            url: url.href,
            headers: current.headers,
            sendAuth: current.sendAuth && sameOrigin,
            idempotent: true,
        };
    }
    const param = pagination.cursorParam;
    if (!param)
        throw new errors_js_1.PaginationError("cursor pagination needs a cursor parameter");
    const cursor = typeof marker === "string" ? marker : JSON.stringify(marker);
    const jsonBody = current.jsonBody;
    if (typeof jsonBody === "object" && jsonBody !== null && !Array.isArray(jsonBody)) {
        const record = jsonBody;
        if (record[param] === cursor)
            throw new errors_js_1.PaginationError(`cursor ${JSON.stringify(cursor)} repeats the page just read`);
        const next = { ...record, [param]: cursor };
        return { ...current, jsonBody: next, body: JSON.stringify(next) };
    }
    const url = new URL(current.url);
    if (url.searchParams.get(param) === cursor) {
        throw new errors_js_1.PaginationError(`cursor ${JSON.stringify(cursor)} repeats the page just read`);
    }
    url.searchParams.set(param, cursor);
    return { ...current, url: url.href };
}
/** One page: `body` is the whole parsed response, `items` this page's items. Iterating it
 *  (`for await`) yields every item of this and all following pages, fetched only when reached. */
class Page {
    body;
    items;
    response;
    #next;
    #fetch;
    constructor(body, items, response, next, fetch) {
        this.body = body;
        this.items = items;
        this.response = response;
        this.#next = next;
        this.#fetch = fetch;
    }
    hasNextPage() {
        return this.#next !== undefined;
    }
    /** The following page; a `PaginationError` on the last page. */
    async nextPage() {
        if (this.#next === undefined)
            throw new errors_js_1.PaginationError("there is no next page; check hasNextPage() first");
        return this.#fetch(this.#next);
    }
    /** This page, then each following page, fetched only when reached. */
    async *iterPages() {
        let page = this;
        yield page;
        while (page.hasNextPage()) {
            page = await page.nextPage();
            yield page;
        }
    }
    async *[Symbol.asyncIterator]() {
        for await (const page of this.iterPages())
            yield* page.items;
    }
}
exports.Page = Page;
/** What a paged operation returns: `await` it for the first page, or `for await` it for every
 *  item of every page. Nothing is requested until one of the two happens. */
class PagePromise {
    #load;
    #first;
    constructor(load) {
        this.#load = load;
    }
    #page() {
        this.#first ??= this.#load();
        return this.#first;
    }
    then(onfulfilled, onrejected) {
        return this.#page().then(onfulfilled, onrejected);
    }
    /** Every page, the first included, fetched only when reached. */
    async *iterPages() {
        yield* (await this.#page()).iterPages();
    }
    async *[Symbol.asyncIterator]() {
        yield* await this.#page();
    }
}
exports.PagePromise = PagePromise;
