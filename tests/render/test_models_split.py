"""A big API's models as a package of lazily imported modules (render/model_modules.py):
the same classes and behaviour as one `models.py`, each module imported on first use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pydantic
import pytest

from generator.ir.types import ModelClass
from generator.render.model_modules import split_models
from tests.render.helpers import imported, render_into, write_spec
from tests.robustness.support import minimal

REF = "#/components/schemas/"


def ref(name: str) -> dict[str, str]:
    return {"$ref": REF + name}


SCHEMAS: dict[str, Any] = {
    "Pet": {
        "oneOf": [ref("Cat"), ref("Dog")],
        "discriminator": {"propertyName": "kind"},
    },
    "Cat": {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"type": "string", "enum": ["Cat"]}, "owner": ref("Owner")},
    },
    "Dog": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["Dog"]}}},
    # Owner and Cat refer to each other: one module.
    "Owner": {
        "type": "object",
        "properties": {"pets": {"type": "array", "items": ref("Cat")}, "color": ref("Color")},
    },
    "Color": {"type": "string", "enum": ["red", "green"], "default": "red"},
    "Lonely": {"type": "object", "properties": {"x": {"type": "integer"}}},
    "Special": {"allOf": [ref("Lonely"), {"properties": {"y": {"type": "string"}}}]},
}


@pytest.fixture(scope="module")
def split_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("split")
    spec = write_spec(folder, minimal({}, SCHEMAS))
    render_into(spec, folder / "out", "petsplit", split_models_from=1)
    return folder / "out" / "client" / "src"


def test_cycles_and_sole_users_share_a_module(split_package: Path) -> None:
    models = split_package / "petsplit" / "models"
    assert not (split_package / "petsplit" / "models.py").exists()
    where: dict[str, str] = {}
    for module in models.glob("_*.py"):
        for line in module.read_text().splitlines():
            if line.startswith("class "):
                where[line[6:].split("(")[0]] = module.stem
            elif ": TypeAlias = " in line:
                where[line.split(":")[0]] = module.stem
    assert where["Owner"] == where["Cat"]  # a cycle: one module
    assert where["Lonely"] == where["Special"]  # used by Special alone: in its module
    assert where["Color"] == where["Owner"]  # used by Owner alone
    assert where["Special"] != where["Pet"]


def test_a_class_imports_only_what_it_reaches(split_package: Path) -> None:
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from petsplit.models import Special; "
        "print(len([m for m in sys.modules if m.startswith('petsplit.models.')]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(split_package)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "1"  # Special's module (with Lonely), not the pets' one


def test_the_split_models_behave_like_one_module(split_package: Path) -> None:
    with imported(split_package, "petsplit") as package:
        models = package.models
        owner = models.Owner.model_validate({"pets": [{"kind": "Cat"}], "color": "green"})
        assert isinstance(owner.pets[0], models.Cat) and owner.color == models.Color.GREEN
        assert models.Owner().color == models.Color.RED  # an enum default across modules
        special = models.Special(x=1, y="a")
        assert isinstance(special, models.Lonely)
        with pytest.raises(pydantic.ValidationError):
            models.Cat.model_validate({"kind": "Dog"})
        assert set(SCHEMAS) <= set(models.__all__)  # plus hoisted enums (CatKind)
        with pytest.raises(AttributeError):
            _ = models.Missing


def test_the_split_package_passes_mypy_strict(split_package: Path, tmp_path: Path) -> None:
    usage = tmp_path / "usage.py"
    usage.write_text(
        "from petsplit.models import Cat, Owner\n"
        "owner: Owner = Owner(pets=[Cat.model_validate({'kind': 'Cat'})])\n"
        "reveal: list[Cat] | None = owner.pets\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "petsplit",
            str(usage),
        ],
        cwd=split_package,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MYPYPATH": str(split_package)},
    )
    assert done.returncode == 0, done.stdout


def test_groups_come_after_the_groups_they_import() -> None:
    # B and C form a cycle used by A and D: their own module, imported by both.
    a = ModelClass("A", "object", "#/a", references=frozenset({"B"}))
    b = ModelClass("B", "object", "#/b", references=frozenset({"C"}))
    c = ModelClass("C", "object", "#/c", references=frozenset({"B"}))
    d = ModelClass("D", "object", "#/d", references=frozenset({"B", "E"}))
    e = ModelClass("E", "enum", "#/e")  # used by D alone: in D's module
    layout = split_models((a, b, c, d, e))
    groups = [sorted(m.name for m in g.classes) for g in layout.groups]
    assert groups == [["B", "C"], ["A"], ["D", "E"]]
    assert [g.imported for g in layout.groups] == [frozenset(), {"B"}, {"B"}]
