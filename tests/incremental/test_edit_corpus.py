"""One shared corpus of edits applied in sequence to a warm process, every stage cached
(validation's walk and verdicts, the IR, the render memos, formatting), with
`SPECGEN_VERIFY_INCREMENTAL=1`: every cache hit is recomputed and compared, and after each
edit the output (files and diagnostics) must equal what a cold run produces."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.incremental import Store
from generator.load import SpecSet, load_document
from generator.render import TargetOptions, built_in_templates, render_target
from generator.validate import validate_spec

SPEC = Path(__file__).resolve().parents[2] / "specs" / "reality-modeling.yaml"
REF = "#/components/schemas/"
Edit = Callable[[dict[str, Any], Path], None]


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["schemas"]  # type: ignore[no-any-return]


def _corpus() -> dict[str, Any]:
    """A real spec, plus the shapes whose reuse is subtle: a base class in another module
    than its subclasses (their modules read it), parameters through `$ref`s (the routes read
    them), operations grouped by tag into resources."""
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    base = {"type": "object", "properties": {"id": {"type": "string"}}}
    _schemas(doc).update(
        Base=base,
        Child={
            "allOf": [
                {"$ref": REF + "Base"},
                {"properties": {"extra": {"type": "integer", "writeOnly": True}}},
            ]
        },
        Sibling={"allOf": [{"$ref": REF + "Base"}, {"properties": {"more": {"type": "string"}}}]},
        Holder={
            "type": "object",
            "properties": {"child": {"$ref": REF + "Child"}, "sibling": {"$ref": REF + "Sibling"}},
        },
        Lonely={
            "type": "object",
            "properties": {
                "x": {"type": "integer"},
                "base": {"$ref": REF + "Base"},
                "flag": {"$ref": REF + "Flag"},
            },
        },
        # Values Python calls equal (1 == 1.0 == True) that the generated code prints apart.
        Flag={
            "type": "object",
            "properties": {"on": {"const": 1}, "n": {"type": "number", "default": 1}},
        },
        Size={"type": "integer", "minimum": 1, "maximum": 50},
        Kind={"type": "string", "enum": ["cat", "dog"]},
        Filter={"type": "object", "properties": {"owner": {"type": "string"}}},
        # What a model class's build reads of others (see ir/class_cache): a subclass
        # redeclaring an inherited field, a discriminator's options, an enum's default where
        # it is referenced, and recursion. An inheritance cycle (a class never reused, a
        # walk never replayed) comes late, by an edit.
        Derived={
            "allOf": [
                {"$ref": REF + "Base"},
                {"type": "object", "properties": {"id": {"type": "string"}, "x": {}}},
            ]
        },
        Cat={"type": "object", "properties": {"kind": {"type": "string", "enum": ["cat"]}}},
        Dog={"type": "object", "properties": {"kind": {"type": "string", "enum": ["dog"]}}},
        Pet={
            "oneOf": [{"$ref": REF + "Cat"}, {"$ref": REF + "Dog"}],
            "discriminator": {"propertyName": "kind"},
        },
        Color={"type": "string", "enum": ["red", "green"], "default": "red"},
        Painted={
            "type": "object",
            "properties": {"color": {"$ref": REF + "Color"}, "node": {"$ref": REF + "Node"}},
        },
        Node={
            "type": "object",
            "properties": {"children": {"type": "array", "items": {"$ref": REF + "Node"}}},
        },
    )

    def returns(name: str) -> dict[str, Any]:
        content = {"application/json": {"schema": {"$ref": REF + name}}}
        return {"200": {"description": "ok", "content": content}}

    query = [
        {"name": name, "in": "query", "schema": {"$ref": REF + name.title()}}
        for name in ("size", "kind", "filter")
    ]
    doc["paths"].update(
        {
            "/holders": {
                "get": {
                    "operationId": "listHolders",
                    "tags": ["holders"],
                    "responses": returns("Holder"),
                }
            },
            "/lonely/{lonely-id}": {
                "get": {
                    "operationId": "getLonely",
                    "tags": ["lonely"],
                    "parameters": [
                        {
                            "name": "lonely-id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        *query,
                        {
                            "name": "ratio",
                            "in": "query",
                            "schema": {"type": "number", "default": 1},
                        },
                    ],
                    "responses": {**returns("Lonely"), "404": {"description": "missing"}},
                }
            },
        }
    )
    return doc


def _rename_component(doc: dict[str, Any], old: str, new: str) -> None:
    _schemas(doc)[new] = _schemas(doc).pop(old)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("$ref") == REF + old:
                node["$ref"] = REF + new
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)


def _operation() -> dict[str, Any]:
    return {
        "operationId": "getCacheSettings",
        "summary": "The cache settings of a job.",
        "tags": ["holders"],
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": REF + "cacheSettings"}}},
            }
        },
    }


def _template(templates: Path, line: str) -> None:
    readme = templates / "client" / "README.md.jinja"
    readme.parent.mkdir(parents=True, exist_ok=True)
    text = (built_in_templates() / "client" / "README.md.jinja").read_text(encoding="utf-8")
    readme.write_text(text + line, encoding="utf-8")


def _rename_parameter(doc: dict[str, Any]) -> None:
    item = doc["paths"].pop("/lonely/{lonely-id}")
    item["get"]["parameters"][0]["name"] = "lonely_id"
    doc["paths"]["/lonely/{lonely_id}"] = item


def _lonely(doc: dict[str, Any]) -> dict[str, Any]:
    item = doc["paths"].get("/lonely/{lonely-id}") or doc["paths"]["/lonely/{lonely_id}"]
    return item["get"]  # type: ignore[no-any-return]


# In sequence: each edit applies to the spec the ones before it left.
def _equal_twins(doc: dict[str, Any]) -> None:
    flag = _schemas(doc)["Flag"]["properties"]
    flag["on"]["const"] = True
    flag["n"]["default"] = 1.0
    for parameter in doc["paths"]["/lonely/{lonely-id}"]["get"]["parameters"]:
        if parameter["name"] == "ratio":
            parameter["schema"]["default"] = 1.0


EDITS: list[tuple[str, Edit]] = [
    (
        "add a property",
        lambda doc, t: _schemas(doc)["jobInput"]["properties"].update(
            note={"type": "string", "description": "A note."}
        ),
    ),
    ("remove a property", lambda doc, t: _schemas(doc)["jobInput"]["properties"].pop("note")),
    (
        "rename a property",
        lambda doc, t: _schemas(doc)["cacheSettings"]["properties"].update(
            reuseCache=_schemas(doc)["cacheSettings"]["properties"].pop("useCache")
        ),
    ),
    (
        "change a type",
        lambda doc, t: _schemas(doc)["costEstimationParameters"]["properties"]["gigaPixels"].update(
            type="string"
        ),
    ),
    ("add an enum value", lambda doc, t: _schemas(doc)["job-state"]["enum"].append("Paused")),
    ("1 becomes true and 1.0", lambda doc, t: _equal_twins(doc)),
    (
        "edit an example (now invalid)",
        lambda doc, t: _schemas(doc)["link"]["properties"]["href"].update(example=12),
    ),
    ("rename a component", lambda doc, t: _rename_component(doc, "jobInput", "jobSource")),
    (
        "a base class gains a write-only field (its subclasses' modules read it)",
        lambda doc, t: _schemas(doc)["Base"]["properties"]["id"].update(writeOnly=True),
    ),
    (
        "a class gains a sole user (the module layout changes)",
        lambda doc, t: _schemas(doc)["Holder"]["properties"].update(
            lonely={"$ref": REF + "Lonely"}
        ),
    ),
    (
        "a parameter's referenced schema changes",
        lambda doc, t: _schemas(doc)["Size"].update(maximum=20),
    ),
    (
        "an enum a parameter names gains a value",
        lambda doc, t: _schemas(doc)["Kind"]["enum"].append("bird"),
    ),
    (
        "a query object gains a property",
        lambda doc, t: _schemas(doc)["Filter"]["properties"].update(color={"type": "string"}),
    ),
    (
        "a response changes",
        lambda doc, t: _lonely(doc)["responses"].update({"410": {"description": "gone"}}),
    ),
    (
        "an operation moves to another resource",
        lambda doc, t: _lonely(doc).update(tags=["holders"]),
    ),
    ("the API's title", lambda doc, t: doc["info"].update(title="Corpus API")),
    ("an operation's summary", lambda doc, t: _lonely(doc).update(summary="Get it.")),
    ("a path parameter renamed", lambda doc, t: _rename_parameter(doc)),
    (
        "add an operation",
        lambda doc, t: doc["paths"].update(
            {"/contextcapture/jobs/{id}/cache": {"get": _operation()}}
        ),
    ),
    ("change a template file", lambda doc, t: _template(t, "\nEdited.\n")),
    ("remove the operation", lambda doc, t: doc["paths"].pop("/contextcapture/jobs/{id}/cache")),
    ("rename a class with users", lambda doc, t: _rename_component(doc, "Lonely", "Solo")),
    (
        "a base's field changes type (a subclass redeclaring it flattens)",
        lambda doc, t: _schemas(doc)["Base"]["properties"]["id"].update(type="integer"),
    ),
    (
        "a referenced class admits null (only its shape: its users' field types change)",
        lambda doc, t: _schemas(doc)["Node"].update(nullable=True),
    ),
    (
        "a discriminator option's tag changes",
        lambda doc, t: _schemas(doc)["Dog"]["properties"]["kind"].update(enum=["hound"]),
    ),
    (
        "an enum loses its default's value (its users' default no longer fits)",
        lambda doc, t: _schemas(doc)["Color"].update(enum=["blue", "green"]),
    ),
    (
        "a field gains an object default (left to the server, with a warning)",
        lambda doc, t: _schemas(doc)["Painted"]["properties"].update(
            meta={"type": "object", "default": {"a": 1}}
        ),
    ),
    (
        "a recursive class's description",
        lambda doc, t: _schemas(doc)["Node"].update(description="A tree."),
    ),
    # What the validation walk reads across units (see validate/walk_memo).
    (
        "a required property is missing",
        lambda doc, t: _schemas(doc)["Filter"].setdefault("required", []).append("nope"),
    ),
    (
        "a $ref to nothing",
        lambda doc, t: _schemas(doc)["Filter"]["properties"].update(bad={"$ref": "#/nope"}),
    ),
    ("the $ref to nothing goes", lambda doc, t: _schemas(doc)["Filter"]["properties"].pop("bad")),
    (
        "a component becomes a $ref",
        lambda doc, t: _schemas(doc).update(Alias={"$ref": REF + "Filter"}),
    ),
    (
        "a duplicate operationId",
        lambda doc, t: doc["paths"].update({"/copy": copy.deepcopy(doc["paths"]["/holders"])}),
    ),
    ("a path removed", lambda doc, t: doc["paths"].pop("/copy")),
    (
        "a $ref to another component",
        lambda doc, t: _schemas(doc)["Filter"]["properties"].update(size={"$ref": REF + "Size"}),
    ),
    (
        "a composed schema requires a name no member declares",
        lambda doc, t: _schemas(doc).update(
            Composed={"allOf": [{"$ref": REF + "Filter"}], "required": ["owner", "absent"]}
        ),
    ),
    (
        "the composed member declares it",
        lambda doc, t: _schemas(doc)["Filter"]["properties"].update(absent={"type": "string"}),
    ),
    (
        "an inheritance cycle appears",
        lambda doc, t: _schemas(doc).update(
            Left={"allOf": [{"$ref": REF + "Right"}, {"properties": {"l": {}}}]},
            Right={"allOf": [{"$ref": REF + "Left"}, {"properties": {"r": {}}}]},
        ),
    ),
    (
        "an inheritance cycle is broken",
        lambda doc, t: _schemas(doc).update(Right={"type": "object", "properties": {"r": {}}}),
    ),
]


def _output(spec: Path, templates: Path, memory: Store | None) -> tuple[Any, ...]:
    """What one run reports and writes: validation findings, warnings and files."""
    loaded = SpecSet(load_document(spec))
    found = validate_spec(loaded, memory=memory.part("validate") if memory else None)
    options = TargetOptions(
        "corpus",
        package="corpus",
        layout="resources",
        split_models_from=1,  # a package of model modules: the per-module memos are used
        template_dirs=(templates,),
        artefacts=frozenset({"client", "models", "stubs"}),
        memory=memory.part("render") if memory else None,
    )
    result = render_target(spec, options, SpecSet(load_document(spec)))
    files = {f.path: f.content for f in result.files}
    return ([str(d) for d in found], [str(d) for d in result.diagnostics], files)


def test_every_edit_gives_what_a_cold_run_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPECGEN_VERIFY_INCREMENTAL", "1")
    monkeypatch.chdir(tmp_path)
    # JSON: the validation walk replays units of a JSON document only (see walk_memo).
    spec, templates = tmp_path / "spec.json", tmp_path / "templates"
    templates.mkdir()
    document = _corpus()
    memory = Store()
    previous = None
    for name, edit in [("nothing", lambda doc, t: None), *EDITS]:
        edit(document, templates)
        spec.write_text(json.dumps(document, indent=2), encoding="utf-8")
        warm = _output(spec, templates, memory)
        cold = _output(spec, templates, None)
        assert warm == cold, f"after {name!r} the warm output differs from a cold run"
        assert name == "nothing" or warm != previous, f"{name!r} changed nothing"
        previous = warm
