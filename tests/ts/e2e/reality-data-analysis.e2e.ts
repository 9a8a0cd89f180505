// patchJob against `specgen mock --stateful`: the job lifecycle, 422 on a forbidden change,
// 404 for an unknown job.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Client, NotFoundError, UnprocessableEntityError } from "./index.js";

const baseUrl = process.env["MOCK_URL"] ?? "";
const JOB = "6f51448f-6377-4330-9ab0-f13fe994b3f1"; // the job in the spec's example

test("patch follows the job lifecycle", async () => {
  const client = new Client({ baseUrl, token: "t", maxRetries: 0 });
  const changed = await client.patchJob({
    jobId: JOB,
    body: { type: "segmentation2D", settings: { inputs: [{ name: "photos", realityDataId: "r1" }], outputs: [] } },
  });
  assert.equal(changed.job.type, "segmentation2D");
  assert.equal((await client.patchJob({ jobId: JOB, body: { state: "active" } })).job.state, "active");
  const again = await client.patchJob({ jobId: JOB, body: { state: "active" } }).then(() => undefined, (e: unknown) => e);
  assert.ok(again instanceof UnprocessableEntityError, String(again));
  assert.deepEqual(again.details.map((d) => d.code), ["InvalidChange"]);
  assert.equal((await client.patchJob({ jobId: JOB, body: { state: "cancelled" } })).job.state, "cancelled");
  const missing = await client
    .patchJob({ jobId: crypto.randomUUID(), body: { state: "active" } })
    .then(() => undefined, (e: unknown) => e);
  assert.ok(missing instanceof NotFoundError, String(missing));
  assert.equal(missing.code, "JobNotFound");
});
