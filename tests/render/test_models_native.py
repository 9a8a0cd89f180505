"""The native models: what a user of a generated package sees when the schemas get hard.

One spec holds every construct the model IR must express; it is rendered once, imported, and
driven the way a client user would (validate, construct, dump), then type-checked.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any
from uuid import UUID

import pydantic
import pytest

from tests.render.helpers import imported, render_into, write_spec
from tests.robustness.support import minimal

REF = "#/components/schemas/"


def ref(name: str) -> dict[str, str]:
    return {"$ref": REF + name}


SCHEMAS: dict[str, Any] = {
    "Pet": {
        "oneOf": [ref("Cat"), ref("Dog")],
        "discriminator": {
            "propertyName": "kind",
            "mapping": {"cat": REF + "Cat", "dog": REF + "Dog"},
        },
    },
    "Cat": {
        "type": "object",
        "required": ["kind", "lives"],
        "properties": {"kind": {"type": "string"}, "lives": {"type": "integer", "maximum": 9}},
    },
    "Dog": {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string"}, "good": {"type": "boolean", "default": True}},
    },
    "Owner": {
        "type": "object",
        "description": "Someone who owns pets.",
        "required": ["pets"],
        "properties": {
            "pets": {"type": "array", "items": ref("Pet"), "minItems": 1},
            "status": ref("Status"),
            "nickName": {
                "type": "string",
                "maxLength": 5,
                "pattern": "^[a-z]+$",
                "description": "What friends say.",
            },
            "_links": {"type": "object", "additionalProperties": {"type": "string"}},
            "schema": {"type": "string"},
            "model_number": {"type": "integer"},
            "born": {"type": "string", "format": "date-time"},
            "tags": {"type": "array", "items": {"type": "string"}, "default": ["a"]},
            "note": {"type": "string", "nullable": True},
            # field names that are also type names in the annotations (daniweb, sendgrid)
            "date": {"type": "string", "format": "date"},
            "list": {"type": "array", "items": {"type": "string"}},
            "uuid": {"type": "string", "format": "uuid"},
        },
    },
    "Status": {"type": "string", "enum": ["active", "retired"], "default": "active"},
    "Resource": {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}, "created": {"type": "integer"}},
    },
    # One object reference plus additions: inheritance.
    "Job": {
        "allOf": [
            ref("Resource"),
            {"type": "object", "properties": {"state": {"type": "string"}}, "required": ["state"]},
        ]
    },
    # The addition retypes an inherited property: flattened, one declaration of `created`.
    "Event": {
        "allOf": [
            ref("Resource"),
            {"type": "object", "properties": {"created": {"type": "string"}}},
        ]
    },
    "Tree": {
        "type": "object",
        "properties": {
            "value": {"type": "integer"},
            "children": {"type": "array", "items": ref("Tree")},
        },
    },
    "Trees": {"type": "array", "items": ref("Tree")},
    "Json": {"anyOf": [{"type": "string"}, {"type": "array", "items": ref("Json")}]},
    "Strict": {
        "type": "object",
        "additionalProperties": False,
        "properties": {"a": {"type": "string"}},
    },
    "Level": {"type": "integer", "enum": [1, 2, 3]},
    "Account": {
        "type": "object",
        "required": ["id", "name", "password"],
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "name": {"type": "string"},
            "password": {"type": "string", "writeOnly": True},
        },
    },
    # Inherits Account's write-only field; Robot's base has none, Robot adds one.
    "Admin": {
        "allOf": [ref("Account"), {"type": "object", "properties": {"level": {"type": "integer"}}}]
    },
    "Robot": {
        "allOf": [
            ref("Resource"),
            {"type": "object", "properties": {"key": {"type": "string", "writeOnly": True}}},
        ]
    },
    # A member adding a required name no property declares (InfluxData's cells).
    "Cell": {"allOf": [ref("Resource"), {"required": ["trackPointVisualization"]}]},
    # `required` with a default: the default never stands in for the required value.
    "Quota": {
        "type": "object",
        "required": ["limit"],
        "properties": {"limit": {"type": "integer", "default": 10}},
    },
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("native")
    paths = {
        "/owners": {
            "get": {
                "operationId": "getOwner",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": ref("Owner")}},
                    }
                },
            }
        }
    }
    spec = write_spec(folder, minimal(paths, SCHEMAS))
    result = render_into(spec, folder / "out", "native_pkg")
    src = folder / "out" / "client" / "src"
    with imported(src, "native_pkg") as module:
        yield module, src, result


def models(package: Any) -> ModuleType:
    module: ModuleType = package[0].models
    return module


def test_a_discriminated_union_validates_each_value_against_the_option_its_tag_names(
    package: Any,
) -> None:
    m = models(package)
    owner = m.Owner.model_validate({"pets": [{"kind": "cat", "lives": 7}, {"kind": "dog"}]})
    assert [type(p).__name__ for p in owner.pets] == ["Cat", "Dog"]
    assert owner.pets[1].good is True  # a default that fits its type is applied
    with pytest.raises(pydantic.ValidationError, match="lives"):
        m.Owner.model_validate({"pets": [{"kind": "cat", "lives": 12}]})  # maximum 9
    with pytest.raises(pydantic.ValidationError):
        m.Owner.model_validate({"pets": [{"kind": "bird"}]})  # a tag no option has


def test_wire_names_constraints_reserved_names_and_defaults(package: Any) -> None:
    m = models(package)
    owner = m.Owner.model_validate(
        {"pets": [{"kind": "dog"}], "nickName": "rex", "_links": {"self": "/o/1"}, "schema": "s"}
    )
    assert owner.nick_name == "rex" and owner.field_links == {"self": "/o/1"}
    assert owner.schema_ == "s"
    assert owner.status is m.Status.ACTIVE  # a named enum's default applies where referenced
    assert owner.tags == ["a"]
    named = m.Owner.model_validate(
        {"pets": [{"kind": "dog"}], "date": "2024-02-03", "list": ["x"], "uuid": str(UUID(int=1))}
    )
    assert named.date.year == 2024 and named.list_ == ["x"] and named.uuid == UUID(int=1)
    dumped = owner.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert dumped["nickName"] == "rex" and dumped["_links"] == {"self": "/o/1"}
    for bad in ({"nickName": "toolong"}, {"nickName": "UPPER"}, {"pets": []}):
        with pytest.raises(pydantic.ValidationError):
            m.Owner.model_validate({"pets": [{"kind": "dog"}], **bad})


def test_allof_inherits_when_it_can_and_flattens_when_a_property_is_retyped(package: Any) -> None:
    m = models(package)
    job = m.Job.model_validate({"id": "j1", "state": "done", "created": 3})
    assert isinstance(job, m.Resource) and job.created == 3
    with pytest.raises(pydantic.ValidationError):
        m.Job.model_validate({"id": "j1"})  # the addition's `required` holds
    event = m.Event.model_validate({"id": "e1", "created": "yesterday"})
    assert not isinstance(event, m.Resource) and event.created == "yesterday"


def test_recursion_aliases_enums_and_extra_policy(package: Any) -> None:
    m = models(package)
    tree = m.Tree.model_validate({"value": 1, "children": [{"value": 2, "children": []}]})
    assert isinstance(tree.children[0], m.Tree)
    trees = pydantic.TypeAdapter(m.Trees).validate_python([{"value": 3}])
    assert trees[0].value == 3
    # `Json` is a name pydantic exports: the class is renamed apart. An alias that refers to
    # itself (through a list) cannot be a plain Python alias: it is Any, with a finding.
    assert pydantic.TypeAdapter(m.JsonModel).validate_python(["a", {"b": 1}]) == ["a", {"b": 1}]
    assert pydantic.TypeAdapter(m.Level).validate_python(2) == 2
    with pytest.raises(pydantic.ValidationError):
        pydantic.TypeAdapter(m.Level).validate_python(4)
    with pytest.raises(pydantic.ValidationError):
        m.Strict.model_validate({"a": "x", "b": "y"})  # additionalProperties: false
    assert m.Cat.model_validate({"kind": "cat", "lives": 1, "extra": 2}).model_extra == {"extra": 2}
    with pytest.raises(ValueError):
        m.Status("unknown")  # strict outside a response
    assert m.Owner.__doc__ == "Someone who owns pets."


def test_the_models_module_passes_mypy_strict(package: Any) -> None:
    _, src, result = package
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "native_pkg"],
        cwd=src,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    cycles = [d for d in result.diagnostics if d.rule == "alias-cycle"]
    assert [d.pointer for d in cycles] == ["#/components/schemas/Json"]


def test_an_alias_defined_only_through_itself_is_any_with_a_finding(tmp_path: Path) -> None:
    schemas = {"A": {"anyOf": [ref("B"), {"type": "string"}]}, "B": {"anyOf": [ref("A")]}}
    spec = write_spec(tmp_path, minimal({}, schemas))
    result = render_into(spec, tmp_path / "out", "cyclic_pkg")
    assert "alias-cycle" in {d.rule for d in result.diagnostics}
    with imported(tmp_path / "out" / "client" / "src", "cyclic_pkg") as module:
        assert pydantic.TypeAdapter(module.models.A).validate_python(1) == 1


def test_read_only_fields_are_never_sent_and_one_way_fields_are_optional(package: Any) -> None:
    m = models(package)
    runtime = package[0]._runtime
    from importlib import import_module

    request_dump = import_module("native_pkg._runtime._model_base").request_dump
    server_copy = m.Account.model_validate({"id": "a1", "name": "ann"})  # no password back
    assert m.Account.__read_only__ == frozenset({"id"})
    assert request_dump(server_copy) == {"name": "ann"}  # read-modify-write: no id
    with pytest.raises(pydantic.ValidationError):
        m.Account.model_validate({"id": "a1"})  # `name` is required both ways
    with pytest.raises(pydantic.ValidationError):  # a naive string is refused in a request
        m.Owner.model_validate({"pets": [{"kind": "dog"}], "born": "2024-01-02T03:04:05"})
    with runtime.lenient_parsing():  # ...and read as UTC in a response
        born = m.Owner.model_validate({"pets": [{"kind": "dog"}], "born": "2024-01-02T03:04:05"})
    assert born.born is not None and born.born.tzinfo is not None
    # A write-only field is kept in a request and never filled by a response, inherited or not.
    assert m.Account(name="ann", password="pw").password == "pw"
    with runtime.lenient_parsing():
        echoed = m.Account.model_validate({"id": "a1", "name": "ann", "password": "pw"})
        admin = m.Admin.model_validate({"name": "ann", "password": "pw", "level": 2})
        robot = m.Robot.model_validate({"id": "r1", "key": "k"})
    assert echoed.password is None and echoed.model_fields_set == {"id", "name"}
    assert (admin.password, admin.level, robot.key, robot.id) == (None, 2, None, "r1")
    assert isinstance(robot, m.Resource) and m.Robot.__write_only__ == frozenset({"key"})


def test_binary_fields_of_multipart_models_take_any_file_form(tmp_path: Path) -> None:
    upload = {
        "type": "object",
        "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary"}, "note": {"type": "string"}},
    }
    blob = {"type": "object", "properties": {"data": {"type": "string", "format": "binary"}}}
    body = {"content": {"multipart/form-data": {"schema": ref("Upload")}}}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": ref("Blob")}}}}
    paths = {"/up": {"post": {"operationId": "up", "requestBody": body, "responses": ok}}}
    spec = write_spec(tmp_path, minimal(paths, {"Upload": upload, "Blob": blob}))
    render_into(spec, tmp_path / "out", "files_pkg")
    (tmp_path / "a.bin").write_bytes(b"x")
    with imported(tmp_path / "out" / "client" / "src", "files_pkg") as module:
        m = module.models
        assert m.Upload(file=tmp_path / "a.bin").file == tmp_path / "a.bin"
        assert m.Upload(file=("a.txt", b"hi", "text/plain")).file[0] == "a.txt"
        with pytest.raises(pydantic.ValidationError):
            m.Upload(file=12)
        assert m.Blob.model_validate({"data": "raw"}).data == b"raw"  # JSON: plain bytes


def test_a_required_name_no_property_declares_is_required_of_any_type(package: Any) -> None:
    cell = models(package).Cell
    with pytest.raises(pydantic.ValidationError, match="trackPointVisualization"):
        cell.model_validate({"id": "c1"})
    for value in ("on", 3, None, {"a": [1]}):
        assert cell.model_validate({"id": "c1", "trackPointVisualization": value})


def test_a_required_property_with_a_default_is_still_required(package: Any) -> None:
    quota = models(package).Quota
    with pytest.raises(pydantic.ValidationError, match="limit"):
        quota.model_validate({})
    assert quota(limit=3).limit == 3


def test_absent_is_not_null_where_the_schema_allows_no_null(package: Any) -> None:
    owner = models(package).Owner
    with pytest.raises(pydantic.ValidationError, match="nickName"):
        owner.model_validate({"pets": [{"kind": "dog"}], "nickName": None})
    assert owner.model_validate({"pets": [{"kind": "dog"}], "note": None}).note is None
    assert "nick_name" not in owner.model_validate({"pets": [{"kind": "dog"}]}).model_fields_set
    with package[0]._runtime.lenient_parsing():  # a response: servers send null for absent
        assert owner.model_validate({"pets": [{"kind": "dog"}], "nickName": None}).nick_name is None
