"""Large schema sets are written in parts, one model-generator run per part, on several cores.

datamodel-code-generator is single-threaded and costs a few milliseconds per schema, so a large
API (GitHub's: 2,842 distinct schemas) takes it most of a generation. Each part holds whole
reference closures, so every run sees every schema its classes depend on and writes the same
class for a schema as a run over all of them would (up to the names of the classes the
generator invents, which `join_sources` reconciles); the parts' modules are then joined, each
class kept once. The split depends only on the schemas, never on the number of workers, so the
output is the same however many cores run it.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import count
from typing import Any

# Below this many schemas one run is fast enough, and a second process would cost more than
# it saves (its start-up and the classes both parts share).
SPLIT_FROM = 600
PARTS = 2
REF_PREFIX = "#/components/schemas/"
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def split_schemas(
    schemas: dict[str, Any], parts: int = PARTS, split_from: int = SPLIT_FROM
) -> list[dict[str, Any]]:
    """The schemas as `parts` closed sets (each holds every schema its members refer to),
    balanced by size, with schemas shared between parts kept few. One part when small."""
    if len(schemas) < split_from or parts < 2:
        return [schemas]
    refers = {name: referenced(schema) & schemas.keys() for name, schema in schemas.items()}
    closures = {name: _closure(name, refers) for name in schemas}
    members: list[set[str]] = [set() for _ in range(parts)]
    # Largest closures first: they decide the shape of the parts; small ones fill in.
    for name in sorted(schemas, key=lambda n: (-len(closures[n]), n)):
        closure = closures[name]
        if any(closure <= part for part in members):
            continue
        best = min(range(parts), key=lambda i: (len(members[i] | closure), i))
        members[best] |= closure
    order = list(schemas)
    return [{name: schemas[name] for name in order if name in part} for part in members if part]


def referenced(node: Any) -> set[str]:
    """Names of the component schemas `node` refers to."""
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                found.add(ref[len(REF_PREFIX) :])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _closure(name: str, refers: dict[str, set[str]]) -> frozenset[str]:
    seen: set[str] = set()
    stack = [name]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(refers[current])
    return frozenset(seen)


@dataclass
class _Module:
    """A module being joined: imports by (module, level), definitions by name, other calls."""

    imports: dict[tuple[str, int], dict[str, None]] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)
    invented: set[str] = field(default_factory=set)  # classes no schema is named for
    calls: dict[str, None] = field(default_factory=dict)
    future: bool = False

    def taken(self) -> set[str]:
        imported = {n.split(" as ")[-1] for names in self.imports.values() for n in names}
        return imported | self.definitions.keys()


def join_sources(parts: Sequence[tuple[str, Collection[str]]]) -> tuple[str, set[str]] | None:
    """One module from the parts' modules (each given with the schema names it was made from):
    imports merged, each definition once, in the first part's order then each later part's
    additions, calls (`X.model_rebuild()`) last.

    The generator also writes classes no schema is named for (a nullable enum property, an
    `allOf` field), numbered in the order it meets them, so the same class can have another
    name in another part and one name can mean two classes. A later part's invented names are
    matched to the earlier parts' by comparing the definitions both parts share, token by token,
    and renamed; those it alone has get a fresh name if theirs is taken.

    Returns the module and the names it defines, or None when the parts disagree in any other
    way: the caller then runs the generator once over everything rather than guess.
    """
    joined = _Module()
    for source, schema_names in parts:
        if not _join_part(joined, source, set(schema_names)):
            return None
    head = ["from __future__ import annotations\n"] if joined.future else []
    for (module, level), names in joined.imports.items():
        listed = ", ".join(names)
        head.append(
            f"import {listed}\n" if level == -1 else f"from {'.' * level}{module} import {listed}\n"
        )
    body = [*joined.definitions.values(), *joined.calls]
    source = "".join(head) + "\n\n" + "\n\n".join(text.rstrip("\n") + "\n" for text in body)
    return source, set(joined.definitions)


def _join_part(joined: _Module, source: str, schema_names: set[str]) -> bool:
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    definitions: dict[str, str] = {}
    calls: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            joined.future = True
        elif isinstance(node, ast.ImportFrom):
            names = joined.imports.setdefault((node.module or "", node.level), {})
            names.update(dict.fromkeys(_imported(node)))
        elif isinstance(node, ast.Import):
            joined.imports.setdefault(("", -1), {}).update(dict.fromkeys(_imported(node)))
        else:
            name = _defined_name(node)
            if name is None:
                calls.append(_segment(lines, node))
            else:
                definitions[name] = _segment(lines, node)
    invented = definitions.keys() - schema_names
    renames = _matched_names(joined, definitions, invented)
    if renames is None:
        return False
    taken = joined.taken() | definitions.keys()
    unmatched = sorted(n for n in invented - renames.keys() if n in joined.definitions)
    renames.update(fresh_names(unmatched, taken))
    for name, text in definitions.items():
        final = renames.get(name, name)
        text = _renamed(text, renames)
        if joined.definitions.setdefault(final, text) != text:
            return False
        if name in invented:
            joined.invented.add(final)
    for text in calls:
        joined.calls.setdefault(_renamed(text, renames), None)
    return True


def _matched_names(
    joined: _Module, definitions: dict[str, str], invented: Collection[str]
) -> dict[str, str] | None:
    """Invented names of this part mapped to the joined module's names for the same classes,
    found where definitions both hold differ only in such names. None on any other difference."""
    renames: dict[str, str] = {}
    claimed: set[str] = set()
    # Every definition both hold is compared: even an equal one tells that a name it uses is
    # the same class in both.
    pending = [
        (name, name) for name in definitions if name not in invented and name in joined.definitions
    ]
    while pending:
        mine, theirs = pending.pop()
        if definitions[mine] == joined.definitions[theirs] and not _mentions(
            definitions[mine], invented
        ):
            continue
        ours = _tokens(definitions[mine])
        others = _tokens(joined.definitions[theirs])
        if len(ours) != len(others):
            return None
        for (kind, text), (other_kind, other_text) in zip(ours, others, strict=True):
            if kind != other_kind:
                return None
            if kind != tokenize.NAME or text not in invented:
                if text != other_text:
                    return None
            elif text in renames:
                if renames[text] != other_text:
                    return None
            elif other_text in joined.invented and other_text not in claimed:
                renames[text] = other_text
                claimed.add(other_text)
                pending.append((text, other_text))
            else:
                return None
    return renames


def rename_in_module(source: str, renames: dict[str, str]) -> str:
    """`source` with the names in `renames` replaced wherever they are code (statement by
    statement, so only the statements that mention one are tokenized)."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    pieces: list[str] = []
    done = 0
    for node in tree.body:
        first = _first_line(node) - 1
        pieces.append("".join(lines[done:first]))
        pieces.append(_renamed("".join(lines[first : node.end_lineno]), renames))
        done = node.end_lineno or first
    pieces.append("".join(lines[done:]))
    return "".join(pieces)


