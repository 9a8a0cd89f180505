// Pagination and OAuth2 client credentials against a real loopback server.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { AuthenticationError, BaseClient, OAuth2ClientCredentials, OAuth2TokenError, PaginationError } from "./runtime/index.js";
import { serve } from "./server.mjs";

const servers = [];
after(() => Promise.all(servers.map((s) => s.close())));
async function start(handler) {
  const server = await serve(handler);
  servers.push(server);
  return server;
}

const JOBS = ["a", "b", "c", "d", "e"].map((id) => ({ id }));
const NEXT_LINK = { style: "next-link", items: "jobs", next: "_links.next.href" };

function linkPages(req) {
  const url = new URL(req.url, "http://x");
  const skip = Number(url.searchParams.get("skip") ?? 0);
  const top = Number(url.searchParams.get("$top") ?? 2);
  const jobs = JOBS.slice(skip, skip + top);
  const more = skip + top < JOBS.length;
  const next = more ? { next: { href: `/jobs?$top=${top}&skip=${skip + top}` } } : {};
  return { status: 200, body: { jobs, _links: next } };
}

test("for await walks every page of a next-link listing, lazily", async () => {
  const server = await start(linkPages);
  const client = new BaseClient({ baseUrl: server.url, token: "t" }, "");
  const listing = client.paginate({ method: "GET", path: "/jobs", query: [{ name: "$top", value: 2 }] }, NEXT_LINK);
  assert.equal(server.requests.length, 0, "nothing is requested before it is used");
  const ids = [];
  for await (const job of listing) ids.push(job.id);
  assert.deepEqual(ids, ["a", "b", "c", "d", "e"]);
  assert.equal(server.requests.length, 3);
  assert.equal(server.requests[2].headers["authorization"], "Bearer t", "same origin keeps credentials");
  const first = await client.paginate({ method: "GET", path: "/jobs" }, NEXT_LINK);
  assert.deepEqual(first.items.map((j) => j.id), ["a", "b"]);
  assert.ok(first.hasNextPage());
  for await (const job of first) if (job.id === "c") break;
  assert.equal(server.requests.length, 5, "breaking early fetches no further page");
  const pages = [];
  for await (const page of first.iterPages()) pages.push(page.items.length);
  assert.deepEqual(pages, [2, 2, 1]);
  const last = await (await first.nextPage()).nextPage();
  assert.equal(last.hasNextPage(), false);
  await assert.rejects(last.nextPage(), PaginationError);
});

test("cursor pagination in the query; a repeated cursor is an error, not a loop", async () => {
  const server = await start((req) => {
    const cursor = new URL(req.url, "http://x").searchParams.get("cursor");
    if (cursor === "stuck" || req.url.includes("stuck=1")) return { status: 200, body: { data: [1], nextCursor: "stuck" } };
    const index = cursor ? Number(cursor) : 0;
    return { status: 200, body: { data: [index], nextCursor: index < 2 ? String(index + 1) : null } };
  });
  const client = new BaseClient({ baseUrl: server.url }, "");
  const spec = { style: "cursor", items: "data", next: "nextCursor", cursorParam: "cursor" };
  const items = [];
  for await (const item of client.paginate({ method: "GET", path: "/items", query: [{ name: "limit", value: 1 }] }, spec)) items.push(item);
  assert.deepEqual(items, [0, 1, 2]);
  assert.match(server.requests[2].url, /limit=1&cursor=2$/);
  const stuck = client.paginate({ method: "GET", path: "/items", query: [{ name: "stuck", value: 1 }] }, spec);
  await assert.rejects(async () => { for await (const _ of stuck); }, PaginationError);
});

test("cursor pagination of a POST search sends the cursor in the JSON body", async () => {
  const server = await start((req) => {
    const body = JSON.parse(req.body);
    const index = body.cursor ? Number(body.cursor) : 0;
    return { status: 200, body: { items: [`${body.q}${index}`], nextCursor: index < 1 ? "1" : "" } };
  });
  const client = new BaseClient({ baseUrl: server.url }, "");
  const spec = { style: "cursor", items: "items", next: "nextCursor", cursorParam: "cursor" };
  const found = [];
  for await (const item of client.paginate({ method: "POST", path: "/search", body: { q: "x" }, bodyKind: "json" }, spec)) found.push(item);
  assert.deepEqual(found, ["x0", "x1"]);
});

