"""Webhooks and callbacks: requests the API sends to the consumer. Facts only.

The roles swap: the API's request body (the payload) is what the consumer receives, so its
schema is compared in the `callback-payload` area (judged like a response), and the
consumer's answer in `callback-reply` (judged like a request). Webhooks (OpenAPI 3.1
`webhooks`) are reported under `METHOD webhook:NAME`; an operation's callbacks under that
operation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from generator.diff import rules as area
from generator.diff.facts import Delta
from generator.diff.nodes import Node, Operation, Side

# (area, label, where, old schema, new schema) -> the deltas of that schema pair, judged in
# that area: `operations.DocumentDiff.schema_deltas`, which holds the run's schema memo.
SchemaDeltas = Callable[[str, str, str, Node, Node], Iterable[Delta]]

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _calls(side: Side, path_item: Node) -> dict[str, Node]:
    item = side.deref(path_item)
    return {m: item.child(m) for m in _METHODS if isinstance(item.get(m), dict)}


class CallbackDiff:
    def __init__(self, base: Side, revision: Side, schema_deltas: SchemaDeltas) -> None:
        self.base = base
        self.revision = revision
        self.schema_deltas = schema_deltas

    def webhooks(self) -> Iterator[Delta]:
        old = {
            (name, method): node
            for name, item in self.base.root.items("webhooks")
            for method, node in _calls(self.base, item).items()
        }
        new = {
            (name, method): node
            for name, item in self.revision.root.items("webhooks")
            for method, node in _calls(self.revision, item).items()
        }
        for key in sorted(old.keys() | new.keys()):
            name, method = key
            label = f"{method.upper()} webhook:{name}"
            before, after = old.get(key), new.get(key)
            if after is None and before is not None:
                location = self.base.location(before)
                yield Delta(area.CALLBACK, "webhook-removed", label, location)
            elif before is None and after is not None:
                location = self.revision.location(after)
                yield Delta(area.CALLBACK, "webhook-added", label, location)
            elif before is not None and after is not None:
                yield from self._call(label, "", before, after)

    def callbacks(self, old: Operation, new: Operation, label: str) -> Iterator[Delta]:
        def calls(side: Side, op: Operation) -> dict[tuple[str, str, str], Node]:
            found: dict[tuple[str, str, str], Node] = {}
            for name, callback in op.node.items("callbacks"):
                callback = side.deref(callback)
                if not isinstance(callback.value, dict):
                    continue
                for expression in callback.value:
                    item = callback.child(str(expression))
                    for method, node in _calls(side, item).items():
                        found[(name, str(expression), method)] = node
            return found

        before, after = calls(self.base, old), calls(self.revision, new)
        for key in sorted(before.keys() | after.keys()):
            name, expression, method = key
            where = f"callback `{name}` {method.upper()} {expression}"
            first, second = before.get(key), after.get(key)
            if second is None and first is not None:
                location = self.base.location(first)
                yield Delta(area.CALLBACK, "removed", label, location, where)
            elif first is None and second is not None:
                location = self.revision.location(second)
                yield Delta(area.CALLBACK, "added", label, location, where)
            elif first is not None and second is not None:
                yield from self._call(label, where + " ", first, second)

    def _call(self, label: str, prefix: str, old: Node, new: Node) -> Iterator[Delta]:
        old_body = self.base.deref(old.child("requestBody"))
        new_body = self.revision.deref(new.child("requestBody"))
        yield from self._media(
            area.CALLBACK_PAYLOAD, label, prefix + "payload ", old_body, new_body
        )
        old_responses = dict(old.items("responses"))
        new_responses = dict(new.items("responses"))
        for status in sorted(old_responses.keys() & new_responses.keys()):
            yield from self._media(
                area.CALLBACK_REPLY,
                label,
                f"{prefix}reply {status} ",
                self.base.deref(old_responses[status]),
                self.revision.deref(new_responses[status]),
            )

    def _media(
        self, schema_area: str, label: str, where: str, old: Node, new: Node
    ) -> Iterator[Delta]:
        old_media = {name.lower(): node for name, node in old.items("content")}
        new_media = {name.lower(): node for name, node in new.items("content")}
        for media in sorted(old_media.keys() & new_media.keys()):
            old_schema = old_media[media].child("schema")
            new_schema = new_media[media].child("schema")
            if old_schema.value is None and new_schema.value is None:
                continue
            yield from self.schema_deltas(schema_area, label, where, old_schema, new_schema)
