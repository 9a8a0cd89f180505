"""Models are declared unbuilt and built on first use, and nobody can tell but the clock.

Importing a big client (Stripe's 2,400 models) used to build every validator; now a class is
built when it is first used. These tests render one spec with every hard construct twice,
build one copy completely up front (`complete_models()`) and leave the other lazy, and assert
both give the same answers; then that a FastAPI app taking the models (the case that once
made deferral fail) serves them on loopback with warnings treated as errors.
"""

# No `from __future__ import annotations`: FastAPI reads the routes' annotations, which name
# classes of a package imported inside the test.
import importlib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import httpx
import pydantic
import pytest
from fastapi import Body, FastAPI

from tests.render.helpers import imported, render_into, write_spec
from tests.render.test_models_native import SCHEMAS, ref
from tests.robustness.support import minimal
from tests.wire.wire_helpers import serve

# A cycle between two classes (each annotation names a class declared after it, or itself).
CYCLE: dict[str, Any] = {
    "Node": {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string"},
            "edges": {"type": "array", "items": ref("Edge")},
        },
    },
    "Edge": {
        "type": "object",
        "required": ["to"],
        "properties": {"to": ref("Node"), "weight": {"type": "number", "minimum": 0}},
    },
}

PATHS = {
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

# (model, value): valid and invalid values of every construct.
CASES: list[tuple[str, Any]] = [
    ("Owner", {"pets": [{"kind": "cat", "lives": 3}, {"kind": "dog"}], "nickName": "bo"}),
    ("Owner", {"pets": [{"kind": "cat", "lives": 10}]}),  # constraint inside a union member
    ("Owner", {"pets": [{"kind": "cow"}]}),  # a tag no option has
    ("Owner", {"pets": []}),  # minItems
    ("Owner", {"pets": [{"kind": "dog"}], "status": "retired", "born": "2024-01-02T03:04:05Z"}),
    ("Owner", {"pets": [{"kind": "dog"}], "status": "unknown"}),  # closed outside a response
    ("Owner", {"pets": [{"kind": "dog"}], "born": "2024-01-02T03:04:05"}),  # naive: refused
    ("Tree", {"value": 1, "children": [{"value": 2, "children": [{"value": "x"}]}]}),
    ("Node", {"name": "a", "edges": [{"to": {"name": "b", "edges": [{"to": {"name": "c"}}]}}]}),
    ("Node", {"name": "a", "edges": [{"to": {"edges": []}, "weight": -1}]}),
    ("Job", {"id": "j", "state": "done", "created": 3}),
    ("Job", {"id": "j"}),
    ("Strict", {"a": "x", "b": "y"}),
    ("Account", {"id": "a1", "name": "ann"}),
]


def _render(folder: Path, package: str) -> Path:
    spec = write_spec(folder, minimal(PATHS, {**SCHEMAS, **CYCLE}), name=package)
    result = render_into(spec, folder / "out", package)
    assert not [d for d in result.diagnostics if d.level.value == "error"]
    return folder / "out" / "client" / "src"


@pytest.fixture(scope="module")
def lazy_and_built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any]]:
    lazy_src = _render(tmp_path_factory.mktemp("lazy"), "lazy_models")
    built_src = _render(tmp_path_factory.mktemp("built"), "built_models")
    with imported(lazy_src, "lazy_models") as lazy, imported(built_src, "built_models") as built:
        yield lazy, built


def _object_models(package: Any) -> list[type[pydantic.BaseModel]]:
    base = package._runtime.SpecModel
    return [
        v
        for v in vars(package.models).values()
        if isinstance(v, type) and issubclass(v, base) and v.__module__ == package.models.__name__
    ]


def _outcome(package: Any, name: str, value: Any, lenient: bool) -> Any:
    """What a user sees: the dumped model, or the validation errors (without pydantic's URL)."""
    model = getattr(package.models, name)
    try:
        if lenient:
            with package._runtime.lenient_parsing():
                parsed = model.model_validate(value)
        else:
            parsed = model.model_validate(value)
    except pydantic.ValidationError as exc:
        return [{k: v for k, v in e.items() if k not in ("url", "ctx")} for e in exc.errors()]
    return parsed.model_dump(mode="json", by_alias=True)


def test_an_import_builds_no_model_and_complete_models_builds_them_all(
    lazy_and_built: tuple[Any, Any],
) -> None:
    lazy, built = lazy_and_built
    assert not [m.__name__ for m in _object_models(lazy) if m.__pydantic_complete__]
    count = built._runtime.complete_models()
    assert count >= len(_object_models(built)) > 10  # and the runtime's bases
    assert all(m.__pydantic_complete__ for m in _object_models(built))


