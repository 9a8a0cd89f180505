// BaseClient against a real loopback server: errors, retries, timeouts, aborts, encoding.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import {
  APIError, APITimeoutError, APIUserAbortError, APIConnectionError, BaseClient, InternalServerError,
  NotFoundError, RateLimitError, RequestValidationError, UnprocessableEntityError,
} from "./runtime/index.js";
import { serve, sleep } from "./server.mjs";

const servers = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function start(handler) {
  const server = await serve(handler);
  servers.push(server);
  return server;
}

const client = (url, options = {}) => new BaseClient({ baseUrl: url, token: "t0k", ...options }, "http://unused");

test("a JSON body goes out and the parsed answer comes back, with the bearer token", async () => {
  const server = await start((req) => ({ status: 201, body: { echo: JSON.parse(req.body) } }));
  const answer = await client(server.url).request({
    method: "POST", path: "/jobs/{id}", pathParams: { id: "a b/c" }, body: { name: "x" }, bodyKind: "json",
  });
  assert.deepEqual(answer, { echo: { name: "x" } });
  const seen = server.requests[0];
  assert.equal(seen.url, "/jobs/a%20b%2Fc");
  assert.equal(seen.headers["authorization"], "Bearer t0k");
  assert.equal(seen.headers["content-type"], "application/json");
});

test("query parameters: exploded arrays, spaces as %20, unset ones left out, extra query", async () => {
  const server = await start(() => ({ status: 200, body: {} }));
  await client(server.url).request(
    {
      method: "GET", path: "/jobs",
      query: [
        { name: "$filter", value: "state eq 'active'" },
        { name: "tag", value: ["a", "b"] },
        { name: "ids", value: [1, 2], explode: false },
        { name: "top", value: undefined },
        { name: "flag", value: false },
      ],
      headers: { "x-trace": ["p", "q"] },
      secured: false,
    },
    { query: { extra: "1" } },
  );
  const seen = server.requests[0];
  // fetch's URL parser escapes the quote (') itself; servers decode both spellings alike.
  assert.equal(seen.url, "/jobs?%24filter=state%20eq%20%27active%27&tag=a&tag=b&ids=1%2C2&flag=false&extra=1");
  assert.equal(seen.headers["x-trace"], "p,q");
  assert.equal(seen.headers["authorization"], undefined, "an operation without security sends no token");
});

test("a 404 throws NotFoundError with the parsed error body", async () => {
  const body = { error: { code: "JobNotFound", message: "no such job", details: [{ code: "Id", target: "id" }] } };
  const server = await start(() => ({ status: 404, body }));
  const error = await client(server.url).request({ method: "GET", path: "/jobs/1" }).catch((e) => e);
  assert.ok(error instanceof NotFoundError);
  assert.equal(error.status, 404);
  assert.equal(error.code, "JobNotFound");
  assert.deepEqual(error.body, body);
  assert.deepEqual(error.details.map((d) => d.target), ["id"]);
  assert.match(error.message, /^404 JobNotFound: no such job/);
  assert.equal(server.requests.length, 1, "a 404 is not retried");
});

test("429 waits for Retry-After and retries; without retries it throws RateLimitError", async () => {
  const server = await start((_, n) =>
    n === 1 || n === 3
      ? { status: 429, headers: { "retry-after": "1" }, body: { error: { code: "RateLimitExceeded", message: "slow down" } } }
      : { status: 200, body: { ok: n } },
  );
  const started = Date.now();
  assert.deepEqual(await client(server.url).request({ method: "POST", path: "/x", body: {}, bodyKind: "json" }), { ok: 2 });
  assert.ok(Date.now() - started >= 950, "waited for Retry-After");
  const error = await client(server.url, { maxRetries: 0 }).request({ method: "GET", path: "/x" }).catch((e) => e);
  assert.ok(error instanceof RateLimitError);
  assert.equal(error.retryAfter, 1);
  assert.equal(error.code, "RateLimitExceeded");
});

