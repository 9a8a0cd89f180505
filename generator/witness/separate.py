"""Find a value one schema accepts and the other refuses, at the place a change names.

`separate(accepts, refuses, route, details)` is directed by the change: it probes the place the
change sits at (`route`, e.g. `("jobs", "[]", "state")`) with the values the change names and
the values both schemas suggest there, embeds each probe in a whole value the accepting side
allows, and keeps the first whole value that the accepting side's validator passes and the
refusing side's validator turns away *at that place*. Only when the place itself yields nothing
does it widen: the places above it, then every place of the whole value. Every witness is
checked by the validator (`Schemas.errors`) on both sides; nothing is assumed.

A request witness: accepts = the old client's schema, refuses = the new server's. A response
witness: accepts = the new server's schema, refuses = the old client's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.values.schema import Schemas
from generator.witness.build import ABSENT, Route, embed, full, minimal, subschemas, value_at
from generator.witness.probes import probes

_BUDGET = 300  # whole-value validations per search: every curated kind needs far fewer
_MAX_PLACES = 24
_MAX_PROBES = 200  # candidates looked at per place (most fail the cheap local check)


@dataclass(frozen=True)
class View:
    """One side's schema for a value, with the document its `$ref`s point into."""

    schemas: Schemas
    schema: Any


@dataclass(frozen=True)
class Witness:
    """A whole value that separates the two sides, and the piece of it that does."""

    value: Any
    route: Route
    piece: Any  # the value at `route`, or ABSENT when leaving it out is the witness
    refusal: str  # the refusing side's validator message

    def place(self) -> str:
        return ".".join(self.route).replace(".[]", "[]") or "(the whole value)"

    def show(self) -> str:
        """`kind = "bird"`, `name left out`: the piece, as a reviewer reads it."""
        if self.piece is ABSENT:
            return f"`{self.place()}` left out"
        return f"`{self.place()}` = {_json(self.piece)}"


@dataclass(frozen=True)
class NoWitness:
    reason: str


def separate(
    accepts: View,
    refuses: View,
    route: Route = (),
    details: Mapping[str, str] | None = None,
    base: Any = None,
    wide: bool = True,
) -> Witness | NoWitness:
    """The first value `accepts` allows and `refuses` refuses, nearest `route` first."""
    start = _base(accepts, base)
    if start is None:
        return NoWitness("no value the accepting schema allows could be built")
    search = _Search(accepts, refuses, details or {}, route)
    places = [route, *(route[:cut] for cut in range(len(route) - 1, -1, -1))]
    if wide:
        # Only places under the change's own: a refusal must point at it, and a probe
        # elsewhere cannot make one there.
        places.extend(_places(value_at(start, route), route))
    seen: set[Route] = set()
    for place in places:
        if place in seen or len(seen) > _MAX_PLACES:
            continue
        seen.add(place)
        found = search.at(start, place, exact=place == route)
        if found is not None:
            return found
        if search.spent():
            break
    refusal = [r for r in refuses.schemas.errors(start, refuses.schema) if _near(r, route)]
    if refusal:
        return Witness(start, route, value_at(start, route), refusal[0])
    if search.spent():
        return NoWitness(f"no separating value among the {_BUDGET} tried")
    return NoWitness(_why_not(accepts, refuses, route))


def refused(side: View, accepted: View | None = None, route: Route = ()) -> Witness | NoWitness:
    """A value `side` refuses (and `accepted`, when given, allows), nearest `route` first."""
    if accepted is not None:
        return separate(accepted, side, route)
    anything = View(side.schemas, {})
    return separate(anything, side, route)


class _Search:
    def __init__(
        self, accepts: View, refuses: View, details: Mapping[str, str], target: Route
    ) -> None:
        self.accepts = accepts
        self.refuses = refuses
        self.details = details
        self.target = target  # a witness is refused here (or above or below), nowhere else
        self.calls = 0

    def spent(self) -> bool:
        return self.calls >= _BUDGET

    def at(self, start: Any, place: Route, exact: bool) -> Witness | None:
        accepting = subschemas(self.accepts.schemas, self.accepts.schema, place)
        refusing = subschemas(self.refuses.schemas, self.refuses.schema, place)
        if not accepting and place and not refusing:
            return None
        current = value_at(start, place)
        details = self.details if exact else {}
        tried: set[str] = set()
        # A place only the refusing side has (a property it added as required): leaving it
        # out is the one witness there.
        found = (
            probes(
                self.accepts.schemas, accepting, self.refuses.schemas, refusing, details, current
            )
            if accepting or not place
            else iter([ABSENT])
        )
        for piece in found:
            key = "absent" if piece is ABSENT else _json(piece)
            if key in tried or (piece is ABSENT and not place):
                continue
            tried.add(key)
            if len(tried) > _MAX_PROBES:
                return None
            if not self._may_separate(piece, place, accepting, refusing):
                continue
            whole = embed(self.accepts.schemas, self.accepts.schema, start, place, piece)
            if whole is None and piece is not None:
                continue
            self.calls += 1
            if self.spent():
                return None
            if not self.accepts.schemas.is_valid(whole, self.accepts.schema):
                continue
            refusals = self.refuses.schemas.errors(whole, self.refuses.schema)
            if not refusals:
                continue
            near = [refusal for refusal in refusals if _near(refusal, self.target)]
            if near:
                return Witness(whole, place, piece, near[0])
        return None

    def _may_separate(
        self, piece: Any, place: Route, accepting: list[Any], refusing: list[Any]
    ) -> bool:
        """A cheap check at the place before validating the whole value: some schema there
        on the accepting side takes the piece, and not every one on the refusing side does."""
        if piece is ABSENT or not place:
            return True
        if accepting and not any(self.accepts.schemas.is_valid(piece, s) for s in accepting):
            return False
        return not refusing or not all(self.refuses.schemas.is_valid(piece, s) for s in refusing)


def _base(view: View, given: Any) -> Any:
    for candidate in (given, full(view.schemas, view.schema), minimal(view.schemas, view.schema)):
        if candidate is not None and view.schemas.is_valid(candidate, view.schema):
            return candidate
    return None


def _places(value: Any, route: Route, depth: int = 0) -> Iterator[Route]:
    """Every place in `value`, parents first."""
    if depth > 6:
        return
    yield route
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _places(item, (*route, str(name)), depth + 1)
    elif isinstance(value, list) and value:
        yield from _places(value[0], (*route, "[]"), depth + 1)


def _near(refusal: str, place: Route) -> bool:
    """Whether a validator message points at `place`: at it, below it, or above it naming
    the next step of the way (`'v' is a required property` at the root, for `v`)."""
    where, _, message = refusal.partition(": ")
    found = [] if where == "(root)" else where.split("/")
    wanted = ["0" if token == "[]" else token for token in place]
    if found[: len(wanted)] == wanted:
        return True
    if wanted[: len(found)] != found:
        return False
    following = wanted[len(found)]
    return following != "0" and f"'{following}'" in message


def _why_not(accepts: View, refuses: View, route: Route) -> str:
    if not subschemas(accepts.schemas, accepts.schema, route):
        return f"the schema has no place `{'.'.join(route)}` to put a witness"
    return (
        "every value tried that the accepting schema allows, the refusing one allows too "
        "(the two may accept the same values, e.g. a pattern rewritten with the same meaning)"
    )


def _json(value: Any) -> str:
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)