def test_models_built_on_first_use_answer_as_models_built_up_front(
    lazy_and_built: tuple[Any, Any],
) -> None:
    lazy, built = lazy_and_built
    built._runtime.complete_models()
    for name, value in CASES:
        for lenient in (False, True):
            expected = _outcome(built, name, value, lenient)
            assert _outcome(lazy, name, value, lenient) == expected, (name, value, lenient)
    # Open enums keep an unknown value in a response, either way.
    with lazy._runtime.lenient_parsing():
        owner = lazy.models.Owner.model_validate({"pets": [{"kind": "dog"}], "status": "new"})
    assert owner.status == "new" and isinstance(owner.status, lazy.models.Status)


def test_an_adapter_over_a_model_is_built_when_it_is_created(
    lazy_and_built: tuple[Any, Any],
) -> None:
    """FastAPI builds its adapters with pydantic's warnings about `Field(alias=...)` silenced:
    an adapter deferred past that block would warn (here: fail) on first use."""
    lazy, _ = lazy_and_built
    annotated = Annotated[lazy.models.Edge, pydantic.Field(alias="body")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pydantic.warnings.UnsupportedFieldAttributeWarning)
        adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(annotated)
    assert adapter.pydantic_complete
    assert adapter.validate_python({"to": {"name": "n"}}).to.name == "n"


def test_a_fastapi_app_serves_the_models_on_loopback(tmp_path: Path) -> None:
    """A fresh import, nothing built up front: FastAPI's routes take and return the models."""
    src = _render(tmp_path, "served_models")
    with imported(src, "served_models") as package:
        m = package.models
        app = FastAPI()

        @app.post("/nodes", response_model=m.Node)
        def create(node: Annotated[m.Node, Body()]) -> Any:
            return node

        @app.post("/owners")
        def owner(owner: Annotated[m.Owner, Body(alias="owner", embed=True)]) -> dict[str, Any]:
            return {"pets": len(owner.pets)}

        with serve(app) as url:
            node = {"name": "a", "edges": [{"to": {"name": "b"}, "weight": 1.5}]}
            answer = httpx.post(f"{url}/nodes", json=node)
            assert answer.status_code == 200, answer.text
            assert answer.json()["edges"][0]["to"]["name"] == "b"
            bad = httpx.post(f"{url}/nodes", json={"name": "a", "edges": [{"weight": -1}]})
            assert bad.status_code == 422
            assert {tuple(e["loc"][-2:]) for e in bad.json()["detail"]} == {
                (0, "to"),
                (0, "weight"),
            }
            pets = {"owner": {"pets": [{"kind": "cat", "lives": 1}, {"kind": "dog"}]}}
            assert httpx.post(f"{url}/owners", json=pets).json() == {"pets": 2}
            cow = {"owner": {"pets": [{"kind": "cow"}]}}
            assert httpx.post(f"{url}/owners", json=cow).status_code == 422


def test_first_use_builds_what_a_model_names_first_and_only_that(tmp_path: Path) -> None:
    """Each class is built once and reused by the classes naming it (an adapter over an
    unbuilt class would build a private copy of everything it reaches, again and again)."""
    src = _render(tmp_path, "order_models")
    with imported(src, "order_models") as package:
        m = package.models
        m.Node.model_validate({"name": "a"})
        assert m.Node.__pydantic_complete__ and m.Edge.__pydantic_complete__
        assert not m.Owner.__pydantic_complete__ and not m.Tree.__pydantic_complete__
        response = importlib.import_module("order_models._runtime._response")
        adapter = response.AdapterCache().get(list[m.Owner] | m.Tree)
        assert adapter.validate_python([{"pets": [{"kind": "dog"}]}])[0].pets[0].good is True
        built = {c.__name__ for c in _object_models(package) if c.__pydantic_complete__}
        assert {"Owner", "Cat", "Dog", "Tree", "Node", "Edge"} <= built
        assert not {"Strict", "Account", "Robot", "Admin"} & built
        # Any adapter, and any class naming an unbuilt one, builds it (to reuse it) first.
        pydantic.TypeAdapter(dict[str, m.Strict])
        assert m.Strict.__pydantic_complete__ and not m.Account.__pydantic_complete__
        m.Admin.model_validate({"name": "a", "password": "p"})
        assert m.Admin.__pydantic_complete__ and not m.Account.__pydantic_complete__  # a base