test("a Retry-After beyond 60 s is not waited for", async () => {
  const server = await start(() => ({ status: 429, headers: { "retry-after": "120" } }));
  const error = await client(server.url).request({ method: "GET", path: "/x" }).catch((e) => e);
  assert.ok(error instanceof RateLimitError);
  assert.equal(server.requests.length, 1);
});

test("5xx: GET is retried, POST is not (unless declared or asked idempotent)", async () => {
  const server = await start((_, n) => (n % 2 === 1 ? { status: 503, body: "busy" } : { status: 200, body: { n } }));
  const c = client(server.url);
  assert.deepEqual(await c.request({ method: "GET", path: "/a" }), { n: 2 });
  const error = await c.request({ method: "POST", path: "/b", body: {}, bodyKind: "json" }).catch((e) => e);
  assert.ok(error instanceof InternalServerError);
  assert.equal(error.message, "503: busy");
  assert.equal(server.requests.length, 3, "the POST was sent once");
  // n=4 answers 200 at once; the PATCH meets n=5 (503) and, being declared idempotent, retries.
  assert.deepEqual(await c.request({ method: "POST", path: "/b", body: {}, bodyKind: "json" }, { idempotent: true }), { n: 4 });
  assert.deepEqual(await c.request({ method: "PATCH", path: "/b", body: {}, bodyKind: "json", idempotent: true }), { n: 6 });
  assert.equal(server.requests.length, 6);
});

test("422 is thrown at once with its details", async () => {
  const server = await start(() => ({
    status: 422, body: { error: { code: "Invalid", message: "bad", details: [{ code: "InvalidChange", message: "no" }] } },
  }));
  const error = await client(server.url).request({ method: "PATCH", path: "/j" }).catch((e) => e);
  assert.ok(error instanceof UnprocessableEntityError);
  assert.deepEqual(error.details.map((d) => d.code), ["InvalidChange"]);
});

test("a slow answer times out per attempt; GET retries, POST does not", async () => {
  const server = await start(async () => {
    await sleep(400);
    return { status: 200, body: {} };
  });
  const c = client(server.url, { timeoutMs: 100, maxRetries: 1 });
  const get = await c.request({ method: "GET", path: "/slow" }).catch((e) => e);
  assert.ok(get instanceof APITimeoutError, String(get));
  const post = await c.request({ method: "POST", path: "/slow" }).catch((e) => e);
  assert.ok(post instanceof APITimeoutError);
  assert.equal(server.requests.length, 3, "GET twice, POST once");
});

test("the caller's signal aborts at once and is never retried", async () => {
  const server = await start(async () => {
    await sleep(2000);
    return { status: 200, body: {} };
  });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  const error = await client(server.url).request({ method: "GET", path: "/slow" }, { signal: controller.signal }).catch((e) => e);
  assert.ok(error instanceof APIUserAbortError, String(error));
  assert.ok(Date.now() - started < 1500);
  assert.equal(server.requests.length, 1);
  const already = await client(server.url).request({ method: "GET", path: "/x" }, { signal: AbortSignal.abort() }).catch((e) => e);
  assert.ok(already instanceof APIUserAbortError);
});

test("a refused connection is an APIConnectionError after retrying (nothing was sent)", async () => {
  const server = await start(() => ({ status: 200 }));
  const url = server.url;
  await server.close();
  const error = await client(url, { maxRetries: 1 }).request({ method: "POST", path: "/x" }).catch((e) => e);
  assert.ok(error instanceof APIConnectionError && !(error instanceof APITimeoutError), String(error));
});

