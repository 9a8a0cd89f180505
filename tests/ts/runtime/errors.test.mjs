import assert from "node:assert/strict";
import { test } from "node:test";
import { parseErrorBody, parseRetryAfter, retryDelay, statusErrorClass, NotFoundError, InternalServerError, APIStatusError, isRetryableStatus } from "./runtime/index.js";

test("Bentley envelope: code, message, target and details", () => {
  const info = parseErrorBody({
    error: { code: "InvalidJobRequest", message: "bad job", target: "body",
      details: [{ code: "MissingField", message: "name is required", target: "name" }] },
  });
  assert.equal(info.code, "InvalidJobRequest");
  assert.equal(info.message, "bad job");
  assert.equal(info.target, "body");
  assert.deepEqual(info.details.map((d) => [d.code, d.target]), [["MissingField", "name"]]);
});

test("Cognite envelope keeps the numeric code and lists missing ids", () => {
  const info = parseErrorBody({ error: { code: 400, message: "nope", missing: [{ id: 7 }] } });
  assert.equal(info.code, 400);
  assert.deepEqual(info.details.map((d) => [d.code, d.target]), [["missing", "id=7"]]);
});

test("RFC 7807, OAuth and plain text bodies", () => {
  assert.equal(parseErrorBody({ title: "Gone", detail: "job expired", type: "about:x" }).message, "job expired");
  const oauth = parseErrorBody({ error: "invalid_client", error_description: "unknown client" });
  assert.deepEqual([oauth.code, oauth.message], ["invalid_client", "unknown client"]);
  assert.equal(parseErrorBody("  upstream broke ").message, "upstream broke");
  assert.equal(parseErrorBody(undefined).message, undefined);
});

test("status classes", () => {
  assert.equal(statusErrorClass(404), NotFoundError);
  assert.equal(statusErrorClass(503), InternalServerError);
  assert.equal(statusErrorClass(418), APIStatusError);
});

test("Retry-After: seconds, HTTP dates, garbage", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  assert.equal(parseRetryAfter("3", now), 3);
  assert.equal(parseRetryAfter("1.5", now), 1.5);
  assert.equal(parseRetryAfter("-4", now), 0);
  assert.equal(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now), 30);
  assert.equal(parseRetryAfter("Tue, 31 Dec 2024 00:00:00 GMT", now), 0);
  assert.equal(parseRetryAfter("soon", now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
});

test("backoff doubles up to 8 s with at most 25 % jitter; a long Retry-After refuses", () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((n) => retryDelay(n, undefined, () => 0)), [0.5, 1, 2, 4, 8, 8]);
  assert.equal(retryDelay(0, undefined, () => 0.999), 0.5 * (1 - 0.25 * 0.999));
  assert.equal(retryDelay(0, 12, () => 0), 12);
  assert.equal(retryDelay(0, 61, () => 0), undefined);
});

test("which statuses are retried", () => {
  assert.equal(isRetryableStatus("POST", 429, false), true);
  assert.equal(isRetryableStatus("POST", 503, false), false);
  assert.equal(isRetryableStatus("POST", 503, true), true);
  assert.equal(isRetryableStatus("GET", 500, false), true);
  assert.equal(isRetryableStatus("GET", 404, false), false);
});

test("lists of errors, FastAPI details, problem+json maps and a declared schema's message", () => {
  const asana = parseErrorBody({ errors: [{ message: "a" }, { message: "b", field: "name" }] });
  assert.equal(asana.message, "a (and 1 more)");
  assert.deepEqual(asana.details.map((d) => [d.target, d.message]), [[undefined, "a"], ["name", "b"]]);
  const jsonapi = parseErrorBody({ errors: [{ title: "Invalid", source: { pointer: "/data/name" } }] });
  assert.equal(jsonapi.message, "/data/name: Invalid");
  const fastapi = parseErrorBody({ detail: [{ loc: ["body", "name"], msg: "Field required", type: "missing" }] });
  assert.equal(fastapi.message, "body.name: Field required");
  const problem = parseErrorBody({ type: "https://x/validation", title: "Invalid", status: 422, errors: { email: ["is taken"] } });
  assert.equal(problem.message, "Invalid");
  assert.deepEqual(problem.details.map((d) => [d.target, d.message]), [["email", "is taken"]]);
  assert.equal(parseErrorBody({ message: "flat" }).message, "flat");
  assert.equal(parseErrorBody({ fault: { faultstring: "Invalid ApiKey", detail: { errorcode: "x" } } }).message, "Invalid ApiKey");
  assert.equal(parseErrorBody({ status: "error", payload: { reason: "quota" } }).message, "quota");
  assert.equal(parseErrorBody({ result: { errorCode: "E42", errorText: "no such account" } }).message, "no such account");
});
