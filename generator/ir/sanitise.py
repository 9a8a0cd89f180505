"""Sanitising: what the models could not express in a hoisted schema is replaced by something
permissive, each time with a finding.

A named schema's default (copied by the models onto every field referring to it), a default of
a typed string format, a default outside its enum or of another type: dropped. A class that is
only a `$ref` back to itself: typed as Any. Sanitising reads the class itself and, for an enum
default behind a `$ref`, the class it names; with a warm build (`warm`), a class whose
sanitising read only itself is not sanitised again but its warnings replayed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Level, pointer_join
from generator.ir.context import BuildContext
from generator.ir.hoisted import Hoisted
from generator.ir.schema_facts import single_ref
from generator.ir.warm_log import frozen
from generator.openapi import COMPOSITIONS, SCHEMA_PREFIX, VALUE_CHECKS

if TYPE_CHECKING:
    from generator.ir.warm import WarmIR

# String formats the models give a non-str type.
TYPED_STRING_FORMATS = frozenset(
    {
        "date-time",
        "date",
        "time",
        "duration",
        "uuid",
        "uuid1",
        "uuid3",
        "uuid4",
        "uuid5",
        "uri",
        "ipv4",
        "ipv6",
        "ipv4-network",
        "ipv6-network",
        "binary",
        "byte",
        "decimal",
        "hostname",
    }
)


@dataclass
class Sanitiser:
    """Sanitises the hoisted classes not yet sanitised, each once."""

    hoisted: Hoisted
    warm: WarmIR | None = None
    # set when sanitising a class reads another class (see `enum_values`)
    _read_other: bool = field(default=False, init=False)

    # `hoisted`'s, at hand
    ctx: BuildContext = field(init=False)
    schemas: dict[str, dict[str, Any]] = field(init=False)

    def __post_init__(self) -> None:
        self.ctx, self.schemas = self.hoisted.ctx, self.hoisted.schemas

    def run(self) -> None:
        """Replace what would break the models with something permissive, each with a warning,
        in the classes hoisted since the last run (one unit's: see `SchemaHoister.finish_unit`)."""
        fresh = self.hoisted.unsanitised()
        self.hoisted.sanitised.update(fresh)
        warm = self.warm
        # A replayed class whose sanitising read only itself is not sanitised again: its
        # warnings are replayed, in the same place among the others.
        done = {}
        if warm is not None:
            done = {n: r for n in fresh if (r := warm.sanitise_done(n)) is not None}
        before = {n: frozen(self.schemas[n]) for n in fresh if n not in done} if warm else {}
        # aliases read the class they name (before `ref-cycle` empties them)
        aliases = {n for n in fresh if single_ref(self.schemas[n]) is not None} if warm else set()
        for class_name in fresh:
            if class_name in done:
                continue
            if self.alias_target(class_name) is None:
                self.warn_origin(
                    "ref-cycle",
                    f"schema {class_name!r} is only a reference back to itself; typed as Any",
                    class_name,
                )
                self.schemas[class_name] = {}
        for class_name in fresh:
            record = done.get(class_name)
            if record is not None and warm is not None:
                warm.replay_sanitised(record)
                continue
            start = len(self.ctx.diagnostics)
            self._read_other = class_name in aliases
            self.sanitise(class_name)
            if warm is not None:
                warm.sanitised(
                    class_name,
                    before[class_name],
                    self.ctx.diagnostics[start:],
                    not self._read_other,
                )

    def sanitise(self, class_name: str) -> None:
        """Drop the defaults of one class the models cannot apply, each with a finding."""
        schema = self.schemas[class_name]
        if "default" in schema and "enum" not in schema:
            # The model generator copies a named schema's default onto every field that
            # refers to it, as a bare value the field's class type does not accept.
            schema.pop("default")
            self.warn_origin(
                "default-dropped",
                f"the default of named schema {class_name!r} is not applied by the models",
                class_name,
                Level.INFO,
            )
        for where, node in _walk_schema(schema):
            if node.get("format") in TYPED_STRING_FORMATS and "default" in node:
                # The model generator writes such a default as a bare string, which its
                # field type (datetime, UUID, AnyUrl, ...) does not accept.
                node.pop("default")
                self.warn_origin(
                    "default-dropped",
                    f"default at {_where(where)} of {class_name!r} is not applied by the "
                    f"models (format {node['format']!r})",
                    class_name,
                    Level.INFO,
                )
            if "default" in node and not self.default_fits(node):
                node.pop("default")
                self.warn_origin(
                    "default-invalid",
                    f"default at {_where(where)} of {class_name!r} is not one of its enum "
                    "values; dropped",
                    class_name,
                )
            if "default" in node and not _default_fits_type(node):
                # Written as is, it would contradict the field's annotation (a `str`
                # field defaulting to False): mypy and the reader both trip on it.
                # The validator reports the broken default (default-invalid); this
                # only says what the models do about it.
                node.pop("default")
                self.warn_origin(
                    "default-dropped",
                    f"default at {_where(where)} of {class_name!r} is not of type "
                    f"{node['type']!r}; not applied by the models",
                    class_name,
                    Level.INFO,
                )

    def alias_target(self, class_name: str) -> str | None:
        """The schema a pure `$ref` alias chain ends at, or None when the chain is a cycle."""
        seen = {class_name}
        current = class_name
        while True:
            target = single_ref(self.schemas.get(current, {}))
            if target is None:
                return current
            if target in seen:
                return None
            seen.add(target)
            current = target

    def enum_values(self, node: dict[str, Any]) -> list[Any] | None:
        target = single_ref(node)
        if target is not None:
            self._read_other = True
            resolved = self.alias_target(target)
            node = self.schemas.get(resolved, {}) if resolved else {}
        values = node.get("enum")
        return values if isinstance(values, list) else None

    def default_fits(self, node: dict[str, Any]) -> bool:
        values = self.enum_values(node)
        return values is None or node["default"] in values

    def warn_origin(
        self, rule: str, message: str, class_name: str, level: Level = Level.WARNING
    ) -> None:
        pointer = self.hoisted.origins.get(class_name, SCHEMA_PREFIX + class_name)
        self.ctx.warn(rule, message, pointer, level=level)


def _default_fits_type(node: dict[str, Any]) -> bool:
    declared, value = node.get("type"), node["default"]
    if not isinstance(declared, str) or value is None:
        return True
    check = VALUE_CHECKS.get(declared)
    return check is None or check(value)


def _walk_schema(schema: dict[str, Any]) -> Iterable[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every sub-schema of a transformed schema with its path from it, as tokens (iteratively;
    a pointer is only written for a warning: see `_where`)."""
    stack: list[tuple[tuple[str | int, ...], dict[str, Any]]] = [((), schema)]
    while stack:
        where, node = stack.pop()
        yield where, node
        for key, value in node.items():
            if key in ("properties", "patternProperties") and isinstance(value, dict):
                stack.extend(
                    ((*where, key, name), sub)
                    for name, sub in value.items()
                    if isinstance(sub, dict)
                )
            elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
                stack.append(((*where, key), value))
            elif key in (*COMPOSITIONS, "prefixItems") and isinstance(value, list):
                stack.extend(
                    ((*where, key, i), sub) for i, sub in enumerate(value) if isinstance(sub, dict)
                )


def _where(tokens: tuple[str | int, ...]) -> str:
    """A sub-schema's pointer relative to its class, as warnings show it."""
    return pointer_join("", *tokens) if tokens else "/"
