"""Diagnostics are values: a stable rule id, a level and a location.

Every stage (load, validate, IR, render, diff) reports problems as `Diagnostic` values;
only the CLI decides how to print them and which exit code they mean.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Diagnostic:
    """One finding, printed like a compiler: `file:line:col: level[rule] pointer: message`."""

    rule: str
    level: Level
    message: str
    file: str
    pointer: str = ""
    line: int | None = None
    col: int | None = None

    def format(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}:{self.col or 1}"
        where = f" {self.pointer}" if self.pointer else ""
        return f"{place}: {self.level.value}[{self.rule}]{where}: {self.message}"

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["level"] = self.level.value
        return data


class SpecError(Exception):
    """A fatal problem with an input document; carries the diagnostic that explains it."""

    def __init__(self, diagnostic: Diagnostic, *more: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic
        self.diagnostics = (diagnostic, *more)


def pointer_escape(token: str | int) -> str:
    text = str(token)
    if "~" in text or "/" in text:
        return text.replace("~", "~0").replace("/", "~1")
    return text


def pointer_join(base: str, *tokens: str | int) -> str:
    """JSON pointer of a child, in the `#/a/b` form used in messages."""
    pointer = base or "#"
    for token in tokens:
        pointer += "/" + pointer_escape(token)
    return pointer


def pointer_split(pointer: str) -> list[str]:
    """The tokens `pointer_join` joined (escaped `~1`/`~0`, never percent-encoded; compare
    `load.pointer_tokens`, which also reads the percent-encoding of `$ref` fragments)."""
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


def errors_in(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.level is Level.ERROR]


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str, str]:
    return (
        diagnostic.file,
        diagnostic.line or 0,
        diagnostic.col or 0,
        diagnostic.rule,
        diagnostic.message,
    )


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in diagnostics], indent=2, sort_keys=True)
