"""The TypeScript client groups operations exactly as the Python one (same client tree):
compiled under the package's strict tsconfig and run with `node --test` against the FastAPI
server of tests/render/test_resources.py on loopback."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.render.helpers import render_into, write_spec
from tests.render.test_resources import _app, _document
from tests.ts.node import NODE, needs_node, tsc
from tests.wire.wire_helpers import serve

pytestmark = [needs_node, pytest.mark.xdist_group("node")]
SHIMS = Path(__file__).resolve().parent / "e2e" / "node-shims.d.ts"

SCENARIO = """\
import assert from "node:assert/strict";
import { test } from "node:test";
import { Client, CustomersSourcesResource } from "./client.js";

const baseUrl = process.env["SHOP_URL"] ?? "";

test("operations are reached through their resources", async () => {
  const client = new Client({ baseUrl, token: "t", maxRetries: 0 });
  const created = await client.customers.create({ body: { name: "Ada" } });
  assert.equal(created.name, "Ada");
  assert.equal((await client.customers.retrieve({ customer: "cus_1" })).id, "cus_1");
  const ids: string[] = [];
  for await (const source of client.customers.sources.list({ customer: "cus_2" })) {
    assert.equal(source.customer, "cus_2");
    ids.push(source.id);
  }
  assert.deepEqual(ids, ["src_1", "src_2", "src_3"]);
  const first = await client.customers.sources.list({ customer: "cus_3" });
  assert.deepEqual(first.items.map((s) => s.id), ["src_1", "src_2"]);
  const { response } = await client.customers.retrieve({ customer: "cus_4" }).withResponse();
  assert.equal(response.status, 200);
  await client.invoices.pay({ invoice: "in_1" });
  // made once and kept, of a real class
  assert.equal(client.customers, client.customers);
  assert.ok(client.customers.sources instanceof CustomersSourcesResource);
});
"""


def test_typescript_resources_against_a_real_server(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, _document(tagged=False), name="shop")
    render_into(spec, tmp_path, "shop", artefacts={"client-ts"}, layout="auto")
    package = tmp_path / "client-ts"
    (package / "src" / "resources.test.ts").write_text(SCENARIO, encoding="utf-8")
    shutil.copy(SHIMS, package / "src" / "node-shims.d.ts")
    tsc(["-p", str(package / "tsconfig.json")], package)
    assert NODE is not None
    with serve(_app()) as url:
        done = subprocess.run(
            [NODE, "--test", "--test-reporter=spec", "resources.test.js"],
            cwd=package / "dist",
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "SHOP_URL": url},
        )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "operations are reached through their resources" in done.stdout
