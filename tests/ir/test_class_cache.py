"""Model classes kept between runs (see `ir/class_cache`): unchanged classes are really
reused, and a class whose build met a cycle is never. That the IR after any edit is the IR
built from scratch is checked by the shared edit corpus (tests/incremental)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.incremental import Store, stage_name
from generator.ir.build import build_api
from generator.ir.types import ModelClass
from generator.load import SpecSet, load_document
from tests.render.helpers import write_spec
from tests.robustness.support import minimal

REF = "#/components/schemas/"


def schemas() -> dict[str, Any]:
    return {
        "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Derived": {"allOf": [{"$ref": REF + "Base"}, {"properties": {"x": {}}}]},
        "Color": {"type": "string", "enum": ["red", "green"], "default": "red"},
        "Holder": {"type": "object", "properties": {"color": {"$ref": REF + "Color"}}},
        "Node": {
            "type": "object",
            "properties": {"children": {"type": "array", "items": {"$ref": REF + "Node"}}},
        },
        # An inheritance cycle: what is built depends on the order, so it is never reused.
        "Left": {"allOf": [{"$ref": REF + "Right"}, {"properties": {"l": {}}}]},
        "Right": {"allOf": [{"$ref": REF + "Left"}, {"properties": {"r": {}}}]},
    }


def _build(path: Path, memory: Store) -> dict[str, ModelClass]:
    api, _ = build_api(SpecSet(load_document(path)), "t", memory)
    return {m.name: m for m in api.model_classes}


def test_unchanged_classes_are_reused_and_cycles_are_not_cached(tmp_path: Path) -> None:
    document = minimal({}, schemas())
    memory = Store()
    before = _build(write_spec(tmp_path, document), memory)
    document["components"]["schemas"]["Color"]["enum"] = ["blue", "green"]
    path = write_spec(tmp_path, document)
    after = _build(path, memory)
    # Reused: the very same objects, not equal rebuilt ones.
    assert after["Node"] is before["Node"]
    assert after["Derived"] is before["Derived"]
    # Color changed, and Holder reads Color (its default must still fit): both rebuilt.
    assert after["Color"] != before["Color"]
    assert after["Holder"] != before["Holder"]
    # The inheritance cycle depends on build order: its entries are never reusable.
    kept = memory.stage(stage_name("classes", path)).old
    assert kept["Left"].reads is None and kept["Right"].reads is None
    assert kept["Node"].reads is not None
