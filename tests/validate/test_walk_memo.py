"""A long-lived process replays the meaning walk's work in units an edit left alone (see
`validate/walk_memo`): units are really replayed, a reach inside a replayed unit makes the walk
run in full, YAML is never replayed. That every kind of edit finds what a fresh walk finds is
checked by the shared edit corpus (tests/incremental)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.incremental import Run, Store
from generator.load import SpecSet, load_document
from generator.units import UnitGraph, unit_pointer
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
        run = Run(self.memory)
        self.last = WalkMemo(run, "walk", spec, unit_graph(self.memory, spec, "examples"))
        version = "3.1" if str(self.data["openapi"]).startswith("3.1") else "3.0"
        warm = walk(spec, version, self.last)
        run.close()
        fresh = walk(SpecSet(load_document(self.path)), version)
        assert _summary(warm) == _summary(fresh)
        return warm


def _curated(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((SPECS / name).read_text())
    return json.loads(json.dumps(loaded, default=str))  # YAML dates as the JSON file has them


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
    assert walks.last is not None and set(walks.last.replayed) == {
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
        run = Run(memory)
        memo = WalkMemo(run, "walk", spec, units)
        walk(spec, "3.0", memo)
        run.close()
        assert not memo.replayed


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
