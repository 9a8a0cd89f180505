// cancelJob against `specgen mock --stateful` preloaded with a queued job.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Client, NotFoundError, UnprocessableEntityError } from "./index.js";

const baseUrl = process.env["MOCK_URL"] ?? "";
const QUEUED = process.env["QUEUED_JOB"] ?? "";

test("cancel moves a job to TerminatingOnCancel, once", async () => {
  const client = new Client({ baseUrl, token: "t", maxRetries: 0 });
  assert.equal((await client.cancelJob({ id: QUEUED })).job.state, "TerminatingOnCancel");
  const again = await client.cancelJob({ id: QUEUED }).then(() => undefined, (e: unknown) => e);
  assert.ok(again instanceof UnprocessableEntityError, String(again));
  assert.deepEqual(again.details.map((d) => d.code), ["InvalidChange"]);
  const missing = await client.cancelJob({ id: "no-such-job" }).then(() => undefined, (e: unknown) => e);
  assert.ok(missing instanceof NotFoundError);
  assert.equal(missing.code, "JobNotFound");
});
