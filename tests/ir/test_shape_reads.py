"""What a type referring to a class reads of it (`schema_facts.Shape`) is exactly what the
model-class cache keys such a read on (`class_cache.shape_key`): a class builder reading one
more key of a referred schema, outside `Shape`, fails here instead of serving stale classes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from generator.ir.classes import ClassBuilder
from generator.ir.context import BuildContext
from generator.ir.hoisted import Hoisted
from generator.ir.operations import OperationsBuilder
from generator.ir.schema_facts import Shape, shape_of
from generator.ir.schemas import SchemaHoister
from generator.load import SpecSet, load_document
from tests.ir.test_class_cache import schemas as cache_schemas
from tests.render.helpers import write_spec
from tests.robustness.support import minimal

SPECS = Path(__file__).resolve().parents[2] / "specs"


class KeysRead(Mapping[str, Any]):
    """A schema that notes every key looked up (present or not)."""

    def __init__(self, schema: dict[str, Any], keys: set[str]) -> None:
        self._schema = schema
        self._keys = keys

    def __getitem__(self, key: str) -> Any:
        self._keys.add(key)
        return self._schema[key]

    def __contains__(self, key: object) -> bool:
        self._keys.add(str(key))
        return key in self._schema

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("a shape read lists no keys")

    def __len__(self) -> int:
        return len(self._schema)


def shape_keys(schema: dict[str, Any]) -> set[str]:
    keys: set[str] = set()
    shape_of(KeysRead(schema, keys))
    return keys


def hoisted_of(path: Path) -> tuple[BuildContext, Hoisted]:
    ctx = BuildContext(SpecSet(load_document(path)), "t")
    hoisted = Hoisted(ctx)
    hoister = SchemaHoister(hoisted)
    hoister.hoist_components()
    OperationsBuilder(ctx, hoister).operations()
    return ctx, hoisted


def spec_with_every_kind(tmp_path: Path) -> Path:
    schemas = cache_schemas()
    schemas["Maybe"] = {"type": "string", "enum": ["a", None]}
    schemas["Box"] = {
        "type": "object",
        "nullable": True,
        "properties": {"m": {"$ref": "#/components/schemas/Maybe"}},
    }
    schemas["BoxHolder"] = {
        "type": "object",
        "properties": {"b": {"$ref": "#/components/schemas/Box"}},
    }
    return write_spec(tmp_path, minimal({}, schemas))


@pytest.mark.parametrize("spec", ["every-kind", "reality-modeling.yaml", "cognite-3d-jobs.yaml"])
def test_a_class_build_reads_of_a_referred_schema_only_its_shape(tmp_path: Path, spec: str) -> None:
    path = spec_with_every_kind(tmp_path) if spec == "every-kind" else SPECS / spec
    ctx, hoisted = hoisted_of(path)
    read: dict[str, set[str]] = {name: set() for name in hoisted.schemas}
    builder = ClassBuilder(hoisted.schemas, hoisted.origins, ctx=ctx)
    # What the builder reads without noting a full read: only through `shape_of`.
    builder._unwatched = {n: KeysRead(s, read[n]) for n, s in hoisted.schemas.items()}
    builder.classes()
    assert any(read.values())
    beyond = {name: keys - shape_keys(hoisted.schemas[name]) for name, keys in read.items() if keys}
    assert {name: keys for name, keys in beyond.items() if keys} == {}


def test_every_shape_field_is_in_the_cache_key() -> None:
    from generator.ir.class_cache import shape_key

    schema = {"type": "string", "enum": ["a", None], "default": "a", "nullable": True}
    shape = shape_of(schema)
    key = shape_key(schema)
    assert isinstance(shape, Shape) and isinstance(key, Shape)
    assert key._fields == Shape._fields
    assert key[:-1] == shape[:-1]
    # The default as bytes: 1 and True are one value to Python, two to the generated code.
    assert shape_key({"default": 1}) != shape_key({"default": True})
    assert shape_key({"default": 1}) == shape_key({"default": 1})
