"""Where in the spec a finding points: `file:line:col` of the piece a response or a refused
request was judged against.

Works on the documents as written (the IR's schemas are rewritten and hoisted), following
`$ref`s across files with the loader's one resolver, so a violated property is named where
its author wrote it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.cursor import Cursor, RefChainError, follow
from generator.diagnostics import pointer_join, pointer_split
from generator.load import SpecSet

# A node of one document with where it is written: the `$ref` follower's own cursor.
Place = Cursor


def where(place: Place) -> str:
    """`file:line:col` of `place` (the file alone when its position is unknown)."""
    line, col = place.document.locate(place.pointer)
    if line is None:
        return place.document.display
    return f"{place.document.display}:{line}:{col or 1}"


@dataclass(frozen=True)
class Source:
    """The spec as written, for locating and for reading what the IR does not keep
    (examples, `links`, declared media types)."""

    spec: SpecSet

    def root(self) -> Place:
        return Place(self.spec.root.data, self.spec.root, "#")

    def deref(self, place: Place) -> Place:
        """`place` itself, or where its `$ref` chain ends (`place` when the chain is broken:
        a finding still names the reference)."""
        try:
            return follow(self.spec, place)
        except RefChainError:
            return place

    def child(self, place: Place, token: str | int) -> Place | None:
        node = self.deref(place)
        value = node.value
        if isinstance(value, dict) and str(token) in value:
            return Place(value[str(token)], node.document, pointer_join(node.pointer, str(token)))
        if isinstance(value, list) and isinstance(token, int) and 0 <= token < len(value):
            return Place(value[token], node.document, pointer_join(node.pointer, token))
        return None

    def walk(self, place: Place, tokens: Iterable[str | int]) -> Place:
        """The deepest node reachable from `place` along `tokens` (refs followed)."""
        for token in tokens:
            found = self.child(place, token)
            if found is None:
                return place
            place = found
        return place

    def at(self, pointer: str, *more: str | int) -> Place:
        """The deepest node on the way to the root document's `pointer` and `more` tokens."""
        return self.walk(self.root(), [*pointer_split(pointer), *more])

    def value(self, pointer: str, *more: str | int) -> Any:
        """The value at the pointer (refs followed), or None when it is not there."""
        place = self.root()
        for token in [*pointer_split(pointer), *more]:
            found = self.child(place, token)
            if found is None:
                return None
            place = found
        return self.deref(place).value

    def in_schema(self, schema: Place, instance: Iterable[str | int]) -> Place:
        """The subschema of `schema` that describes the instance path (a property, an item),
        looking through `allOf`/`oneOf`/`anyOf`; the deepest one found."""
        place = self.deref(schema)
        for token in instance:
            found = self._sub(place, token, 0)
            if found is None:
                return place
            place = self.deref(found)
        return place

    def _sub(self, schema: Place, token: str | int, depth: int) -> Place | None:
        if depth > 8:
            return None
        schema = self.deref(schema)
        value = schema.value
        if not isinstance(value, dict):
            return None
        if isinstance(token, int) or str(token).isdigit():
            items = self.child(schema, "items")
            if items is not None:
                return items
        properties = self.child(schema, "properties")
        if properties is not None and isinstance(properties.value, dict):
            found = self.child(properties, str(token))
            if found is not None:
                return found
        for key in ("allOf", "oneOf", "anyOf"):
            members = self.child(schema, key)
            if members is None or not isinstance(members.value, list):
                continue
            for index in range(len(members.value)):
                member = self.child(members, index)
                hit = self._sub(member, token, depth + 1) if member else None
                if hit is not None:
                    return hit
        return None
