"""Large schema sets are generated in parts on several cores and joined into one module."""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from generator.ir import build_api
from generator.load import SpecSet, load_document
from generator.render import models as models_module
from generator.render.model_split import join_sources, referenced, split_schemas
from tests.render.helpers import imported, render_into, write_spec

REF = "#/components/schemas/"


@contextmanager
def module_of(source: str, name: str) -> Iterator[dict[str, Any]]:
    """`source` run as a registered module (pydantic resolves annotations through it)."""
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(source, module.__dict__)  # noqa: S102 - the test's own or generated source
        yield module.__dict__
    finally:
        del sys.modules[name]


def ref(name: str) -> dict[str, str]:
    return {"$ref": REF + name}


def conclusion(*values: str) -> dict[str, Any]:
    # A nullable enum property: the model generator writes classes of its own for it, numbered
    # in the order it meets them (Conclusion, Conclusion1, ...), so parts number them apart.
    return {"type": "string", "nullable": True, "enum": [*values, None]}


def schemas_with_invented_classes() -> dict[str, Any]:
    return {
        "User": {"type": "object", "properties": {"login": {"type": "string"}}},
        "Run": {
            "type": "object",
            "required": ["conclusion"],
            "properties": {"conclusion": conclusion("success", "failure"), "by": ref("User")},
        },
        "Check": {
            "type": "object",
            "properties": {"conclusion": conclusion("neutral", "stale"), "run": ref("Run")},
        },
        "Suite": {
            "type": "object",
            "properties": {"conclusion": conclusion("skipped"), "by": ref("User")},
        },
        "Job": {
            "type": "object",
            "properties": {"conclusion": conclusion("timed_out"), "check": ref("Check")},
        },
    }


def test_small_sets_stay_whole_and_large_ones_split_into_closed_parts() -> None:
    schemas = schemas_with_invented_classes()
    assert split_schemas(schemas) == [schemas]
    parts = split_schemas(schemas, split_from=2)
    assert len(parts) == 2
    assert set().union(*parts) == set(schemas)
    for part in parts:
        for schema in part.values():
            assert referenced(schema) <= part.keys()  # each part sees what its classes use
    assert split_schemas(schemas, split_from=2) == parts  # the same split every time


def test_invented_names_are_matched_across_parts_and_kept_apart() -> None:
    enum = "class {name}(StrEnum):\n    {member} = '{value}'\n"
    root = "class {name}(RootModel[{enum} | None]):\n    root: {enum} | None = None\n"
    first = (
        "from __future__ import annotations\nfrom enum import StrEnum\n"
        "from pydantic import BaseModel, RootModel\n\n"
        + enum.format(name="ConclusionEnum", member="SUCCESS", value="success")
        + root.format(name="Conclusion", enum="ConclusionEnum")
        + "class Run(BaseModel):\n    conclusion: Conclusion\n"
    )
    # The second part met Check's conclusion first, so Run's is number 1 there.
    second = (
        "from __future__ import annotations\nfrom enum import StrEnum\n"
        "from pydantic import BaseModel, RootModel\n\n"
        + enum.format(name="ConclusionEnum", member="STALE", value="stale")
        + root.format(name="Conclusion", enum="ConclusionEnum")
        + enum.format(name="Conclusion1Enum", member="SUCCESS", value="success")
        + root.format(name="Conclusion1", enum="Conclusion1Enum")
        + "class Run(BaseModel):\n    conclusion: Conclusion1\n"
        + "class Check(BaseModel):\n    conclusion: Conclusion\n    run: Run | None = None\n"
    )
    joined = join_sources([(first, {"Run"}), (second, {"Run", "Check"})])
    assert joined is not None
    source, names = joined
    assert source.count("class Run(") == 1
    assert names == {
        "ConclusionEnum",
        "Conclusion",
        "Run",
        "ConclusionEnum1",
        "Conclusion2",
        "Check",
    }
    with module_of(source, "joined_parts") as namespace:
        run, check = namespace["Run"], namespace["Check"]
        assert run.model_validate({"conclusion": "success"}).conclusion.root.value == "success"
        assert check.model_validate({"conclusion": "stale"}).conclusion.root.value == "stale"
        with pytest.raises(ValueError, match="conclusion"):
            check.model_validate({"conclusion": "success"})  # Run's values are not Check's


def test_parts_that_disagree_beyond_names_are_not_joined() -> None:
    first = "class Run:\n    size: int\n"
    second = "class Run:\n    size: str\n"
    assert join_sources([(first, {"Run"}), (second, {"Run"})]) is None


def _inlined(schema: dict[str, Any], defs: dict[str, Any]) -> Any:
    """A JSON schema with every `$ref` replaced by its definition, minus class titles: two
    modules are equivalent when their classes accept the same documents."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return _inlined(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
        return {k: _inlined(v, defs) for k, v in schema.items() if k not in ("title", "$defs")}
    if isinstance(schema, list):
        return [_inlined(item, defs) for item in schema]
    return schema


@pytest.mark.parametrize("workers", [1, 2])
def test_a_split_generation_equals_a_whole_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Checks", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas_with_invented_classes()},
    }
    spec = write_spec(tmp_path, document)
    api, _ = build_api(SpecSet(load_document(spec)), "checks")
    whole = models_module.generate_models(api, "pkg", "spec.yaml")
    monkeypatch.setattr(
        models_module, "split_schemas", lambda schemas: split_schemas(schemas, split_from=2)
    )
    split = models_module.generate_models(api, "pkg", "spec.yaml", workers=workers)
    assert not split.diagnostics
    assert split.source != whole.source  # the invented classes are numbered differently...
    runtime = "from pydantic import BaseModel as SpecModel\nfrom enum import Enum as OpenEnum\n"
    shapes = {}
    for label, source in (("whole", whole.source), ("split", split.source)):
        plain = re.sub(r"^from pkg\._runtime import .*$", runtime, source, flags=re.MULTILINE)
        with module_of(plain, f"models_{label}_{workers}") as namespace:
            shapes[label] = {
                name: namespace[name].model_json_schema()
                for name in schemas_with_invented_classes()
            }
    for name, shape in shapes["whole"].items():  # ...but every schema's class is the same
        other = shapes["split"][name]
        assert _inlined(shape, shape.get("$defs", {})) == _inlined(other, other.get("$defs", {}))


def test_a_split_client_imports_every_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Checks", "version": "1"},
        "paths": {
            "/jobs/{id}": {
                "get": {
                    "operationId": "getJob",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": ref("Job")}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": schemas_with_invented_classes()},
    }
    spec = write_spec(tmp_path, document)
    monkeypatch.setattr(
        models_module, "split_schemas", lambda schemas: split_schemas(schemas, split_from=2)
    )
    render_into(spec, tmp_path / "out", "split_pkg")
    with imported(tmp_path / "out" / "client" / "src", "split_pkg") as package:
        job = package.models.Job.model_validate(
            {
                "conclusion": "timed_out",
                "check": {"conclusion": "stale", "run": {"conclusion": None}},
            }
        )
        assert job.check is not None and job.check.run is not None
        assert job.check.run.conclusion is None