def _tokens(text: str) -> list[tuple[int, str]]:
    significant = (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
    return [
        (token.type, token.string)
        for token in tokenize.generate_tokens(io.StringIO(text).readline)
        if token.type not in significant and token.type != tokenize.ENDMARKER
    ]


def _renamed(text: str, renames: dict[str, str]) -> str:
    """`text` with every name token in `renames` replaced (strings and comments untouched)."""
    if not renames or not _mentions(text, renames):
        return text
    lines = text.splitlines(keepends=True)
    spots = [
        token
        for token in tokenize.generate_tokens(io.StringIO(text).readline)
        if token.type == tokenize.NAME and token.string in renames
    ]
    for token in reversed(spots):  # right to left, so earlier columns stay valid
        row, start = token.start
        end = token.end[1]
        line = lines[row - 1]
        lines[row - 1] = line[:start] + renames[token.string] + line[end:]
    return "".join(lines)


def _mentions(text: str, names: Collection[str]) -> bool:
    words = set(_WORD.findall(text))
    return not words.isdisjoint(names)


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    return [f"{a.name} as {a.asname}" if a.asname else a.name for a in node.names]


def bound_names(node: ast.stmt) -> list[str]:
    """The module-level names a statement defines (a class, a function, an assignment)."""
    if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [target.id for target in node.targets if isinstance(target, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def fresh_names(names: Iterable[str], taken: set[str]) -> dict[str, str]:
    """Each name → the first `name1`, `name2`, ... not in `taken` (which grows with them)."""
    renames: dict[str, str] = {}
    for name in names:
        renames[name] = next(f"{name}{n}" for n in count(1) if f"{name}{n}" not in taken)
        taken.add(renames[name])
    return renames


def _defined_name(node: ast.stmt) -> str | None:
    names = bound_names(node)
    return names[0] if len(names) == 1 else None


def _first_line(node: ast.stmt) -> int:
    """The statement's first line, its decorators included (1-based)."""
    decorators: list[ast.expr] = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)])


def _segment(lines: list[str], node: ast.stmt) -> str:
    """The statement's source with its decorators, as written."""
    return "".join(lines[_first_line(node) - 1 : node.end_lineno])
