// reality-modeling behind `specgen mock --rate-limit 1`: a 429 with Retry-After is a
// RateLimitError without retries, and is waited out and retried with them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Client, RateLimitError } from "./index.js";

const baseUrl = process.env["MOCK_URL"] ?? "";

test("429: RateLimitError with retryAfter, or a retry after waiting", async () => {
  const statuses: number[] = [];
  const counting = async (input: string, init: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  const strict = new Client({ baseUrl, token: "t", maxRetries: 0, fetch: counting });
  await strict.listJobs({ top: 1 });
  const limited = await strict.listJobs({ top: 1 }).then(() => undefined, (e: unknown) => e);
  assert.ok(limited instanceof RateLimitError, String(limited));
  assert.ok((limited.retryAfter ?? 0) >= 1);
  assert.equal(limited.code, "RateLimitExceeded");
  const patient = new Client({ baseUrl, token: "t", fetch: counting });
  const page = await patient.listJobs({ top: 1 });
  assert.ok(page.items.length >= 0);
  assert.deepEqual(statuses.slice(0, 2), [200, 429]);
  assert.equal(statuses.at(-1), 200);
  assert.ok(statuses.slice(2, -1).every((s) => s === 429), statuses.join(","));
});
