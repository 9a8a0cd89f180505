"""An OData-style `$filter`: parse once, evaluate against JSON resources.

Grammar (keywords case-insensitive)::

    expr    := term ("or" term)*
    term    := factor ("and" factor)*
    factor  := "not" factor | "(" expr ")" | NAME OP value | NAME "in" "(" value ("," value)* ")"
    OP      := eq | ne | lt | le | gt | ge
    value   := 'quoted string' ('' escapes a quote) | bare token (GUID, date-time, number,
               true, false, null, word)

A property is a top-level property of the resource, or `<name>Id` for the `id`s of the items of an
array called `<name>s` anywhere in the resource (`inputId` → `inputs[].id`,
`outputId` → `jobSettings.outputs[].id`). Such multi-valued properties match when any value does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

COMPARISONS = ("eq", "ne", "lt", "le", "gt", "ge")
_TOKEN = re.compile(r"\s*(?:(?P<quoted>'(?:[^']|'')*')|(?P<punct>[(),])|(?P<bare>[^\s(),']+))")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")


class FilterError(ValueError):
    """The filter text is not valid; the message says where."""


@dataclass(frozen=True)
class Literal:
    text: str
    quoted: bool


@dataclass(frozen=True)
class Compare:
    name: str
    op: str
    value: Literal


@dataclass(frozen=True)
class In:
    name: str
    values: tuple[Literal, ...]


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class BoolOp:
    op: str  # and | or
    left: Node
    right: Node


Node = Compare | In | Not | BoolOp
# name → every value it has in one resource (several for derived `<name>Id` properties)
Accessor = Callable[[Mapping[str, Any]], list[Any]]


@dataclass(frozen=True)
class _Token:
    kind: str  # quoted | punct | bare | end
    text: str
    position: int


def _tokens(text: str) -> list[_Token]:
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            if text[position:].strip():
                raise FilterError(f"unexpected character at position {position + 1}")
            break
        kind = match.lastgroup or "bare"
        tokens.append(_Token(kind, match.group(kind), match.start(kind)))
        position = match.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


@dataclass
class _Parser:
    """Recursive descent over the token list (its only state is the cursor)."""

    tokens: list[_Token]
    index: int = 0

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def keyword(self, *words: str) -> str | None:
        token = self.peek()
        if token.kind == "bare" and token.text.lower() in words:
            self.index += 1
            return token.text.lower()
        return None

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            raise FilterError(f"expected {text!r} at position {token.position + 1}")

    def expr(self) -> Node:
        node = self.term()
        while self.keyword("or"):
            node = BoolOp("or", node, self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while self.keyword("and"):
            node = BoolOp("and", node, self.factor())
        return node

    def factor(self) -> Node:
        if self.keyword("not"):
            return Not(self.factor())
        if self.peek().text == "(":
            self.take()
            node = self.expr()
            self.expect(")")
            return node
        name = self.take()
        if name.kind != "bare":
            raise FilterError(f"expected a property name at position {name.position + 1}")
        if self.keyword("in"):
            self.expect("(")
            values = [self.value()]
            while self.peek().text == ",":
                self.take()
                values.append(self.value())
            self.expect(")")
            return In(name.text, tuple(values))
        op = self.keyword(*COMPARISONS)
        if op is None:
            token = self.peek()
            found = repr(token.text) if token.text else "the end"
            raise FilterError(
                f"expected an operator ({', '.join(COMPARISONS)}, in) after {name.text!r}, "
                f"found {found} at position {token.position + 1}"
            )
        return Compare(name.text, op, self.value())

    def value(self) -> Literal:
        token = self.take()
        if token.kind == "quoted":
            return Literal(token.text[1:-1].replace("''", "'"), quoted=True)
        if token.kind == "bare":
            return Literal(token.text, quoted=False)
        raise FilterError(f"expected a value at position {token.position + 1}")


def parse(text: str) -> Node:
    """The syntax tree of a filter; raises FilterError with the position of the problem."""
    parser = _Parser(_tokens(text))
    if parser.peek().kind == "end":
        raise FilterError("the filter is empty")
    node = parser.expr()
    token = parser.peek()
    if token.kind != "end":
        raise FilterError(f"unexpected {token.text!r} at position {token.position + 1}")
    return node


def names(node: Node) -> Iterator[str]:
    """Every property name the filter mentions."""
    if isinstance(node, Compare | In):
        yield node.name
    elif isinstance(node, Not):
        yield from names(node.operand)
    else:
        yield from names(node.left)
        yield from names(node.right)


def evaluate(node: Node, resource: Mapping[str, Any], accessors: Mapping[str, Accessor]) -> bool:
    if isinstance(node, BoolOp):
        left = evaluate(node.left, resource, accessors)
        if node.op == "and":
            return left and evaluate(node.right, resource, accessors)
        return left or evaluate(node.right, resource, accessors)
    if isinstance(node, Not):
        return not evaluate(node.operand, resource, accessors)
    values = accessors[node.name](resource)
    if isinstance(node, In):
        return any(_compare(v, "eq", lit) for v in values for lit in node.values)
    if node.op == "ne":
        return not any(_compare(v, "eq", node.value) for v in values)
    return any(_compare(v, node.op, node.value) for v in values)


def _compare(actual: Any, op: str, literal: Literal) -> bool:
    expected = _coerce(actual, literal)
    if expected is _MISMATCH:
        return False
    if isinstance(actual, str) and isinstance(expected, datetime):
        actual = _datetime(actual)
        if actual is None:
            return False
    elif isinstance(actual, str) and isinstance(expected, str) and _GUID.match(actual):
        actual, expected = actual.lower(), expected.lower()
    if op == "eq":
        return bool(actual == expected)
    if actual is None or expected is None:
        return False
    try:
        if op == "lt":
            return bool(actual < expected)
        if op == "le":
            return bool(actual <= expected)
        if op == "gt":
            return bool(actual > expected)
        return bool(actual >= expected)
    except TypeError:
        return False


_MISMATCH = object()


def _coerce(actual: Any, literal: Literal) -> Any:
    """The literal as the type of the value it is compared with."""
    text = literal.text
    if not literal.quoted and text.lower() == "null":
        return None
    if isinstance(actual, bool):
        return {"true": True, "false": False}.get(text.lower(), _MISMATCH)
    if isinstance(actual, int | float):
        return float(text) if _NUMBER.match(text) else _MISMATCH
    if isinstance(actual, str):
        moment = _datetime(text) if _datetime(actual) is not None else None
        return moment if moment is not None else text
    return text


def _datetime(text: str) -> datetime | None:
    if "T" not in text and not re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
