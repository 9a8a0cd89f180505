"""Class name suffixes of the inline members of a `oneOf`/`anyOf`, from what tells each member
apart from the others."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.naming.casing import pascal, words

_TYPE_WORDS = {
    "string": "String",
    "integer": "Integer",
    "number": "Number",
    "boolean": "Boolean",
    "array": "List",
    "object": "Object",
    "null": "Null",
}


def member_suffixes(members: list[Any]) -> list[str]:
    """The class name suffix of each inline `oneOf`/`anyOf` member, from what tells it apart:
    its discriminant (a property with one `const` or `enum` value: `Milestone`), its `title`,
    a property no other member has (`WithEmail`), its type (`String`); `Option<n>` when none
    is unique among the members."""
    props = [_properties(m) for m in members]

    def title(i: int) -> str:
        member = members[i]
        return _suffix(str(member.get("title") or "")) if isinstance(member, dict) else ""

    def type_word(i: int) -> str:
        member = members[i]
        return _TYPE_WORDS.get(str(member.get("type")), "") if isinstance(member, dict) else ""

    strategies: tuple[Callable[[int], str], ...] = (
        lambda i: _discriminant(props[i]),
        title,
        lambda i: _own_property(props, i),
        type_word,
    )
    chosen = [""] * len(members)
    for strategy in strategies:
        for i in range(len(members)):
            if not chosen[i]:
                chosen[i] = strategy(i)
        counts: dict[str, int] = {}
        for name in chosen:
            counts[name] = counts.get(name, 0) + 1
        chosen = [name if name and counts[name] == 1 else "" for name in chosen]
    return [name or f"Option{i + 1}" for i, name in enumerate(chosen)]


def _suffix(text: str) -> str:
    """`text` as a class name suffix, or "" when it has no words."""
    return pascal(text, fallback="Member") if words(text) else ""


def _properties(member: Any) -> dict[str, Any]:
    if not isinstance(member, dict):
        return {}
    found = member.get("properties")
    return found if isinstance(found, dict) else {}


def _discriminant(props: dict[str, Any]) -> str:
    for sub in props.values():
        if not isinstance(sub, dict):
            continue
        values = [sub["const"]] if "const" in sub else sub.get("enum")
        if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
            return _suffix(values[0])
    return ""


def _own_property(props: list[dict[str, Any]], index: int) -> str:
    others = {name for i, p in enumerate(props) if i != index for name in p}
    own = [name for name in props[index] if name not in others]
    return "With" + _suffix(str(own[0])) if own and words(str(own[0])) else ""
