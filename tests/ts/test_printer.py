"""generator.printers.typescript on hand-built model IR: the spellings, and that what it
prints type-checks under --strict together with code using it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ir.types import (
    AnyType,
    EnumMember,
    Field,
    ListOf,
    LiteralOf,
    MapOf,
    ModelClass,
    ModelRef,
    Nullable,
    NullType,
    Primitive,
    UnionOf,
)
from generator.printers.typescript import TypeScriptTypes, doc_comment, print_models
from tests.ts.node import ROOT, needs_node, tsc

STRING = Primitive("string")
TYPES = TypeScriptTypes()


@pytest.mark.parametrize(
    ("expr", "spelled"),
    [
        (Primitive("integer", "int64"), "number"),
        (Primitive("string", "date-time"), "string"),
        (ListOf(UnionOf((STRING, Primitive("number")))), "(string | number)[]"),
        (ListOf(LiteralOf(("a",))), '("a")[]'),
        (MapOf(Nullable(ModelRef("Job"))), "{ [key: string]: Job | null }"),
        (UnionOf((STRING, AnyType())), "unknown"),
        (Nullable(AnyType()), "unknown"),
        (LiteralOf(("x", 1, 2.5, True, None)), '"x" | 1 | 2.5 | true | null'),
        (NullType(), "null"),
        (ListOf(ListOf(STRING)), "string[][]"),
    ],
)
def test_type_spellings(expr: object, spelled: str) -> None:
    assert TYPES.print(expr) == spelled  # type: ignore[arg-type]


def test_doc_comments_are_defused_and_tagged() -> None:
    assert doc_comment("ends */ here") == "/** ends *\\/ here */\n"
    assert doc_comment("", tags=("@deprecated",)) == "/** @deprecated */\n"
    assert doc_comment("a\n\nb", "  ") == "  /**\n   * a\n   *\n   * b\n   */\n"
    assert doc_comment("   ") == ""


MODELS = (
    ModelClass(
        "Animal",
        "object",
        "#/components/schemas/Animal",
        fields=(Field("name", "name", STRING, True), Field("tag", "tag", STRING, False)),
    ),
    # Narrows `name` to a literal: extending Animal would be an error, so its fields are copied.
    ModelClass(
        "Dog",
        "object",
        "#/components/schemas/Dog",
        bases=("Animal",),
        fields=(
            Field("name", "name", LiteralOf(("dog",)), True),
            Field("good-boy", "good_boy", Primitive("boolean"), False, read_only=True),
        ),
    ),
    # Requires what the base leaves optional, with the same type: a plain `extends`.
    ModelClass(
        "Cat",
        "object",
        "#/components/schemas/Cat",
        description="A cat.",
        bases=("Animal",),
        fields=(Field("tag", "tag", STRING, True),),
    ),
    ModelClass(
        "Bag",
        "object",
        "#/components/schemas/Bag",
        fields=(Field("content-type", "content_type", STRING, False),),
        extra_type=Primitive("integer"),
    ),
    ModelClass(
        "Color",
        "enum",
        "#/components/schemas/Color",
        members=(EnumMember("RED", "red"), EnumMember("DARK_BLUE", "dark blue")),
    ),
    ModelClass(
        "Palette",
        "alias",
        "#/components/schemas/Palette",
        root=ListOf(Nullable(ModelRef("Color"))),
        deprecated=True,
    ),
    ModelClass("Empty", "object", "#/components/schemas/Empty"),
    # A base with an index signature the child's field does not fit: copied, signature widened.
    ModelClass(
        "LabelledBag",
        "object",
        "#/components/schemas/LabelledBag",
        bases=("Bag",),
        fields=(Field("label", "label", STRING, True),),
    ),
    ModelClass(
        "Puppy",
        "object",
        "#/components/schemas/Puppy",
        bases=("Dog",),
        fields=(Field("age", "age", Primitive("integer"), False),),
    ),
    # A model named like TypeScript's helper types must not break anything.
    ModelClass("Omit", "object", "#/components/schemas/Omit"),
)


def test_model_declarations() -> None:
    source = print_models(MODELS)
    assert 'export interface Dog {\n  name: "dog";\n' in source
    assert "  tag?: string;\n}" in source.split("export interface Dog")[1]
    assert "export interface Puppy extends Dog {" in source
    assert "export interface Cat extends Animal {" in source
    assert '  "content-type"?: string;\n  [key: string]: number | string | undefined;' in source
    assert 'export type Color = "red" | "dark blue";' in source
    assert "/** @deprecated */\nexport type Palette = (Color | null)[];" in source
    assert "export interface Empty {}" in source
    assert "Set by the server" in source
    labelled = source.split("export interface LabelledBag {\n")[1].split("}\n")[0]
    assert labelled.endswith("  [key: string]: number | string | undefined;\n")


@needs_node
def test_declarations_type_check_with_code_using_them(tmp_path: Path) -> None:
    (tmp_path / "models.ts").write_text(print_models(MODELS), encoding="utf-8")
    (tmp_path / "use.ts").write_text(
        'import type { Bag, Cat, Dog, LabelledBag, Palette, Puppy } from "./models.js";\n'
        'export const dog: Dog = { name: "dog", tag: "t" };\n'
        'export const puppy: Puppy = { name: "dog", age: 1 };\n'
        'export const labelled: LabelledBag = { label: "l", "content-type": "x", n: 2 };\n'
        'export const cat: Cat = { name: "Tom", tag: "required here" };\n'
        'export const bag: Bag = { "content-type": "x", count: 3 };\n'
        'export const palette: Palette = ["red", null, "dark blue"];\n',
        encoding="utf-8",
    )
    (tmp_path / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    options = ["--strict", "--noEmit", "--module", "nodenext", "--target", "es2022"]
    tsc([*options, str(tmp_path / "use.ts")], ROOT)
