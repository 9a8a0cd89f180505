"""Data for `--prove` calls that only the diff needs: a spec's example with the properties
the revision forbids taken out, and a change's route read from its human path. Values
themselves come from the witness engine (`generator.witness`).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from generator.values.schema import Schemas

Path = tuple[str, ...]  # property names and "[]" for array items


_UNEXPECTED = re.compile(r"Additional properties are not allowed \((.*) (?:was|were) unexpected\)")


def repaired(schemas: Schemas, schema: Any, value: Any) -> Any:
    """An example with the properties its schema forbids taken out: a spec's example that
    still carries a field the revision dropped is otherwise the best data there is."""
    value = copy.deepcopy(value)
    for _ in range(16):
        changed = False
        for error in schemas.errors(value, schema):
            where, _, message = error.partition(": ")
            found = _UNEXPECTED.search(message)
            if found is None:
                continue
            target = value
            for token in [] if where == "(root)" else where.split("/"):
                target = target[int(token)] if isinstance(target, list) else target.get(token)
            for name in re.findall(r"'([^']*)'", found.group(1)):
                if isinstance(target, dict) and name in target:
                    del target[name]
                    changed = True
        if not changed:
            return value
    return value


def route(path: str) -> Path:
    """`.jobs[].state` → ("jobs", "[]", "state"), the form `variants` uses."""
    tokens: list[str] = []
    for part in path.lstrip(".").split("."):
        if not part:
            continue
        name = part
        while name.endswith("[]"):
            name = name[:-2]
        if name and not name.startswith(("oneOf[", "anyOf[", "(")):
            tokens.append(name)
        tokens.extend("[]" for _ in range((len(part) - len(name)) // 2))
    return tuple(tokens)
