"""Forgiving about a `$ref` that only one piece needs.

A `$ref` that leads nowhere stops `generate` only when the whole document depends on it (a
component, a path item, a shared parameter list). Where one piece alone needs it, that piece
is repaired or left out with a warning, as other local errors are:

- a discriminator `mapping` entry is dropped: the `oneOf`/`anyOf` it annotates still decides
  (DigitalOcean's published spec maps to files its bundle left out);
- an Example Object (`examples: {name: {$ref: ...}}`) is dropped: an example documents, it
  never shapes the client;
- a `$ref` inside one operation leaves that operation out (its other operations still work).

`specgen validate` stays strict: it reports each of them as the error it is.
"""

from __future__ import annotations

from typing import Any

from generator.cursor import value_at
from generator.diagnostics import pointer_join
from generator.repair.edits import METHODS, Round
from generator.repair.pieces import remove
from generator.validate import Finding

REF_RULES = frozenset({"ref-unresolved"})


def one_piece_needs(finding: Finding, tokens: list[str]) -> bool:
    """Whether an unresolved `$ref` finding names something only one piece needs."""
    if finding.rule not in REF_RULES:
        return False
    return _kind(tokens) is not None


def _kind(tokens: list[str]) -> str | None:
    if len(tokens) >= 3 and tokens[-3] == "discriminator" and tokens[-2] == "mapping":
        return "mapping"
    if len(tokens) >= 3 and tokens[-1] == "$ref" and tokens[-3] == "examples":
        return "example"
    if len(tokens) >= 3 and tokens[0] in ("paths", "webhooks") and tokens[2] in METHODS:
        return "operation"
    return None


def repair_ref(finding: Finding, tokens: list[str], data: Any, round_: Round) -> bool:
    """Drop the mapping entry or example, or leave the operation out; True when done."""
    kind = _kind(tokens) if finding.rule in REF_RULES else None
    if kind == "mapping":
        mapping = value_at(data, tokens[:-1])
        if not isinstance(mapping, dict) or tokens[-1] not in mapping:
            return False
        del mapping[tokens[-1]]
        if not mapping:
            discriminator = value_at(data, tokens[:-2])
            if isinstance(discriminator, dict):
                discriminator.pop("mapping", None)
        message = (
            f"discriminator mapping entry {tokens[-1]!r} dropped ({finding.message}); the "
            "schemas it chooses between still decide"
        )
        round_.note("repair-discriminator-mapping", message, finding.document, finding.pointer)
        return True
    if kind == "example":
        examples = value_at(data, tokens[:-2])
        if not isinstance(examples, dict) or tokens[-2] not in examples:
            return False
        del examples[tokens[-2]]
        pointer = pointer_join("#", *tokens[:-1])
        message = f"example {tokens[-2]!r} left out: {finding.message}"
        round_.note("skip-example", message, finding.document, pointer)
        round_.dropped.add((id(finding.document), pointer))
        return True
    if kind == "operation":
        reason = f"[{finding.rule}] {finding.message}"
        remove(finding, tokens[:3], data, round_, "skip-operation", reason)
        return True
    return False
