"""Python spellings of `TypeExpr`.

Two vocabularies, because two kinds of module read them:

- `signature`: what the client and server modules write in method signatures. Only builtins,
  `Any` and the model classes (objects and enums); a named alias is written out (`list[Job]`,
  not `JobList`), so those modules import nothing but the classes.
- `ModelTypes.annotation`: what `models.py` writes: formats as their Python types
  (`datetime`, `UUID`), constraints as `Annotated[..., Field(...)]`, literals, discriminated
  unions, and aliases by name. It records the imports the module needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from generator.ir.types import (
    AnyType,
    Constraints,
    ListOf,
    LiteralOf,
    MapOf,
    ModelKind,
    ModelRef,
    Nullable,
    NullType,
    Primitive,
    TypeExpr,
    UnionOf,
)

_BUILTINS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
# format → (module, name) of the Python type the models use; other formats stay plain.
# uri/email/ip formats stay `str`: pydantic's URL type rewrites values (a trailing slash) and
# its email type needs an extra dependency; a client must send what it was given.
# The modules are imported under private names (`import datetime as _dt`): a field may well be
# called `date` or `uuid`, and pydantic evaluates annotations where field names are bound.
_FORMATS: dict[str, tuple[str, str]] = {
    # The runtime's AwareDatetime: always timezone-aware; a naive value in a response is read
    # as UTC, while a request built from a naive string is refused (as pydantic's would be).
    "date-time": ("._runtime", "AwareDatetime"),
    "date": ("datetime as _dt", "_dt.date"),
    "time": ("datetime as _dt", "_dt.time"),
    "duration": ("datetime as _dt", "_dt.timedelta"),
    "uuid": ("uuid as _uuid", "_uuid.UUID"),
    "binary": ("", "bytes"),
}
_MAX_DEPTH = 48
# pydantic v2 spells the array keywords as lengths.
_PYDANTIC_NAMES = {
    "min_items": "min_length",
    "max_items": "max_length",
    "exclusive_minimum": "gt",
    "exclusive_maximum": "lt",
    "minimum": "ge",
    "maximum": "le",
}

KindOf = Callable[[str], ModelKind]
RootOf = Callable[[str], TypeExpr]


@dataclass(frozen=True)
class SignatureTypes:
    """The plain spelling used in client and server signatures (see the module docstring)."""

    kind_of: KindOf
    root_of: RootOf  # an alias's type, to write it out

    def signature(self, expr: TypeExpr) -> str:
        return self._print(expr, 0)

    def classes(self, expr: TypeExpr) -> tuple[str, ...]:
        """The model classes `signature(expr)` names, in order of appearance."""
        found: list[str] = []
        self._classes(expr, found, 0)
        return tuple(dict.fromkeys(found))

    def _print(self, expr: TypeExpr, depth: int) -> str:
        if depth > _MAX_DEPTH:
            return "Any"
        if isinstance(expr, ModelRef):
            if self.kind_of(expr.name) == "alias":
                return self._print(self.root_of(expr.name), depth + 1)
            return expr.name
        if isinstance(expr, Primitive):
            return "bytes" if expr.format == "binary" else _BUILTINS[expr.kind]
        if isinstance(expr, ListOf):
            return f"list[{self._print(expr.item, depth + 1)}]"
        if isinstance(expr, MapOf):
            return f"dict[str, {self._print(expr.value, depth + 1)}]"
        if isinstance(expr, Nullable):
            inner = self._print(expr.inner, depth + 1)
            return inner if inner == "Any" or inner.endswith("| None") else f"{inner} | None"
        if isinstance(expr, UnionOf):
            parts = list(dict.fromkeys(self._print(o, depth + 1) for o in expr.options))
            return "Any" if "Any" in parts else " | ".join(parts)
        if isinstance(expr, LiteralOf):
            return _literal_base(expr.values)
        if isinstance(expr, NullType):
            return "None"
        return "Any"

    def _classes(self, expr: TypeExpr, found: list[str], depth: int) -> None:
        if depth > _MAX_DEPTH:
            return
        if isinstance(expr, ModelRef):
            if self.kind_of(expr.name) == "alias":
                self._classes(self.root_of(expr.name), found, depth + 1)
            else:
                found.append(expr.name)
        elif isinstance(expr, ListOf):
            self._classes(expr.item, found, depth + 1)
        elif isinstance(expr, MapOf):
            self._classes(expr.value, found, depth + 1)
        elif isinstance(expr, Nullable):
            self._classes(expr.inner, found, depth + 1)
        elif isinstance(expr, UnionOf):
            # A union with an `Any` member prints as `Any` (and names no class); one whose
            # member is `dict[str, Any]` still names the other members' classes.
            if self._print(expr, depth) == "Any":
                return
            for option in expr.options:
                self._classes(option, found, depth + 1)


@dataclass
class ModelTypes:
    """The full spelling used in `models.py`, with the imports it needs."""

    imports: set[tuple[str, str]] = field(default_factory=set)

    def annotation(self, expr: TypeExpr, *, files: bool = False) -> str:
        """`files`: in a model a request sends as multipart or form parts, `format: binary` is
        the runtime's `File` (bytes, a path, a file object or a tuple), else `bytes`."""
        return self._print(expr, files)

    def _need(self, module: str, name: str) -> str:
        """Record the import `name` needs: `from module import name` (`"File as _File"`: under
        the name after `as`), or for a module imported whole (`"datetime as _dt"`),
        `import module` (recorded with an empty name). Returns the name to print."""
        if " as " in module:
            self.imports.add((module, ""))
        elif module:
            self.imports.add((module, name))
        return name.rpartition(" as ")[2]

    def _print(self, expr: TypeExpr, files: bool) -> str:
        if isinstance(expr, ModelRef):
            return expr.name
        if isinstance(expr, Primitive):
            module, name = _FORMATS.get(expr.format or "", ("", _BUILTINS[expr.kind]))
            if files and expr.format == "binary":
                # Under a private name: a spec may well have a schema called `File`.
                module, name = "._runtime", "File as _File"
            if expr.kind != "string":
                module, name = "", _BUILTINS[expr.kind]
            if expr.kind == "integer" and expr.format in ("int32", "int64"):
                # The format bounds the value (a 2**31 in an int32 field is invalid).
                module, name = "._runtime", expr.format.capitalize()
            constraints = expr.constraints
            textual = (constraints.min_length, constraints.max_length, constraints.pattern)
            if name not in ("str", "bytes", "File as _File") and textual != (None, None, None):
                # Lengths and patterns describe the text of a date or a UUID; on the parsed
                # value pydantic refuses them with a TypeError (SendGrid's 36-character UUIDs).
                constraints = replace(constraints, min_length=None, max_length=None, pattern=None)
            printed = self._constrained(self._need(module, name), constraints)
            if not expr.excluded:
                return printed
            self._need("typing", "Annotated")
            refused = self._need("._runtime", "NotOneOf")
            return f"Annotated[{printed}, {refused}({expr.excluded!r})]"
        if isinstance(expr, ListOf):
            listed = self._constrained(f"list[{self._print(expr.item, files)}]", expr.constraints)
            if not expr.unique:
                return listed
            self._need("typing", "Annotated")
            return f"Annotated[{listed}, {self._need('._runtime', 'UniqueItems')}]"
        if isinstance(expr, MapOf):
            return f"dict[str, {self._print(expr.value, files)}]"
        if isinstance(expr, Nullable):
            inner = self._print(expr.inner, files)
            return inner if inner == "Any" else f"{inner} | None"
        if isinstance(expr, UnionOf):
            return self._union(expr, files)
        if isinstance(expr, LiteralOf):
            if any(isinstance(v, float) for v in expr.values):
                return _literal_base(expr.values)  # typing has no float literals
            self._need("typing", "Literal")
            return f"Literal[{', '.join(repr(v) for v in expr.values)}]"
        if isinstance(expr, NullType):
            return "None"
        assert isinstance(expr, AnyType)
        return self._need("typing", "Any")

    def _union(self, expr: UnionOf, files: bool) -> str:
        if expr.discriminator is None or not expr.mapping:
            parts = list(dict.fromkeys(self._print(o, files) for o in expr.options))
            return "Any" if "Any" in parts else " | ".join(parts)
        self._need("typing", "Annotated")
        self._need("pydantic", "Tag")
        self._need("pydantic", "Discriminator")
        self.imports.add(("._runtime._discriminator", "discriminate"))
        names = [o.name for o in expr.options if isinstance(o, ModelRef)]
        options = " | ".join(f"Annotated[{n}, Tag({n!r})]" for n in names)
        mapping = ", ".join(f"{tag!r}: {name!r}" for tag, name in expr.mapping)
        pick = f"discriminate({expr.discriminator!r}, {{{mapping}}})"
        return f"Annotated[{options}, Discriminator({pick})]"

    def _constrained(self, text: str, constraints: Constraints) -> str:
        if not constraints:
            return text
        self._need("typing", "Annotated")
        self._need("pydantic", "Field")
        arguments = ", ".join(
            f"{_PYDANTIC_NAMES.get(k, k)}={_number(v)}" for k, v in constraints.items()
        )
        return f"Annotated[{text}, Field({arguments})]"


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return repr(int(value))
    return repr(value)


def _literal_base(values: Iterable[object]) -> str:
    names = list(
        dict.fromkeys(
            "bool"
            if isinstance(v, bool)
            else "int"
            if isinstance(v, int)
            else "float"
            if isinstance(v, float)
            else "str"
            for v in values
        )
    )
    if names == ["int", "float"] or names == ["float", "int"]:
        return "float"
    return " | ".join(names) if names else "Any"
