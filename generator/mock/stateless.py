"""The mock's stateless answers: each operation's documented success.

The answer is the spec's example (when it is valid against the schema) or data synthesized
from the schema. Answers carry every documented property (the example's, then the
synthesizer's full fill for the ones it lacks); the lean answer (required properties only) is
asked for with `Prefer: return=minimal` or `--minimal`. The stateful engine (`engine.py`)
answers through these too: an operation without a role, and the envelope around a resource.
"""

from __future__ import annotations

import copy
import random
from contextvars import ContextVar
from typing import Any

from generator.cursor import value_at
from generator.ir.model import Operation, Response
from generator.mock.replies import MockReply
from generator.server_runtime._http import body_allowed
from generator.values.schema import Schemas
from generator.values.synth import SynthesisError, synthesize


class StatelessAnswers:
    """The documented answers of one mock app's operations, each made once and copied."""

    def __init__(self, schemas: Schemas, rng: random.Random, minimal: bool) -> None:
        self.schemas = schemas
        self.rng = rng
        self.minimal = minimal
        # Set by the server for one request that says `Prefer: return=minimal` (a context
        # variable: concurrent requests of one app each have their own).
        self.prefer_minimal: ContextVar[bool] = ContextVar(f"minimal-{id(self)}", default=False)
        # Set for one request whose answer is directed (`generator.mock.direct`): the mock's own
        # answer would be dropped, so it is not made (nor checked: a synthesized answer the
        # stubs refuse would turn an accepted request into a 500 and hide the direction).
        self.directed: ContextVar[bool] = ContextVar(f"directed-{id(self)}", default=False)
        # By id of the IR response (which the API keeps alive) and leanness: made once, copied.
        self.samples: dict[tuple[int, bool], Any] = {}

    def example_reply(self, op: Operation) -> MockReply:
        # No 2xx declared: the declared redirect is the answer (Discourse's topic lookup by
        # external id answers 301 only; a 200 there is a status its spec never gives).
        success = op.success or next(
            (r for r in op.responses if r.is_redirect and r.status_code), None
        )
        if success is None:
            return MockReply(200)
        status = success.status_code or 200
        if success.schema is None or not body_allowed(status):
            return MockReply(status)  # a 204 declared with a schema still has no body
        body = self.sample(success)
        if op.pagination and op.pagination.style in ("next-link", "cursor") and op.pagination.next:
            body = self._last_page(body, op.pagination.next, success.schema)
        return MockReply(status, body)

    def _last_page(self, body: Any, path: str, schema: Any) -> Any:
        """The answer as a last page: without its next-page marker (an example's link leads
        off this machine), or with it null where the schema requires one (OpenAI's usage
        pages); unchanged when the schema allows neither (a valid answer above all)."""
        for candidate in (_without_next(copy.deepcopy(body), path), _null_next(body, path)):
            if self.schemas.is_valid(candidate, schema):
                return candidate
        return body

    @property
    def lean(self) -> bool:
        """Whether this answer is the lean one (`--minimal`, or `Prefer: return=minimal`)."""
        return self.minimal or self.prefer_minimal.get()

    def sample(self, response: Response) -> Any:
        """A body for `response` (a copy: callers may change it): the first example valid
        against its schema, with the documented properties it lacks filled in (unless the
        answer is lean), else synthesized data; with no schema, the first example (or no
        body)."""
        key = (id(response), self.lean)
        if key not in self.samples:
            self.samples[key] = self._sample(response)
        return copy.deepcopy(self.samples[key])

    def _sample(self, response: Response) -> Any:
        if response.schema is None:
            return response.examples[0][1] if response.examples else None
        schema = response.schema
        example = next((e for _, e in response.examples if self.schemas.is_valid(e, schema)), None)
        if example is not None and (self.lean or not response.is_success):
            return copy.deepcopy(example)  # an error example is answered as the spec shows it
        made = self.synthesized(schema)
        if example is None:
            return made
        return self._completed(example, made, schema)

    def synthesized(self, schema: Any) -> Any:
        """The synthesizer's answer for `schema` (full unless lean); None when none can be made."""
        try:
            return synthesize(
                self.schemas, schema, self.rng, full=not self.lean, direction="response"
            )
        except SynthesisError:
            return None

    def _completed(self, example: Any, made: Any, schema: Any) -> Any:
        """`example` with the properties only `made` has, at every level (an example that
        shows a few fields still answers with every documented one); the example's own
        values win. The top level alone, or the bare example, when the merge is invalid."""
        for merged in (_merged(example, made, deep=True), _merged(example, made, deep=False)):
            if self.schemas.is_valid(merged, schema):
                return merged
        return copy.deepcopy(example)


def _merged(example: Any, made: Any, *, deep: bool) -> Any:
    if isinstance(example, dict) and isinstance(made, dict):
        result = copy.deepcopy(made)
        for key, value in example.items():
            inner = made.get(key)
            result[key] = _merged(value, inner, deep=True) if deep else copy.deepcopy(value)
        return result
    if deep and isinstance(example, list) and isinstance(made, list) and made:
        return [_merged(item, made[0], deep=True) for item in example]
    return copy.deepcopy(example)


def _without_next(body: Any, path: str) -> Any:
    """The body without its next-page marker: an example's link leads off this machine."""
    keys = path.split(".")
    node = value_at(body, keys[:-1])
    if isinstance(node, dict):
        node.pop(keys[-1], None)
    if isinstance(body, dict) and isinstance(body.get(keys[0]), dict) and len(keys) > 1:
        if _empty(body[keys[0]]):
            body.pop(keys[0])
    return body


def _null_next(body: Any, path: str) -> Any:
    """A copy of the body with its next-page marker set to null (where it is present)."""
    body = copy.deepcopy(body)
    keys = path.split(".")
    node = value_at(body, keys[:-1])
    if isinstance(node, dict) and keys[-1] in node:
        node[keys[-1]] = None
    return body


def _empty(node: Any) -> bool:
    return isinstance(node, dict) and all(_empty(v) for v in node.values())
