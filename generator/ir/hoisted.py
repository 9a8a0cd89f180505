"""What hoisting has decided so far in one IR build: the class names taken, which schema got
which class, the hoisted schemas with their origins, which of them are final (sanitised), and
what the class builds and recorded units read.

A leaf shared by the hoister (`schemas`), which fills it, the sanitiser (`sanitise`) and the
warm replay (`warm`), which reads and restores it. It is the only thing they share, so the
warm replay can be made before the hoister and handed to it (no import cycle, no attribute
set after construction).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from generator.incremental import Run
from generator.ir.context import BuildContext
from generator.ir.warm_log import UnitLog


@dataclass
class Hoisted:
    """The mutable state of the schema part of one build."""

    ctx: BuildContext
    class_names: set[str] = field(default_factory=set)
    # (document path, pointer) of a named schema → its class name
    named: dict[tuple[str, str], str] = field(default_factory=dict)
    # class name → its schema, with `$ref`s renamed to classes (only ever added to)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    # class name → the pointer it was hoisted from
    origins: dict[str, str] = field(default_factory=dict)
    # classes sanitised: final from then on (see `sanitise`)
    sanitised: set[str] = field(default_factory=set)
    # the run whose trace records what the class builds (and the unit being recorded) read
    # (see `class_cache`); an inactive one (no store) records nothing
    run: Run = field(default_factory=lambda: Run(None))
    # the unit being built fresh for a later replay (see `warm`)
    log: UnitLog | None = None

    def unsanitised(self) -> list[str]:
        """The classes hoisted since the last sanitising, in order. They are the last ones
        added: classes are only added, and a sanitising takes every class there is."""
        count = len(self.schemas) - len(self.sanitised)
        newest = list(islice(reversed(self.schemas), count))
        newest.reverse()
        return newest