test("a connection dropped mid-request: GET retried, POST not", async () => {
  const http = await import("node:http");
  let hits = 0;
  const raw = http.createServer((req, res) => {
    hits += 1;
    if (hits === 1 || req.method === "POST") req.socket.destroy();
    else res.end("{}");
  });
  await new Promise((r) => raw.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${raw.address().port}`;
  try {
    assert.deepEqual(await client(base).request({ method: "GET", path: "/x" }), {});
    const error = await client(base).request({ method: "POST", path: "/x" }).catch((e) => e);
    assert.ok(error instanceof APIConnectionError);
    assert.equal(hits, 3, "GET twice, POST once");
  } finally {
    raw.closeAllConnections();
    await new Promise((r) => raw.close(r));
  }
});

test("a relative base URL is a clear error before anything is sent", async () => {
  const error = await new BaseClient({}, "/api/v3").request({ method: "GET", path: "/x" }).catch((e) => e);
  assert.ok(error instanceof TypeError);
  assert.match(error.message, /"\/api\/v3\/x" is not an absolute URL: pass new Client\(\{ baseUrl/);
});

test("withResponse gives the parsed body and the response; await gives the body", async () => {
  const server = await start(() => ({ status: 201, headers: { location: "/jobs/7" }, body: { id: 7 } }));
  const c = client(server.url);
  const { data, response } = await c.request({ method: "POST", path: "/jobs" }).withResponse();
  assert.deepEqual(data, { id: 7 });
  assert.equal(response.status, 201);
  assert.equal(response.headers.get("location"), "/jobs/7");
  assert.deepEqual(await c.request({ method: "GET", path: "/jobs/7" }), { id: 7 });
  // A mistake found before sending (a missing path parameter) rejects; .catch sees it.
  const missing = await c.request({ method: "GET", path: "/jobs/{id}" }).catch((e) => e);
  assert.ok(missing instanceof RequestValidationError && missing instanceof APIError, String(missing));
  assert.match(missing.message, /path parameter "id" is required/);
});

test("a body whose schema accepts anything is read by its Content-Type (FastAPI's file and HTML routes)", async () => {
  const answers = {
    "/page": { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: "<h1>hi</h1>" },
    "/file": { status: 200, headers: { "content-type": "application/octet-stream" }, body: "\u0001\u0002raw" },
    "/data": { status: 200, body: { ok: true } },
  };
  const server = await start((req) => answers[req.url]);
  const c = client(server.url);
  assert.equal(await c.request({ method: "GET", path: "/page", responseKind: "any" }), "<h1>hi</h1>");
  const file = await c.request({ method: "GET", path: "/file", responseKind: "any" });
  assert.ok(file instanceof Blob, String(file));
  assert.equal(await file.text(), "\u0001\u0002raw");
  assert.deepEqual(await c.request({ method: "GET", path: "/data", responseKind: "any" }), { ok: true });
});

test("an operation's error guard matches its exact statuses first, then ranges, then default", async () => {
  const { errorGuard } = await import("./runtime/index.js");
  const bodies = { "/404": [404, { missing: "org" }], "/409": [409, { title: "taken" }], "/500": [500, { oops: 1 }] };
  const server = await start((req) => ({ status: bodies[req.url][0], body: bodies[req.url][1] }));
  const isError = errorGuard([404, "4XX", "default"]);
  const caught = async (path) => client(server.url, { maxRetries: 0 }).request({ method: "POST", path }).catch((e) => e);
  const notFound = await caught("/404");
  assert.ok(isError(notFound, 404) && !isError(notFound, "4XX") && !isError(notFound, "default"));
  assert.deepEqual(notFound.body, { missing: "org" });
  const conflict = await caught("/409");
  assert.ok(isError(conflict, "4XX") && !isError(conflict, 404) && !isError(conflict, "default"));
  const crash = await caught("/500");
  assert.ok(isError(crash, "default") && !isError(crash, "4XX"));
  assert.ok(!isError(new Error("not a status error"), "default"));
});

test("a 404 in Asana's envelope speaks the server's words; body and response stay readable", async () => {
  const errors = [{ message: "task: Not a recognized ID: 42", help: "see docs" }];
  const server = await start(() => ({ status: 404, body: { errors } }));
  const error = await new BaseClient({ baseUrl: server.url }, "").request({ method: "GET", path: "/tasks/42" }).catch((e) => e);
  assert.ok(error instanceof NotFoundError);
  assert.equal(error.serverMessage, "task: Not a recognized ID: 42");
  assert.equal(error.message, "404: task: Not a recognized ID: 42");
  assert.deepEqual(error.details.map((d) => d.message), ["task: Not a recognized ID: 42"]);
  assert.deepEqual(error.body, { errors });
  assert.equal(error.response.status, 404);
});
