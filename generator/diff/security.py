"""Security of one operation, compared between two documents: facts, no judgement.

The effective requirements are the operation's, else the document's; a requirement list is a
set of alternatives, and `{}` among them means anonymous access is allowed. The schemes an
operation uses are compared for that operation.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diff import rules as area
from generator.diff.facts import Delta, Details
from generator.diff.nodes import Operation, Side, as_list, as_map, keys_of, strings_in


class SecurityDiff:
    def __init__(self, base: Side, revision: Side) -> None:
        self.base = base
        self.revision = revision

    def _requirements(self, side: Side, op: Operation) -> dict[frozenset[str], dict[str, set[str]]]:
        raw = (
            op.node.get("security") if "security" in keys_of(op.node) else side.root.get("security")
        )
        alternatives: dict[frozenset[str], dict[str, set[str]]] = {}
        for requirement in as_list(raw):
            if isinstance(requirement, dict):
                scopes = {str(k): set(strings_in(v)) for k, v in requirement.items()}
                alternatives[frozenset(scopes)] = scopes
        return alternatives

    def deltas(self, old: Operation, new: Operation, label: str) -> Iterator[Delta]:
        old_alts = self._requirements(self.base, old)
        new_alts = self._requirements(self.revision, new)
        here = self.revision.location(new.node)
        if not _secured(old_alts) and _secured(new_alts):
            value = " or ".join(_alternative(alt) for alt in sorted(new_alts, key=_alternative))
            yield Delta(area.SECURITY, "added", label, here, details=(("value", value),))
        elif _secured(old_alts) and not _secured(new_alts):
            yield Delta(area.SECURITY, "removed", label, here)
        else:
            for alt in sorted(old_alts.keys() - new_alts.keys(), key=_alternative):
                details: Details = (("value", _alternative(alt)),)
                yield Delta(area.SECURITY, "alternative-removed", label, here, details=details)
            for alt in sorted(new_alts.keys() - old_alts.keys(), key=_alternative):
                details = (("value", _alternative(alt)),)
                yield Delta(area.SECURITY, "alternative-added", label, here, details=details)
            for alt in sorted(old_alts.keys() & new_alts.keys(), key=_alternative):
                for scheme in sorted(alt):
                    before, after = old_alts[alt][scheme], new_alts[alt][scheme]
                    for scope in sorted(after - before):
                        details = (("scheme", scheme), ("scope", scope))
                        yield Delta(area.SECURITY, "scope-added", label, here, details=details)
                    for scope in sorted(before - after):
                        details = (("scheme", scheme), ("scope", scope))
                        yield Delta(area.SECURITY, "scope-removed", label, here, details=details)
        used = set().union(*old_alts.keys(), *new_alts.keys()) if old_alts or new_alts else set()
        for scheme in sorted(used):
            yield from self._security_scheme(label, scheme)

    def _security_scheme(self, label: str, scheme: str) -> Iterator[Delta]:
        old = self.base.deref(self.base.root.child("components", "securitySchemes", scheme))
        new = self.revision.deref(self.revision.root.child("components", "securitySchemes", scheme))
        if not isinstance(old.value, dict) or not isinstance(new.value, dict):
            return
        here = self.revision.location(new)
        name = (("scheme", scheme),)
        if old.get("type") != new.get("type"):
            details: Details = (*name, ("old", str(old.get("type"))), ("new", str(new.get("type"))))
            yield Delta(area.SECURITY, "scheme-type-changed", label, here, details=details)
            return
        if str(old.get("scheme", "")).lower() != str(new.get("scheme", "")).lower():
            details = (
                *name,
                ("old", str(old.get("scheme"))),
                ("new", str(new.get("scheme"))),
            )
            yield Delta(area.SECURITY, "scheme-http-changed", label, here, details=details)
        old_key = f"{old.get('in')} {old.get('name')}"
        new_key = f"{new.get('in')} {new.get('name')}"
        if old.get("type") == "apiKey" and old_key != new_key:
            details = (*name, ("old", old_key), ("new", new_key))
            yield Delta(area.SECURITY, "scheme-api-key-changed", label, here, details=details)
        old_flows, new_flows = old.mapping("flows"), new.mapping("flows")
        for flow in sorted(old_flows.keys() - new_flows.keys()):
            details = (*name, ("flow", flow))
            yield Delta(area.SECURITY, "scheme-flow-removed", label, here, details=details)
        for flow in sorted(new_flows.keys() - old_flows.keys()):
            details = (*name, ("flow", flow))
            yield Delta(area.SECURITY, "scheme-flow-added", label, here, details=details)
        for flow in sorted(old_flows.keys() & new_flows.keys()):
            before, after = as_map(old_flows[flow]), as_map(new_flows[flow])
            for field in ("authorizationUrl", "tokenUrl", "refreshUrl"):
                if before.get(field) != after.get(field):
                    details = (
                        *name,
                        ("flow", flow),
                        ("field", field),
                        ("old", str(before.get(field))),
                        ("new", str(after.get(field))),
                    )
                    yield Delta(area.SECURITY, "scheme-url-changed", label, here, details=details)
            old_scopes, new_scopes = (
                set(as_map(before.get("scopes"))),
                set(as_map(after.get("scopes"))),
            )
            for scope in sorted(old_scopes - new_scopes):
                details = (*name, ("flow", flow), ("scope", scope))
                yield Delta(area.SECURITY, "scheme-scope-removed", label, here, details=details)
            for scope in sorted(new_scopes - old_scopes):
                details = (*name, ("flow", flow), ("scope", scope))
                yield Delta(area.SECURITY, "scheme-scope-added", label, here, details=details)


def _secured(alternatives: dict[frozenset[str], dict[str, set[str]]]) -> bool:
    # An empty requirement `{}` among the alternatives means anonymous access is allowed.
    return bool(alternatives) and frozenset() not in alternatives


def _alternative(alternative: frozenset[str]) -> str:
    return " + ".join(sorted(alternative)) if alternative else "(anonymous)"
