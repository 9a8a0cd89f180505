"""The server stubs in a long-lived process (`specgen watch`): route views and files an
earlier run rendered are reused only while what they are made from is unchanged, and an
unrelated edit re-renders none of them (that the output after each kind of edit is what a
fresh run renders: tests/incremental/test_edit_corpus.py)."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.incremental import Store
from generator.render import TargetOptions, prepare_target, render_target
from generator.render.memo import RenderMemo
from generator.render.stubs import render_stubs
from tests.render.helpers import write_spec
from tests.robustness.support import minimal

REF = "#/components/schemas/"
OK = {"description": "ok", "content": {"application/json": {"schema": {"$ref": REF + "Pet"}}}}

SCHEMAS: dict[str, Any] = {
    "Pet": {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
    },
    # Read by the routes only through a parameter's `$ref` (the IR's equality leaves the
    # parameter's schema out): its bounds are printed into app.py.
    "Size": {"type": "integer", "minimum": 1, "maximum": 50},
    "Kind": {"type": "string", "enum": ["cat", "dog"]},
    # A query object spread over several keys: app.py lists its property names.
    "Filter": {"type": "object", "properties": {"owner": {"type": "string"}}},
}


def _document() -> dict[str, Any]:
    paths = {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "parameters": [
                    {"name": "size", "in": "query", "schema": {"$ref": REF + "Size"}},
                    {"name": "kind", "in": "query", "schema": {"$ref": REF + "Kind"}},
                    {"name": "filter", "in": "query", "schema": {"$ref": REF + "Filter"}},
                ],
                "responses": {"200": OK},
            },
            "post": {
                "operationId": "createPet",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": REF + "Pet"}}},
                },
                "responses": {"201": OK, "422": {"description": "invalid"}},
            },
        },
        "/pets/{pet-id}": {
            "get": {
                "operationId": "getPet",
                "parameters": [
                    {"name": "pet-id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": OK, "404": {"description": "missing"}},
            }
        },
    }
    return minimal(paths, copy.deepcopy(SCHEMAS))


def _add_operation(document: dict[str, Any]) -> None:
    document["paths"]["/owners"] = {
        "get": {"operationId": "listOwners", "responses": {"200": {"description": "ok"}}}
    }


def _options(memory: Store | None, templates: tuple[Path, ...] = ()) -> TargetOptions:
    return TargetOptions(
        "pets",
        frozenset({"models", "stubs"}),
        package="pets",
        template_dirs=templates,
        memory=memory,
    )


def _stubs(spec: Path, memory: Store | None, templates: tuple[Path, ...] = ()) -> dict[str, bytes]:
    files = render_target(spec, _options(memory, templates)).files
    return {f.path: f.content for f in files if f.path.startswith("server/")}


def test_after_a_template_override_changed_the_stubs_are_what_a_fresh_run_renders(
    tmp_path: Path,
) -> None:
    spec = write_spec(tmp_path, _document())
    templates = tmp_path / "templates"
    override = templates / "server" / "README.md.jinja"
    override.parent.mkdir(parents=True)
    override.write_text("# {{ api.title }}\n")
    memory = Store()
    assert _stubs(spec, memory, (templates,)) == _stubs(spec, None, (templates,))
    override.write_text("# {{ api.title }} ({{ routes | length }} routes)\n")
    warm = _stubs(spec, memory, (templates,))
    assert warm == _stubs(spec, None, (templates,))
    assert warm["server/README.md"] == b"# t (3 routes)\n"
    # An override elsewhere (the client's) changes nothing here, and neither does editing it.
    client = templates / "client" / "README.md.jinja"
    client.parent.mkdir(parents=True)
    client.write_text("client\n")
    assert _stubs(spec, memory, (templates,)) == _stubs(spec, None, (templates,))
    client.write_text("the client\n")
    assert _stubs(spec, memory, (templates,)) == _stubs(spec, None, (templates,))


def test_a_server_template_override_may_print_what_the_keys_leave_out(tmp_path: Path) -> None:
    """A user's template can print anything of the IR, even what its equality leaves out (a
    response's examples): the stub files are then always rendered afresh."""
    document = _document()
    response = document["paths"]["/pets/{pet-id}"]["get"]["responses"]["200"]
    response["content"]["application/json"]["example"] = {"id": 1, "name": "Rex"}
    spec = write_spec(tmp_path, document)
    templates = tmp_path / "templates"
    override = templates / "server" / "README.md.jinja"
    override.parent.mkdir(parents=True)
    override.write_text(
        "{% for route in routes %}{{ route.op.responses[0].examples }}\n{% endfor %}"
    )
    memory = Store()
    assert _stubs(spec, memory, (templates,)) == _stubs(spec, None, (templates,))
    response["content"]["application/json"]["example"] = {"id": 2, "name": "Rex"}
    write_spec(tmp_path, document)
    warm = _stubs(spec, memory, (templates,))
    assert warm == _stubs(spec, None, (templates,))
    assert b"'id': 2" in warm["server/README.md"]


def _texts(spec: Path, memory: Store) -> dict[str, str]:
    ctx, _, _ = prepare_target(spec, _options(memory))
    scope = ("scope",)
    files, once = render_stubs(
        ctx, RenderMemo(memory, "stubs", scope), RenderMemo(memory, "r", scope)
    )
    return {**files, **once}


def test_an_unchanged_stub_file_is_reused(tmp_path: Path) -> None:
    memory = Store()
    document = _document()
    spec = write_spec(tmp_path, document)
    first = _texts(spec, memory)
    # A schema property added: no route changes, every file is kept.
    document["components"]["schemas"]["Pet"]["properties"]["tag"] = {"type": "string"}
    write_spec(tmp_path, document)
    second = _texts(spec, memory)
    rendered = [p for p in second if not p.endswith("py.typed") and "/_runtime/" not in p]
    assert rendered and all(second[p] is first[p] for p in rendered)  # the very same texts
    _add_operation(document)
    write_spec(tmp_path, document)
    third = _texts(spec, memory)
    assert third["server/pyproject.toml"] is second["server/pyproject.toml"]
    app = next(p for p in third if p.endswith("/app.py"))
    assert third[app] is not second[app] and "list_owners" in third[app]


def test_memos_the_last_run_did_not_use_are_dropped(tmp_path: Path) -> None:
    memory = Store()
    spec = write_spec(tmp_path, _document())
    render_target(spec, _options(memory))
    stages = set(memory.stage_names())
    assert {"render-stubs", "render-stubs-routes", "render-routes-views"} <= stages
    render_target(spec, replace(_options(memory), artefacts=frozenset({"models"})))
    stages = set(memory.stage_names())
    assert not [n for n in stages if n.startswith(("render-stubs", "render-routes"))]
    assert "render-client" in stages  # the package files, still rendered