test("a next link to another origin gets no credentials", async () => {
  const other = await start(() => ({ status: 200, body: { jobs: [{ id: "z" }] } }));
  const home = await start(() => ({ status: 200, body: { jobs: [{ id: "y" }], _links: { next: { href: `${other.url}/more` } } } }));
  const client = new BaseClient({ baseUrl: home.url, token: "secret" }, "");
  const ids = [];
  for await (const job of client.paginate({ method: "GET", path: "/jobs" }, NEXT_LINK)) ids.push(job.id);
  assert.deepEqual(ids, ["y", "z"]);
  assert.equal(other.requests[0].headers["authorization"], undefined);
});

const NUMBERS = Array.from({ length: 5 }, (_, i) => ({ id: `n${i}` }));

test("offset pagination skips what was read; a short page is the last", async () => {
  const server = await start((req) => {
    const url = new URL(req.url, "http://x");
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 2);
    return { status: 200, body: { data: NUMBERS.slice(offset, offset + limit) } };
  });
  const client = new BaseClient({ baseUrl: server.url }, "");
  const spec = { style: "offset", items: "data", cursorParam: "offset", sizeParam: "limit" };
  const ids = [];
  for await (const item of client.paginate({ method: "GET", path: "/n", query: [{ name: "limit", value: 2 }] }, spec)) ids.push(item.id);
  assert.deepEqual(ids, ["n0", "n1", "n2", "n3", "n4"]);
  assert.equal(server.requests.length, 3, "the short third page ends the walk without a fourth request");
  assert.match(server.requests[2].url, /offset=4/);
});

test("page pagination of a bare array counts pages up from the first", async () => {
  const server = await start((req) => {
    const page = Number(new URL(req.url, "http://x").searchParams.get("page") ?? 1);
    return { status: 200, body: NUMBERS.slice((page - 1) * 2, page * 2) };
  });
  const client = new BaseClient({ baseUrl: server.url }, "");
  const spec = { style: "page", items: "", cursorParam: "page", sizeParam: "per_page", firstPage: 1 };
  const ids = [];
  for await (const item of client.paginate({ method: "GET", path: "/n" }, spec)) ids.push(item.id);
  assert.deepEqual(ids, ["n0", "n1", "n2", "n3", "n4"]);
  assert.deepEqual(server.requests.map((r) => r.url), ["/n", "/n?page=2", "/n?page=3", "/n?page=4"]);
});

test("has-more pagination sends the last item's id back", async () => {
  const server = await start((req) => {
    const after = new URL(req.url, "http://x").searchParams.get("starting_after");
    const start = after ? NUMBERS.findIndex((n) => n.id === after) + 1 : 0;
    return { status: 200, body: { data: NUMBERS.slice(start, start + 2), has_more: start + 2 < NUMBERS.length } };
  });
  const client = new BaseClient({ baseUrl: server.url }, "");
  const spec = { style: "has-more", items: "data", next: "has_more", cursorParam: "starting_after" };
  const ids = [];
  for await (const item of client.paginate({ method: "GET", path: "/n" }, spec)) ids.push(item.id);
  assert.deepEqual(ids, ["n0", "n1", "n2", "n3", "n4"]);
  assert.match(server.requests[2].url, /starting_after=n3$/);
  assert.equal(server.requests.length, 3);
});

test("link-header pagination follows rel=next of the Link header", async () => {
  const server = await start((req) => {
    const page = Number(new URL(req.url, "http://x").searchParams.get("page") ?? 1);
    const links = [`</n?page=1>; rel="first"`];
    if (page < 3) links.push(`</n?page=${page + 1}>; rel="next"`);
    return { status: 200, headers: { link: links.join(", ") }, body: NUMBERS.slice((page - 1) * 2, page * 2) };
  });
  const client = new BaseClient({ baseUrl: server.url }, "");
  const ids = [];
  for await (const item of client.paginate({ method: "GET", path: "/n" }, { style: "link-header", items: "" })) ids.push(item.id);
  assert.deepEqual(ids, ["n0", "n1", "n2", "n3", "n4"]);
  assert.equal(server.requests.length, 3);
});

