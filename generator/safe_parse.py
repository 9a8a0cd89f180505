"""Parsing untrusted YAML or JSON text into JSON data, refusing what would crash the parser or
exhaust memory: YAML alias bombs and self-referencing aliases, pathological nesting, keys that
are not plain strings. Every refusal is a `SpecError` naming the file (and the place, when the
parser knows it).

Apart from `load`, which reads the file, keeps the text for positions and resolves `$ref`s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Level, SpecError

MAX_DEPTH = 256
# A bomb expands a few hundred bytes of anchors into billions of nodes; real specs stay far below.
MAX_EXPANDED_NODES = 20_000_000
# Block nesting costs at least one column per level (indentation, or compact `- `/`? `
# indicators, possibly with anchors and tags), so a line starting with thousands of them is
# the only way to nest deeply without brackets; libyaml would overflow the C stack on it.
_DEEP_BLOCK = re.compile(rb"(?m)^(?:[ \t]|[-?:][ \t]|[&!][^ \t\r\n]*[ \t]){2048,}")
_BRACKETS = re.compile(rb"[\[\]{}]")


class _SpecLoader(yaml.CSafeLoader):
    """Safe YAML that yields JSON data model values, as OpenAPI documents mean them.

    Mapping keys keep their source text (`200:` is the status code "200", `on:` a property
    named "on"), and timestamps stay strings (`example: 2024-01-31` is a date *string*).
    """


def _construct_map(loader: _SpecLoader, node: yaml.MappingNode) -> Iterator[dict[str, Any]]:
    data: dict[str, Any] = {}
    yield data  # yielded first so aliases to an enclosing mapping can refer to it
    # Keys merged in with `<<` may be overridden on purpose; written-out keys may not.
    written: dict[str, Any] = {}
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            first = written.setdefault(key_node.value, key_node)
            if first is not key_node:
                duplicates = getattr(loader, "duplicates", None)
                if duplicates is not None:
                    duplicates.append((data, key_node.value, first.start_mark, key_node.start_mark))
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "mapping keys must be plain strings", key_node.start_mark
            )
        data[key_node.value] = loader.construct_object(value_node, deep=False)


def _construct_pairs(loader: _SpecLoader, node: yaml.SequenceNode) -> list[Any]:
    # !!omap and !!pairs would build tuples, which are not JSON; keep them as mappings.
    return [loader.construct_object(item, deep=True) for item in node.value]


_SpecLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)


def _construct_text(loader: _SpecLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_SpecLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_text)
_SpecLoader.add_constructor("tag:yaml.org,2002:binary", _construct_text)
_SpecLoader.add_constructor("tag:yaml.org,2002:omap", _construct_pairs)
_SpecLoader.add_constructor("tag:yaml.org,2002:pairs", _construct_pairs)
_SpecLoader.add_constructor("tag:yaml.org,2002:set", _construct_map)


def fail(
    rule: str, message: str, file: str, line: int | None = None, col: int | None = None
) -> SpecError:
    """The refusal of a document: an error-level finding with its rule, at its place."""
    return SpecError(Diagnostic(rule, Level.ERROR, message, file, "", line, col))


def parse_json(text: str, shown: str, duplicates: list[tuple[Any, str, Any, Any]] | None) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        assert duplicates is not None
        mapping = dict(items)
        if len(mapping) != len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    duplicates.append((mapping, key, None, None))
                seen.add(key)
        return mapping

    try:
        return json.loads(text, object_pairs_hook=pairs if duplicates is not None else None)
    except json.JSONDecodeError as exc:
        raise fail("syntax", f"invalid JSON: {exc.msg}", shown, exc.lineno, exc.colno) from None
    except RecursionError:
        raise fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", shown) from None


def parse_yaml(
    raw: bytes, text: str, shown: str, duplicates: list[tuple[Any, str, Any, Any]]
) -> Any:
    # libyaml's composer recurses natively and can crash the interpreter on deep nesting,
    # so the depth is bounded from the raw text before it ever sees the document.
    if _DEEP_BLOCK.search(raw) or _max_flow_depth(raw) > MAX_DEPTH:
        raise fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", shown)
    try:
        loader = _SpecLoader(text)
        loader.duplicates = duplicates  # type: ignore[attr-defined]
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        reason = exc.problem or str(exc)
        raise fail("syntax", f"invalid YAML: {reason}", shown, line, col) from None
    except yaml.YAMLError as exc:
        raise fail("syntax", f"invalid YAML: {exc}", shown) from None
    except RecursionError:
        raise fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", shown) from None


def _max_flow_depth(raw: bytes) -> int:
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return 0
    depth = deepest = 0
    for match in _BRACKETS.finditer(raw):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def check_depth(data: Any, shown: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, one level at a time (no recursion)."""
    level, depth = [data], 1
    while level:
        if depth > MAX_DEPTH:
            raise fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", shown)
        level = [
            child
            for node in level
            for child in (node.values() if type(node) is dict else node)
            if type(child) is dict or type(child) is list
        ]
        depth += 1


def check_shape(data: Any, shown: str) -> None:
    """Refuse alias bombs, self-referencing aliases and deep nesting without recursion.

    YAML aliases load as shared objects, so a bomb costs nothing until something walks it;
    the expanded size is computed once per shared object (memoised), in linear time.
    """
    expanded: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[tuple[Any, int, bool]] = [(data, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_stack.discard(key)
            children = node.values() if isinstance(node, dict) else node
            size = 1 + sum(expanded.get(id(c), 1) for c in children)
            expanded[key] = size
            if size > MAX_EXPANDED_NODES:
                raise fail("alias-bomb", "aliases expand to more than 20 million nodes", shown)
            continue
        if key in expanded:
            continue
        if key in on_stack:
            raise fail("recursive-alias", "a YAML alias refers to its own ancestor", shown)
        if depth > MAX_DEPTH:
            raise fail("too-deep", f"nesting deeper than {MAX_DEPTH} levels", shown)
        on_stack.add(key)
        stack.append((node, depth, True))
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1, False))
