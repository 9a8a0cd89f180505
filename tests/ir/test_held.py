"""IR equality and the mutable values the IR holds (`generator.ir.held`): a field added to an
IR class is seen by `==` and, when it can hold a JSON value, by the warm replay's check, with
nothing to add by hand; a field that would escape either fails here."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generator.ir
from generator.ir.build import build_api
from generator.ir.held import mutable_parts, plan
from generator.ir.model import Api, Operation, Parameter, TypeRef
from generator.ir.types import Constraints, Primitive
from generator.ir.warm_log import operation_values
from generator.load import SpecSet, load_document

SPECS = Path(__file__).resolve().parents[2] / "specs"


def ir_values() -> list[type]:
    """Every frozen dataclass of `generator.ir`: the IR's values."""
    found = []
    for info in pkgutil.iter_modules(generator.ir.__path__):
        module = importlib.import_module(f"generator.ir.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and dataclasses.is_dataclass(value)
                and value.__module__ == module.__name__
                and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
            ):
                found.append(value)
    return found


def test_ir_equality_sees_every_field() -> None:
    values = ir_values()
    assert Operation in values and Api in values and Primitive in values
    hidden = [
        f"{cls.__name__}.{f.name}"
        for cls in values
        for f in dataclasses.fields(cls)
        if not f.compare
    ]
    # Memos compare IR values with `==`: a field equality skips is a key someone must add by
    # hand (and forgets). Keep a JSON value out of the hash (`hash=False`), not out of `==`.
    assert hidden == []


def test_a_type_differing_only_in_constraints_is_another_type() -> None:
    short = TypeRef("str", expr=Primitive("string", constraints=Constraints(max_length=3)))
    assert short != TypeRef("str", expr=Primitive("string"))
    assert hash(short) == hash(TypeRef("str", expr=short.expr))


def test_operations_with_other_parameter_schemas_differ_and_still_hash() -> None:
    def parameter(schema: dict[str, Any]) -> Parameter:
        return Parameter("q", "q", "query", False, TypeRef("str"), schema=schema)

    assert parameter({"maxLength": 3}) != parameter({"maxLength": 4})
    assert hash(parameter({"maxLength": 3})) == hash(parameter({"maxLength": 4}))


def walk_everything(value: Any, found: list[Any]) -> None:
    """Every dict and list `value` holds, through every field (no plan): what `held` must see."""
    if isinstance(value, dict | list):
        found.append(value)
    elif isinstance(value, tuple | frozenset):
        for item in value:
            walk_everything(item, found)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            walk_everything(getattr(value, f.name), found)


def test_every_json_value_of_a_real_build_is_held() -> None:
    api, _ = build_api(SpecSet(load_document(SPECS / "reality-modeling.yaml")), "t")
    everything: list[Any] = []
    walk_everything(api, everything)
    held = {id(v) for v in mutable_parts(api)}
    assert len(everything) > 20
    assert [v for v in everything if id(v) not in held] == []


@dataclass(frozen=True)
class Part:
    name: str
    extra: dict[str, Any] | None = field(default=None, hash=False)


@dataclass(frozen=True)
class Whole:
    label: str
    parts: tuple[Part, ...] = ()
    nested: tuple[Whole, ...] = ()  # a class referring to itself, as RequestBody does
    note: Any = None
    count: int = 0


def test_a_field_added_to_an_ir_class_is_held_without_being_listed() -> None:
    assert plan(Whole) == ("parts", "nested", "note")
    assert plan(Part) == ("extra",)
    inner = {"x": 1}
    value = Whole("a", nested=(Whole("b", parts=(Part("p", inner),)),), note=[2])
    assert mutable_parts(value) == [inner, [2]]


def test_a_schema_changed_after_the_build_changes_the_operation_values() -> None:
    api, _ = build_api(SpecSet(load_document(SPECS / "reality-modeling.yaml")), "t")
    before = operation_values(api.operations)
    op = next(op for op in api.operations if op.responses and op.responses[0].schema)
    schema = op.responses[0].schema
    assert schema is not None
    schema["x-changed"] = True
    assert operation_values(api.operations) != before
    # 1 and True are equal in Python, not in the generated code.
    del schema["x-changed"]
    assert operation_values(api.operations) == before
    schema["x-flag"] = 1
    with_one = operation_values(api.operations)
    schema["x-flag"] = True
    assert operation_values(api.operations) != with_one
