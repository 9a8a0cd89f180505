"""OpenAPI Overlay 1.0: fix or rename parts of a spec you do not own, without editing it.

```yaml
overlay: 1.0.0
info: {title: Our fixes to the vendor spec, version: 1.0.0}
actions:
  - target: $.paths['/pets'].get
    update: {operationId: listPets}
  - target: $.paths.*[?@["x-internal"] == true]
    remove: true
```

Actions apply in order to the loaded spec, before validation and the repair pass. `update` on an
object merges recursively (objects merge, arrays concatenate, scalars are replaced; an object
meeting a scalar is an error, as the specification says); on an array it appends the value.
`remove: true` deletes every selected node. Mistakes are located in the overlay file; an action
whose target selects nothing is a warning (the vendor spec may have moved on).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Level, SpecError, pointer_join
from generator.load import Document, load_document
from generator.overlay.jsonpath import JsonPathError, select

__all__ = ["OVERLAY_RULES", "OverlayResult", "apply_overlays"]

_VERSION = re.compile(r"1\.0\.\d+")

OVERLAY_RULES: dict[str, str] = {
    "overlay-invalid": "the overlay document breaks Overlay 1.0 (version, info, actions)",
    "overlay-jsonpath": "an action's target is not a JSONPath specgen reads",
    "overlay-incompatible": "an update meets a value of another kind (object vs. scalar)",
    "overlay-target-unmatched": "an action's target selects nothing in the spec (a warning)",
}


@dataclass(frozen=True)
class OverlayResult:
    warnings: tuple[Diagnostic, ...]


def apply_overlays(data: dict[str, Any], paths: Iterable[Path]) -> OverlayResult:
    """Apply each overlay file to `data` in place, in order. Raises SpecError with every error
    of the first overlay that has any (nothing of it is applied then)."""
    warnings: list[Diagnostic] = []
    for path in paths:
        overlay = load_document(path, _display(path))
        errors = list(_check(overlay))
        if errors:
            raise SpecError(*errors)
        trial = copy.deepcopy(data)  # all of an overlay or none of it
        found = list(_apply(overlay, trial))
        errors = [d for d in found if d.level is Level.ERROR]
        if errors:
            raise SpecError(*errors)
        data.clear()
        data.update(trial)
        warnings += found
    return OverlayResult(tuple(warnings))


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _at(overlay: Document, rule: str, pointer: str, message: str, level: Level) -> Diagnostic:
    line, col = overlay.locate(pointer)
    return Diagnostic(rule, level, message, overlay.display, pointer, line, col)


def _check(overlay: Document) -> Iterator[Diagnostic]:
    """The fields Overlay 1.0 requires, each located in the overlay file."""
    data = overlay.data

    def invalid(pointer: str, message: str) -> Diagnostic:
        return _at(overlay, "overlay-invalid", pointer, message, Level.ERROR)

    version = data.get("overlay")
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        shown = "missing" if version is None else repr(version)
        yield invalid("#/overlay", f"`overlay` must be a 1.0.x version string ({shown})")
    info = data.get("info")
    if not isinstance(info, dict) or not all(
        isinstance(info.get(k), str) for k in ("title", "version")
    ):
        yield invalid("#/info", "`info` must be an object with string `title` and `version`")
    actions = data.get("actions")
    if not isinstance(actions, list) or not actions:
        yield invalid("#/actions", "`actions` must be a non-empty list of Action Objects")
        return
    for index, action in enumerate(actions):
        where = f"#/actions/{index}"
        if not isinstance(action, dict):
            yield invalid(where, "an action must be an object with `target`")
            continue
        if not isinstance(action.get("target"), str):
            yield invalid(where, "an action needs a `target` JSONPath string")
        remove = action.get("remove", False)
        if not isinstance(remove, bool):
            yield invalid(pointer_join(where, "remove"), "`remove` must be true or false")
        elif not remove and "update" not in action:
            yield invalid(where, "an action needs `update` or `remove: true`")
        unknown = [k for k in action if k not in _ACTION_KEYS and not k.startswith("x-")]
        for key in unknown:
            yield invalid(pointer_join(where, key), f"unknown action field {key!r}")


_ACTION_KEYS = frozenset({"target", "description", "update", "remove"})


def _apply(overlay: Document, data: dict[str, Any]) -> Iterator[Diagnostic]:
    for index, action in enumerate(overlay.data["actions"]):
        where = f"#/actions/{index}"
        target = action["target"]
        try:
            matches = select(target, data)
        except JsonPathError as exc:
            message = f"target {target!r}: {exc}"
            yield _at(
                overlay, "overlay-jsonpath", pointer_join(where, "target"), message, Level.ERROR
            )
            continue
        if not matches:
            message = f"target {target!r} selects nothing in the spec: action skipped"
            yield _at(overlay, "overlay-target-unmatched", pointer_join(where, "target"), message,
                      Level.WARNING)  # fmt: skip
            continue
        if action.get("remove") is True:
            problem = _remove(matches)
        else:
            problem = _update(matches, data, action["update"])
        if problem is not None:
            rule, field, message = problem
            yield _at(overlay, rule, pointer_join(where, field), message, Level.ERROR)


# A problem with an action: (rule, the action's field to point at, message).
_Problem = tuple[str, str, str] | None


def _remove(matches: list[tuple[Any, Any]]) -> _Problem:
    if any(parent is None for parent, _ in matches):
        return "overlay-invalid", "target", "the document root cannot be removed"
    # Highest index first, so earlier removals do not shift later ones.
    for parent, key in sorted(matches, key=_index_of, reverse=True):
        del parent[key]
    return None


def _index_of(match: tuple[Any, Any]) -> int:
    return match[1] if isinstance(match[1], int) else -1


def _update(matches: list[tuple[Any, Any]], data: dict[str, Any], update: Any) -> _Problem:
    for parent, key in matches:
        node = data if parent is None else parent[key]
        if isinstance(node, list):
            node.append(copy.deepcopy(update))
        elif isinstance(node, dict) and isinstance(update, dict):
            clash = _merge(node, update, "")
            if clash is not None:
                return "overlay-incompatible", "update", clash
        elif isinstance(node, dict):
            message = f"the target is an object, so `update` must be an object, not {_kind(update)}"
            return "overlay-incompatible", "update", message
        else:
            message = f"the target is {_kind(node)}: only objects and arrays can be updated"
            return "overlay-incompatible", "target", message
    return None


def _merge(node: dict[str, Any], update: dict[str, Any], path: str) -> str | None:
    for key, value in update.items():
        here = f"{path}.{key}" if path else key
        current = node.get(key)
        if key not in node:
            node[key] = copy.deepcopy(value)
        elif isinstance(current, dict) and isinstance(value, dict):
            clash = _merge(current, value, here)
            if clash is not None:
                return clash
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(copy.deepcopy(value))
        elif isinstance(current, dict | list) or isinstance(value, dict | list):
            return f"`{here}`: cannot merge {_kind(value)} into {_kind(current)}"
        else:
            node[key] = copy.deepcopy(value)
    return None


def _kind(value: Any) -> str:
    return (
        "an object"
        if isinstance(value, dict)
        else "an array"
        if isinstance(value, list)
        else "a scalar"
    )