function tokenServer() {
  let issued = 0;
  let valid = "";
  return start((req) => {
    if (req.url === "/token") {
      const form = new URLSearchParams(req.body);
      if (form.get("client_secret") !== "s3cret") return { status: 401, body: { error: "invalid_client", error_description: "bad secret" } };
      issued += 1;
      valid = `tok${issued}`;
      return { status: 200, body: { access_token: valid, expires_in: 3600, scope: form.get("scope") } };
    }
    if (req.url === "/rotate") {
      valid = "revoked";
      return { status: 204 };
    }
    if (req.headers["authorization"] !== `Bearer ${valid}`) return { status: 401, body: { error: { code: "InvalidToken", message: "expired" } } };
    return { status: 200, body: { token: valid } };
  });
}

test("client credentials: one token for concurrent calls, fetched again after a 401 or expiry", async () => {
  const server = await tokenServer();
  let now = 0;
  const provider = new OAuth2ClientCredentials({
    tokenUrl: `${server.url}/token`, clientId: "me", clientSecret: "s3cret", scopes: ["a", "b"], now: () => now,
  });
  const client = new BaseClient({ baseUrl: server.url, token: provider }, "");
  const answers = await Promise.all([1, 2, 3].map(() => client.request({ method: "GET", path: "/me" })));
  assert.deepEqual(answers.map((a) => a.token), ["tok1", "tok1", "tok1"]);
  const tokenCalls = () => server.requests.filter((r) => r.url === "/token");
  assert.equal(tokenCalls().length, 1);
  assert.equal(new URLSearchParams(tokenCalls()[0].body).get("scope"), "a b");
  await client.request({ method: "POST", path: "/rotate", responseKind: "none" });
  // The server revoked tok1: the client drops it, fetches tok2 and repeats the call once.
  assert.equal((await client.request({ method: "GET", path: "/me" })).token, "tok2");
  now = 3600 * 1000; // past expiry (minus the refresh margin): refreshed before sending
  assert.equal((await client.request({ method: "GET", path: "/me" })).token, "tok3");
  assert.equal(tokenCalls().length, 3);
});

test("a refused client secret is an OAuth2TokenError; a bad static token a plain 401", async () => {
  const server = await tokenServer();
  const provider = new OAuth2ClientCredentials({ tokenUrl: `${server.url}/token`, clientId: "me", clientSecret: "wrong" });
  const error = await new BaseClient({ baseUrl: server.url, token: provider }, "").request({ method: "GET", path: "/me" }).catch((e) => e);
  assert.ok(error instanceof OAuth2TokenError, String(error));
  assert.equal(error.code, "invalid_client");
  assert.match(error.message, /bad secret/);
  const plain = await new BaseClient({ baseUrl: server.url, token: "nope" }, "").request({ method: "GET", path: "/me" }).catch((e) => e);
  assert.ok(plain instanceof AuthenticationError && !(plain instanceof OAuth2TokenError));
  assert.equal(plain.code, "InvalidToken");
});

test("a next link after a POST search is fetched with GET, without body or Content-Type", async () => {
  const server = await start((req) =>
    req.method === "POST"
      ? { status: 200, body: { jobs: [{ id: "p" }], _links: { next: { href: "/search?page=2" } } } }
      : { status: 200, body: { jobs: [{ id: "q" }] } },
  );
  const client = new BaseClient({ baseUrl: server.url }, "");
  const ids = [];
  for await (const job of client.paginate({ method: "POST", path: "/search", body: { q: 1 }, bodyKind: "json" }, NEXT_LINK)) ids.push(job.id);
  assert.deepEqual(ids, ["p", "q"]);
  const follow = server.requests[1];
  assert.deepEqual([follow.method, follow.url, follow.body, follow.headers["content-type"]], ["GET", "/search?page=2", "", undefined]);
});
