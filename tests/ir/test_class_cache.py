"""Model classes kept in memory between runs (watch): after any edit, the IR built with the
cache is exactly the IR built from scratch, and unchanged classes are really reused."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.incremental import Store
from generator.ir.build import build_api
from generator.ir.types import ModelClass
from generator.load import SpecSet, load_document
from tests.render.helpers import write_spec
from tests.robustness.support import minimal

REF = "#/components/schemas/"
Edit = Callable[[dict[str, Any]], None]


def schemas() -> dict[str, Any]:
    return {
        "Base": {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "string"}, "meta": {"default": {"a": 1}}},
        },
        "Derived": {
            "allOf": [
                {"$ref": REF + "Base"},
                {"type": "object", "properties": {"id": {"type": "string"}, "x": {}}},
            ]
        },
        "Cat": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["cat"]}}},
        "Dog": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["dog"]}}},
        "Pet": {
            "oneOf": [{"$ref": REF + "Cat"}, {"$ref": REF + "Dog"}],
            "discriminator": {"propertyName": "kind"},
        },
        "Color": {"type": "string", "enum": ["red", "green"], "default": "red"},
        "Holder": {"type": "object", "properties": {"color": {"$ref": REF + "Color"}}},
        "Node": {
            "type": "object",
            "properties": {"children": {"type": "array", "items": {"$ref": REF + "Node"}}},
        },
        # An inheritance cycle: what is built depends on the order, so it is never cached.
        "Left": {"allOf": [{"$ref": REF + "Right"}, {"properties": {"l": {}}}]},
        "Right": {"allOf": [{"$ref": REF + "Left"}, {"properties": {"r": {}}}]},
    }


def _retype_base_id(doc: dict[str, Any]) -> None:
    # Derived redeclares `id` as a string: it now flattens instead of inheriting.
    doc["components"]["schemas"]["Base"]["properties"]["id"] = {"type": "integer"}


def _retag_dog(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Dog"]["properties"]["kind"]["enum"] = ["hound"]


def _recolor(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Color"]["enum"] = ["blue", "green"]


def _add_to_base(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Base"]["properties"]["added"] = {"type": "boolean"}


def _break_cycle(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Right"] = {"type": "object", "properties": {"r": {}}}


def _rename_description(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Node"]["description"] = "A tree."


EDITS: list[Edit] = [
    _add_to_base,
    _retype_base_id,
    _retag_dog,
    _recolor,
    _break_cycle,
    _rename_description,
]


def _build(path: Path, memory: Store | None) -> tuple[tuple[ModelClass, ...], list[str]]:
    api, diagnostics = build_api(SpecSet(load_document(path)), "t", memory)
    return api.model_classes, [d.format() for d in diagnostics]


def test_after_every_edit_the_cached_ir_is_the_fresh_ir(tmp_path: Path) -> None:
    document = minimal({}, schemas())
    memory = Store()
    for edit in [lambda d: None, *EDITS]:
        edit(document)
        path = write_spec(tmp_path, copy.deepcopy(document))
        assert _build(path, memory) == _build(path, None)


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_each_edit_alone_matches_a_fresh_build(tmp_path: Path, edit: Edit) -> None:
    document = minimal({}, schemas())
    memory = Store()
    _build(write_spec(tmp_path, document), memory)
    edit(document)
    path = write_spec(tmp_path, document)
    assert _build(path, memory) == _build(path, None)


def test_unchanged_classes_are_reused_and_cycles_are_not_cached(tmp_path: Path) -> None:
    document = minimal({}, schemas())
    memory = Store()
    first, _ = _build(write_spec(tmp_path, document), memory)
    _recolor(document)
    second, _ = _build(write_spec(tmp_path, document), memory)
    before = {m.name: m for m in first}
    after = {m.name: m for m in second}
    # Reused: the very same objects, not equal rebuilt ones.
    assert after["Node"] is before["Node"]
    assert after["Derived"] is before["Derived"]
    # Color changed, and Holder reads Color (its default must still fit): both rebuilt.
    assert after["Color"] is not before["Color"]
    assert after["Holder"] is not before["Holder"]
    # The inheritance cycle depends on build order: rebuilt every time.
    assert after["Left"] is not before["Left"]
