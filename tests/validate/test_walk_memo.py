"""A long-lived process replays the meaning walk's work in units an edit left alone: after every
kind of edit, what it finds must be exactly what a fresh walk finds, and most units must have
been replayed rather than walked."""

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
from generator.units import UnitGraph, unit_pointer
from generator.validate import validate_spec
from generator.validate.meaning import WalkResult, walk
from generator.validate.verdicts import unit_graph
from generator.validate.walk_memo import WalkMemo

SPECS = Path(__file__).resolve().parents[2] / "specs"


def _summary(result: WalkResult) -> tuple[list[Any], list[Any]]:
    findings = sorted((f.rule, f.message, f.pointer) for f in result.findings)
    examples = sorted(
        (e.rule, e.pointer, e.schema_pointer, e.mode.value, json.dumps(e.value, default=str))
        for e in result.examples
    )
    return findings, examples


class Walks:
    """One long-lived process's walks of a spec file, each compared with a fresh walk."""

    def __init__(self, folder: Path, data: dict[str, Any]) -> None:
        self.path = folder / "spec.json"
        self.data = data
        self.memory = Store()
        self.last: WalkMemo | None = None

    def run(self) -> WalkResult:
        self.path.write_text(json.dumps(self.data, indent=2))
        spec = SpecSet(load_document(self.path))
        store = self.memory.stores.setdefault("walk", {})
        self.last = WalkMemo(store, spec, unit_graph(self.memory, spec, "examples"))
        version = "3.1" if str(self.data["openapi"]).startswith("3.1") else "3.0"
        warm = walk(spec, version, self.last)
        fresh = walk(SpecSet(load_document(self.path)), version)
        assert _summary(warm) == _summary(fresh)
        return warm


def _curated(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((SPECS / name).read_text())
    return json.loads(json.dumps(loaded, default=str))  # YAML dates as the JSON file has them


def _schemas(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data["components"]["schemas"]
    return found


def _first_path(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = next(iter(data["paths"].values()))
    return found


def _object_schema(data: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in _schemas(data).values() if isinstance(s.get("properties"), dict))


EDITS: dict[str, Callable[[dict[str, Any]], None]] = {
    "property added": lambda d: _object_schema(d)["properties"].update(new={"type": "string"}),
    "invalid example": lambda d: _object_schema(d).update(example={"new": 3}),
    "required missing": lambda d: _object_schema(d).setdefault("required", []).append("nope"),
    "bad ref": lambda d: _object_schema(d)["properties"].update(bad={"$ref": "#/nope"}),
    "component becomes a ref": lambda d: _schemas(d).update(
        Alias={"$ref": f"#/components/schemas/{next(iter(_schemas(d)))}"}
    ),
    "duplicate operationId": lambda d: d["paths"].update({"/copy": copy.deepcopy(_first_path(d))}),
    "path removed": lambda d: d["paths"].pop(next(iter(d["paths"]))),
    "ref to another component": lambda d: _object_schema(d)["properties"].update(
        inside={"$ref": "#/components/schemas/Inline"}
    ),
    "composed names": lambda d: _schemas(d).update(
        Composed={
            "allOf": [{"$ref": f"#/components/schemas/{next(iter(_schemas(d)))}"}],
            "required": ["id", "absent"],
        }
    ),
    # What `Composed` requires is now declared by the schema it composes: its finding goes.
    "composed names supplied": lambda d: (
        _schemas(d)[next(iter(_schemas(d)))]
        .setdefault("properties", {})
        .update(absent={"type": "string"})
    ),
    "nothing": lambda d: None,
}


@pytest.mark.parametrize("spec", ["reality-modeling.yaml", "cognite-3d-jobs.yaml"])
def test_every_edit_finds_what_a_fresh_walk_finds(tmp_path: Path, spec: str) -> None:
    data = _curated(spec)
    _schemas(data)["Inline"] = {"type": "object", "properties": {"a": {"type": "string"}}}
    walks = Walks(tmp_path, data)
    walks.run()
    for name, edit in EDITS.items():
        edit(walks.data)
        walks.run()
        assert walks.last is not None
        assert walks.last.replayed, f"nothing replayed after {name!r}"
    assert walks.run().findings  # the edits left problems to find


def test_reaching_inside_a_replayed_unit_walks_in_full(tmp_path: Path) -> None:
    data: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "post": {
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "required": ["a"]},
                                }
                            },
                        }
                    }
                }
            }
        },
        "components": {"schemas": {"U": {"type": "object", "properties": {}}}},
    }
    walks = Walks(tmp_path, data)
    walks.run()
    walks.run()
    assert walks.last is not None and walks.last.replayed == {
        "#/paths/~1a",
        "#/components/schemas/U",
    }
    # The path's unit is replayed before U is walked; U now reaches inside it.
    inside = "#/paths/~1a/post/responses/200/content/application~1json/schema"
    data["components"]["schemas"]["U"]["properties"]["x"] = {"$ref": inside}
    walks.run()
    assert walks.last is not None and walks.last.diverged
    walks.run()  # both are walked from now on: one reaches into the other
    assert walks.last is not None and not walks.last.replayed


def test_a_spec_in_yaml_is_always_walked_in_full(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text((SPECS / "reality-modeling.yaml").read_text())
    memory = Store()
    for _ in range(2):
        spec = SpecSet(load_document(path))
        units = unit_graph(memory, spec, "examples")
        memo = WalkMemo(memory.stores.setdefault("walk", {}), spec, units)
        walk(spec, "3.0", memo)
        assert not memo.replayed


def test_validation_in_a_long_lived_process_reports_what_a_fresh_one_does(tmp_path: Path) -> None:
    data = _curated("reality-analysis.yaml")
    path = tmp_path / "spec.json"
    memory = Store()
    for edit in ["nothing", "invalid example", "required missing", "duplicate operationId"]:
        EDITS[edit](data)
        path.write_text(json.dumps(data, indent=2))
        warm = validate_spec(SpecSet(load_document(path)), memory=memory)
        assert warm == validate_spec(SpecSet(load_document(path)))


@pytest.mark.parametrize(
    ("pointer", "unit"),
    [
        ("#/paths/~1jobs~1{id}/get/responses/200", "#/paths/~1jobs~1{id}"),
        ("#/paths/~1jobs", "#/paths/~1jobs"),
        ("#/webhooks/done/post", "#/webhooks/done"),
        ("#/components/schemas/Job/properties/id", "#/components/schemas/Job"),
        ("#/components/schemas/Job", "#/components/schemas/Job"),
        ("#/info/title", "#/info"),
        ("#/x-tags", "#/x-tags"),
    ],
)
def test_units_are_the_ones_fingerprints_are_kept_for(
    tmp_path: Path, pointer: str, unit: str
) -> None:
    assert unit_pointer(pointer) == unit
    data = _curated("reality-modeling.yaml")
    data.setdefault("webhooks", {})["done"] = {}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(data))
    spec = SpecSet(load_document(path))
    graph = UnitGraph(spec)
    assert graph.unit_of(spec.root, pointer) == graph.unit_of(spec.root, unit)
