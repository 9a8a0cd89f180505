"""The part of JSONPath (RFC 9535) that overlays use, over JSON-like Python data.

Supported: `$`, `.name`, `['name']` / `["name"]`, `[0]` / `[-1]`, `*` / `[*]`, `..` (descendants),
unions `['a','b']`, and filters `[?@.a.b == 'x']` with `== != < <= > >=`, existence `[?@.a]`,
negation `!`, `&&`, `||` and parentheses. Anything else is a `JsonPathError` naming the column,
so an overlay never silently selects nothing because of syntax we do not read.

Each match is returned as (parent, key) so that overlays can replace or remove it in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

Match = tuple[Any, Any]  # (container, key or index); the root is (None, None)
_NAME = re.compile(r"[A-Za-z_\-$\u0080-\U0010ffff][A-Za-z0-9_\-$\u0080-\U0010ffff]*")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_COMPARISON = re.compile(r"==|!=|<=|>=|<|>")


class JsonPathError(ValueError):
    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"{message} (at column {column})")
        self.column = column


@dataclass(frozen=True)
class _Step:
    select: Callable[[Any, Any], Iterator[Match]]
    descendants: bool = False


def select(expression: str, document: Any) -> list[Match]:
    """Every (parent, key) the expression selects in `document`, in document order."""
    matches = select_from(_Parser(expression).path(), document)
    unique: dict[tuple[int, Any], Match] = {}
    for parent, key in matches:
        unique.setdefault((id(parent), key), (parent, key))
    return list(unique.values())


def _descend(value: Any) -> Iterator[Any]:
    """The value and every container below it, in document order (the `..` segment)."""
    stack = [value]
    while stack:
        node = stack.pop()
        yield node
        children = (
            node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        )
        stack.extend(reversed([c for c in children if isinstance(c, dict | list)]))


def _children(value: Any) -> Iterator[Match]:
    if isinstance(value, dict):
        yield from ((value, k) for k in value)
    elif isinstance(value, list):
        yield from ((value, i) for i in range(len(value)))


def _name(name: str) -> Callable[[Any, Any], Iterator[Match]]:
    def pick(value: Any, root: Any) -> Iterator[Match]:
        if isinstance(value, dict) and name in value:
            yield value, name

    return pick


def _index(index: int) -> Callable[[Any, Any], Iterator[Match]]:
    def pick(value: Any, root: Any) -> Iterator[Match]:
        if isinstance(value, list) and -len(value) <= index < len(value):
            yield value, index % len(value)

    return pick


def _wildcard(value: Any, root: Any) -> Iterator[Match]:
    yield from _children(value)


def _union(parts: list[Callable[[Any, Any], Iterator[Match]]]) -> Callable[..., Iterator[Match]]:
    def pick(value: Any, root: Any) -> Iterator[Match]:
        for part in parts:
            yield from part(value, root)

    return pick


def _filter(test: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Iterator[Match]]:
    def pick(value: Any, root: Any) -> Iterator[Match]:
        for parent, key in _children(value):
            if test(parent[key], root):
                yield parent, key

    return pick


_NOTHING = object()  # a query that selects no node (distinct from JSON null)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, message: str) -> JsonPathError:
        return JsonPathError(message, self.pos + 1)

    def skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def eat(self, token: str) -> bool:
        self.skip()
        if self.text.startswith(token, self.pos):
            self.pos += len(token)
            return True
        return False

    def path(self) -> list[_Step]:
        if not self.eat("$"):
            raise self.fail("a JSONPath starts with '$'")
        steps = self.segments()
        self.skip()
        if self.pos != len(self.text):
            raise self.fail(f"unexpected {self.text[self.pos]!r}")
        return steps

    def segments(self) -> list[_Step]:
        steps: list[_Step] = []
        while self.pos < len(self.text):
            if self.text.startswith("..", self.pos):
                self.pos += 2
                if self.text.startswith("[", self.pos):
                    self.pos += 1
                    steps.append(_Step(self.bracket(), descendants=True))
                else:
                    steps.append(_Step(self.dotted(), descendants=True))
            elif self.text.startswith(".", self.pos):
                self.pos += 1
                steps.append(_Step(self.dotted()))
            elif self.text.startswith("[", self.pos):
                self.pos += 1
                steps.append(_Step(self.bracket()))
            else:
                break
        return steps

    def dotted(self) -> Callable[[Any, Any], Iterator[Match]]:
        if self.text.startswith("*", self.pos):
            self.pos += 1
            return _wildcard
        match = _NAME.match(self.text, self.pos)
        if match is None:
            raise self.fail("expected a member name after '.'")
        self.pos = match.end()
        return _name(match.group())

    def bracket(self) -> Callable[[Any, Any], Iterator[Match]]:
        parts = [self.selector()]
        while self.eat(","):
            parts.append(self.selector())
        if not self.eat("]"):
            raise self.fail("expected ']'")
        return parts[0] if len(parts) == 1 else _union(parts)

    def selector(self) -> Callable[[Any, Any], Iterator[Match]]:
        self.skip()
        if self.eat("*"):
            return _wildcard
        if self.eat("?"):
            return _filter(self.logical())
        literal = self.string()
        if literal is not None:
            return _name(literal)
        match = re.compile(r"-?\d+").match(self.text, self.pos)
        if match is not None:
            self.pos = match.end()
            return _index(int(match.group()))
        raise self.fail("expected a name, an index, '*' or a '?' filter")

    def string(self) -> str | None:
        self.skip()
        if self.pos >= len(self.text) or self.text[self.pos] not in "'\"":
            return None
        quote = self.text[self.pos]
        out, index = [], self.pos + 1
        while index < len(self.text) and self.text[index] != quote:
            if self.text[index] == "\\" and index + 1 < len(self.text):
                index += 1
            out.append(self.text[index])
            index += 1
        if index >= len(self.text):
            raise self.fail("unterminated string")
        self.pos = index + 1
        return "".join(out)

    # -- filter expressions --------------------------------------------------------------------

    def logical(self) -> Callable[[Any, Any], bool]:
        tests = [self.conjunction()]
        while self.eat("||"):
            tests.append(self.conjunction())
        return tests[0] if len(tests) == 1 else _any_of(tests)

    def conjunction(self) -> Callable[[Any, Any], bool]:
        tests = [self.basic()]
        while self.eat("&&"):
            tests.append(self.basic())
        return tests[0] if len(tests) == 1 else _all_of(tests)

    def basic(self) -> Callable[[Any, Any], bool]:
        if self.eat("!"):
            inner = self.basic()
            return lambda v, r: not inner(v, r)
        if self.eat("("):
            inner = self.logical()
            if not self.eat(")"):
                raise self.fail("expected ')'")
            return inner
        left = self.operand()
        self.skip()
        match = _COMPARISON.match(self.text, self.pos)
        if match is None:  # an existence test: the query selects something
            return lambda v, r: left(v, r) is not _NOTHING
        self.pos = match.end()
        right = self.operand()
        return _COMPARE[match.group()](left, right)

    def operand(self) -> Callable[[Any, Any], Any]:
        self.skip()
        if self.text.startswith(("@", "$"), self.pos):
            relative = self.text[self.pos] == "@"
            self.pos += 1
            steps = self.segments()
            return lambda v, r: _single(steps, v if relative else r)
        literal = self.string()
        if literal is not None:
            return _constant(literal)
        for word, value in (("true", True), ("false", False), ("null", None)):
            if self.eat(word):
                return _constant(value)
        match = _NUMBER.match(self.text, self.pos)
        if match is not None:
            self.pos = match.end()
            number = float(match.group()) if "." in match.group() else int(match.group())
            return _constant(number)
        raise self.fail("expected '@', '$', a string, a number, true, false or null")


def _constant(value: Any) -> Callable[[Any, Any], Any]:
    return lambda current, root: value


def _any_of(tests: list[Callable[[Any, Any], bool]]) -> Callable[[Any, Any], bool]:
    return lambda current, root: any(test(current, root) for test in tests)


def _all_of(tests: list[Callable[[Any, Any], bool]]) -> Callable[[Any, Any], bool]:
    return lambda current, root: all(test(current, root) for test in tests)


def _single(steps: list[_Step], value: Any) -> Any:
    matches = select_from(steps, value)
    if len(matches) != 1:
        return _NOTHING
    parent, key = matches[0]
    return value if parent is None else parent[key]


def select_from(steps: list[_Step], document: Any) -> list[Match]:
    nodes: list[Match] = [(None, None)]
    for step in steps:
        found: list[Match] = []
        for parent, key in nodes:
            current = document if parent is None else parent[key]
            for start in _descend(current) if step.descendants else [current]:
                found.extend(step.select(start, document))
        nodes = found
    return nodes


def _equal(a: Any, b: Any) -> bool:
    if a is _NOTHING or b is _NOTHING:
        return a is b
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    return bool(a == b)


def _less(a: Any, b: Any) -> bool:
    numbers = all(isinstance(x, int | float) and not isinstance(x, bool) for x in (a, b))
    strings = isinstance(a, str) and isinstance(b, str)
    return bool(a < b) if numbers or strings else False


Operand = Callable[[Any, Any], Any]
_COMPARE: dict[str, Callable[[Operand, Operand], Callable[[Any, Any], bool]]] = {
    "==": lambda x, y: lambda v, r: _equal(x(v, r), y(v, r)),
    "!=": lambda x, y: lambda v, r: not _equal(x(v, r), y(v, r)),
    "<": lambda x, y: lambda v, r: _less(x(v, r), y(v, r)),
    ">": lambda x, y: lambda v, r: _less(y(v, r), x(v, r)),
    "<=": lambda x, y: lambda v, r: _less(x(v, r), y(v, r)) or _equal(x(v, r), y(v, r)),
    ">=": lambda x, y: lambda v, r: _less(y(v, r), x(v, r)) or _equal(x(v, r), y(v, r)),
}
