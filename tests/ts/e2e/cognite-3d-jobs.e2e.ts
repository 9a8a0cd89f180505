// cognite-3d-jobs: the server variables build the base URL (a forwarding fetch sends it on to
// the mock), a header parameter goes out under its wire name, and the created job comes back.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Client, type JobCreateList } from "./index.js";

const mockUrl = process.env["MOCK_URL"] ?? "";

test("server variables, a header parameter and a created job", async () => {
  const seen: { url: string; version: string | null }[] = [];
  const forward = async (input: string, init: RequestInit): Promise<Response> => {
    seen.push({ url: input, version: new Headers(init.headers).get("cdf-version") });
    return fetch(input.replace("https://westeurope-1.cognitedata.com/api/v1/projects/demo", mockUrl), init);
  };
  const client = new Client({ cluster: "westeurope-1", project: "demo", token: "t", fetch: forward });
  const body: JobCreateList = {
    items: [
      {
        space: "s",
        externalId: "job-1",
        name: "optimize",
        type: "Optimizer",
        source: { type: "CogniteFile", instanceId: { space: "s", externalId: "file-1" } },
        configuration: {},
      },
    ],
  };
  const { data: created, response } = await client.createJobs({ body, cdfVersion: "20230101-beta" }).withResponse();
  assert.ok(response.ok, String(response.status));
  assert.equal(created.items.length, 1);
  assert.deepEqual(seen, [
    { url: "https://westeurope-1.cognitedata.com/api/v1/projects/demo/3d/jobs", version: "20230101-beta" },
  ]);
  assert.equal(new Client().baseUrl, "https://api.cognitedata.com/api/v1/projects/my-project");
});
