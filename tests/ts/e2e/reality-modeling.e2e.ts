// The TypeScript client of reality-modeling against `specgen mock --stateful`: create, filtered
// paging across pages (lazily, with for await), 401, 422. Type-checked with the package.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AuthenticationError,
  Client,
  type Job,
  type JobCreation,
  UnprocessableEntityError,
} from "./index.js";

const baseUrl = process.env["MOCK_URL"] ?? "";

function job(workspaceId: string, index: number): JobCreation {
  return {
    type: "Full",
    name: `job ${index}`,
    workspaceId,
    inputs: [{ id: crypto.randomUUID(), description: "photos" }],
    settings: { quality: "Draft", outputs: ["OBJ", "3MX"] },
  };
}

test("create jobs, then list them with a filter across pages", async () => {
  const client = new Client({ baseUrl, token: "t" });
  const workspace = `ws-${crypto.randomUUID()}`;
  const created: Job[] = [];
  for (let i = 0; i < 5; i++) created.push((await client.createJob({ body: job(workspace, i) })).job);
  assert.deepEqual(new Set(created.map((j) => j.state)), new Set(["unsubmitted"]));
  assert.equal(new Set(created.map((j) => j.id)).size, 5);

  const listing = client.listJobs({ filter: `workspaceId eq '${workspace}'`, top: 2 });
  const ids: string[] = [];
  for await (const found of listing) ids.push(found.id);
  assert.deepEqual(ids, created.map((j) => j.id));

  const first = await client.listJobs({ filter: `workspaceId eq '${workspace}'`, top: 2 });
  const sizes: number[] = [];
  for await (const page of first.iterPages()) sizes.push(page.items.length);
  assert.deepEqual(sizes, [2, 2, 1]);
  assert.equal(first.body.jobs?.length, 2); // optional in the spec

  const picked = `id in (${created[1]?.id}, ${created[3]?.id})`;
  const chosen: string[] = [];
  for await (const found of client.listJobs({ filter: picked })) chosen.push(found.id);
  assert.deepEqual(chosen, [created[1]?.id, created[3]?.id]);
});

test("invalid requests raise UnprocessableEntityError with the spec's error body", async () => {
  const client = new Client({ baseUrl, token: "t", maxRetries: 0 });
  const top = await client.listJobs({ top: 0 }).then(() => undefined, (e: unknown) => e);
  assert.ok(top instanceof UnprocessableEntityError, String(top));
  assert.equal(top.status, 422);
  assert.equal(top.code, "InvalidRealityModelingRequest");
  assert.deepEqual(top.details.map((d) => d.target), ["$top"]);
  const filter = await client.listJobs({ filter: "colour eq 'red'" }).then(() => undefined, (e: unknown) => e);
  assert.ok(filter instanceof UnprocessableEntityError);
  assert.match(filter.message, /colour/);
});

test("no token: AuthenticationError with the spec's error code", async () => {
  const anonymous = new Client({ baseUrl, maxRetries: 0 });
  const error = await anonymous.createJob({ body: job("w", 0) }).then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof AuthenticationError, String(error));
  assert.equal(error.status, 401);
  assert.equal(error.code, "HeaderNotFound");
});
