"""The TypeScript client keeps the one-way contract in its types: a request type has no
read-only property and a response type no write-only one (at any depth, through arrays and
inheritance), and each operation exports its declared error bodies with a type guard. Proved
by compiling code that uses them under the package's strict tsconfig, `@ts-expect-error`
marking what must not compile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.render import TargetOptions, render_target
from tests.render.helpers import write_spec
from tests.ts.node import ROOT, needs_node, tsc

pytestmark = pytest.mark.xdist_group("node")
REF = "#/components/schemas/"


def _json(name: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": REF + name}}}


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Teams", "version": "1"},
    "paths": {
        "/teams": {
            "post": {
                "operationId": "createTeam",
                "requestBody": {"required": True, "content": _json("Team")},
                "responses": {
                    "201": {"description": "created", "content": _json("Team")},
                    "404": {"description": "no such org", "content": _json("NotFound")},
                    "4XX": {"description": "refused", "content": _json("Problem")},
                    "default": {"description": "error", "content": _json("Problem")},
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Resource": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "string", "readOnly": True}},
            },
            "Account": {
                "allOf": [
                    {"$ref": REF + "Resource"},
                    {
                        "type": "object",
                        "required": ["name", "password"],
                        "properties": {
                            "name": {"type": "string"},
                            "password": {"type": "string", "writeOnly": True},
                        },
                    },
                ]
            },
            "Team": {
                "type": "object",
                "required": ["members"],
                "properties": {
                    "members": {"type": "array", "items": {"$ref": REF + "Account"}},
                    "lead": {"$ref": REF + "Account"},
                },
            },
            "NotFound": {
                "type": "object",
                "required": ["missing"],
                "properties": {"missing": {"type": "string"}},
            },
            "Problem": {
                "type": "object",
                "required": ["title"],
                "properties": {"title": {"type": "string"}},
            },
        }
    },
}

USE = """
import { Client, isCreateTeamError, type CreateTeamErrors } from "./index.js";
import type * as M from "./models.js";

export async function use(client: Client): Promise<string> {
  const account = { name: "ann", password: "secret" };
  const team = await client.createTeam({ body: { members: [account], lead: account } });
  // @ts-expect-error a read-only property is not part of a request body, at any depth
  await client.createTeam({ body: { members: [{ id: "a1", name: "ann", password: "x" }] } });
  const first = team.members[0];
  // @ts-expect-error a write-only property is not part of a response, at any depth
  const leaked: string | undefined = first?.password;
  const id: string = team.lead?.id ?? "";
  const twoWay: M.Account = { id: "a1", name: "ann", password: "x" };
  try {
    await client.createTeam({ body: { members: [] } });
  } catch (error) {
    if (isCreateTeamError(error, 404)) return error.body.missing;
    if (isCreateTeamError(error, "4XX")) return error.body.title;
    // @ts-expect-error 404 declares `missing`, not `title`
    if (isCreateTeamError(error, 404)) return error.body.title;
    // @ts-expect-error 409 is not a key the operation declares
    if (isCreateTeamError(error, 409)) return "";
  }
  const keys: (keyof CreateTeamErrors)[] = [404, "4XX", "default"];
  return id + String(leaked) + twoWay.name + keys.join();
}
"""


def _render(tmp_path: Path) -> Path:
    spec = write_spec(tmp_path, SPEC, "teams")
    result = render_target(spec, TargetOptions("teams", frozenset({"client-ts"})))
    for file in result.files:
        target = tmp_path / "out" / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    return tmp_path / "out" / "client-ts"


def test_one_way_variants_and_error_bodies_are_declared(tmp_path: Path) -> None:
    package = _render(tmp_path)
    models = (package / "src" / "models.ts").read_text()
    client = (package / "src" / "client.ts").read_text()
    assert "export interface TeamInput {" in models and "export interface AccountInput {" in models
    assert (
        "export interface TeamOutput {" in models and "export interface AccountOutput {" in models
    )
    assert "body: M.TeamInput;" in client and "APIPromise<M.TeamOutput>" in client
    assert "export interface CreateTeamErrors {" in client
    assert 'errorGuard<CreateTeamErrors>([404, "4XX", "default"])' in client


@needs_node
def test_code_using_them_type_checks_and_misuse_does_not(tmp_path: Path) -> None:
    package = _render(tmp_path)
    (package / "src" / "use.ts").write_text(USE)
    tsc(["-p", str(package / "tsconfig.json"), "--noEmit"], ROOT)
