"""What a verify run records: the requests sent, the responses received, the findings.

Every record is redacted when it is made (`Redactor`), so a credential never reaches a
report, whatever its format.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from typing import Any

BODY_SHOWN = 2000  # characters of a response body kept in a finding

# The check families, in the order reports list them.
CHECKS = ("declared", "shape", "server-error", "valid-refused", "negative", "auth", "stateful")
REDACTED = "***"


@dataclass(frozen=True)
class Redactor:
    """Replaces each secret (and the credential headers' values) by `***`."""

    secrets: tuple[str, ...] = ()

    def text(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret:
                text = text.replace(secret, REDACTED)
        return text

    def header(self, name: str, value: str) -> str:
        lowered = name.lower()
        if lowered in ("authorization", "proxy-authorization", "cookie", "set-cookie"):
            scheme, _, rest = value.partition(" ")
            if rest and scheme.lower() in ("bearer", "basic", "token", "digest"):
                return f"{scheme} {self.text(rest)}"
        return self.text(value)


@dataclass(frozen=True)
class Sent:
    """One request as made (already redacted)."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: str | None  # the body as text (JSON, form, or a note for binary)
    client_call: str  # the same request through the generated client

    def curl(self) -> str:
        parts = ["curl", "-sS", "-X", self.method, shlex.quote(self.url)]
        for name, value in self.headers:
            parts += ["-H", shlex.quote(f"{name}: {value}")]
        if self.body is not None:
            parts += ["--data-binary", shlex.quote(self.body)]
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "url": self.url,
            "headers": dict(self.headers),
            "body": self.body,
            "curl": self.curl(),
            "client": self.client_call,
        }


@dataclass(frozen=True)
class Received:
    """One response (headers and a truncated body, redacted)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: str
    elapsed_ms: float

    @property
    def content_type(self) -> str:
        return next((v for k, v in self.headers if k.lower() == "content-type"), "")

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "headers": dict(self.headers),
            "body": self.body,
            "elapsed_ms": round(self.elapsed_ms, 2),
        }


@dataclass(frozen=True)
class Finding:
    """One drift between the server and its spec."""

    operation: str  # "GET /pets/{petId}", as written in the spec
    operation_id: str
    check: str  # one of CHECKS
    message: str
    request: Sent
    response: Received | None
    location: str  # file:line:col of what was violated
    pointer: str = ""  # the JSON pointer of that place
    suggestion: str = ""  # a spec fix, where the server is probably right
    # What the request was, when it was not a plain valid one ("a request the spec refuses:
    # body `name`: ..."); not part of what makes two findings the same drift.
    context: str = ""

    @property
    def text(self) -> str:
        """The message with its context, for people."""
        return f"{self.message} ({self.context})" if self.context else self.message

    def to_json(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "operationId": self.operation_id,
            "check": self.check,
            "message": self.message,
            "context": self.context or None,
            "request": self.request.to_json(),
            "response": self.response.to_json() if self.response else None,
            "location": self.location,
            "pointer": self.pointer,
            "suggestion": self.suggestion or None,
        }


@dataclass
class OperationStats:
    """Per operation: requests made, their latencies, and why it was skipped (if it was)."""

    operation: str
    operation_id: str
    latencies_ms: list[float] = field(default_factory=list)
    skipped: str = ""

    def percentile(self, fraction: float) -> float | None:
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
        return ordered[index]


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    operations: list[OperationStats] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0
    stopped: str = ""  # why the run ended early ("max-requests", "time-limit"), if it did
    safe: bool = False
    base_url: str = ""
    spec: str = ""
    # Each stateful sequence run: its steps, "POST /pets → 201", in order.
    sequences: list[list[str]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        by_check = {c: sum(1 for f in self.findings if f.check == c) for c in CHECKS}
        return {
            "spec": self.spec,
            "base_url": self.base_url,
            "requests": self.requests,
            "seconds": round(self.seconds, 3),
            "safe": self.safe,
            "stopped": self.stopped or None,
            "findings": len(self.findings),
            "by_check": {k: v for k, v in by_check.items() if v},
            "defective_operations": len({f.operation for f in self.findings}),
            "sequences": [" ; ".join(steps) for steps in self.sequences if steps],
            "operations": [
                {
                    "operation": s.operation,
                    "operationId": s.operation_id,
                    "requests": len(s.latencies_ms),
                    "findings": sum(1 for f in self.findings if f.operation == s.operation),
                    "p50_ms": _rounded(s.percentile(0.5)),
                    "p95_ms": _rounded(s.percentile(0.95)),
                    "skipped": s.skipped or None,
                }
                for s in self.operations
            ],
        }

    def to_json(self) -> str:
        data = {"findings": [f.to_json() for f in self.findings], "summary": self.summary()}
        return json.dumps(data, indent=2)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
