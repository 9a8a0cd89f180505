"""The meta-schemas are package data with a recorded source; the 3.1 Link Object fix."""

from __future__ import annotations

import hashlib
from importlib.resources import files

from generator.validate.structure import meta_schema
from tests.validate.validate_helpers import only, rules

# The Link Object example of the OpenAPI 3.1 specification ("Operations can be linked ..."),
# with the `server` field a link may carry.
LINKED = """\
openapi: 3.1.0
info: {title: links, version: "1"}
paths:
  /users/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: the user
          links:
            address:
              operationId: getUserAddress
              parameters: {userId: $request.path.id}
              {field}
  /users/{userid}/address:
    get:
      operationId: getUserAddress
      parameters:
        - {name: userid, in: path, required: true, schema: {type: string}}
      responses: {"200": {description: the address}}
"""


def test_a_link_may_name_a_server(check):
    spec = LINKED.replace("{field}", "server: {url: 'https://other.test'}")
    assert "structure" not in rules(check(spec))


def test_a_link_body_field_is_refused(check):
    spec = LINKED.replace("{field}", "body: {url: 'https://other.test'}")
    found = only(check(spec), "structure")
    assert "'body'" in found.message and found.pointer.endswith("/links/address")


def test_meta_schemas_are_shipped_with_their_source_recorded():
    folder = files("generator.validate").joinpath("schemas")
    sources = folder.joinpath("SOURCES.md").read_text(encoding="utf-8")
    assert meta_schema("3.0")["id"] == "https://spec.openapis.org/oas/3.0/schema/2021-09-28"
    assert meta_schema("3.1")["$id"] == "https://spec.openapis.org/oas/3.1/schema/2022-10-07"
    for name in ("oas-3.0.json", "oas-3.1.json"):
        assert f"`{name}`" in sources
    # The 3.0 file is verbatim: its digest is the one recorded.
    digest = hashlib.sha256(folder.joinpath("oas-3.0.json").read_bytes()).hexdigest()
    assert digest in sources
