# Generated from specs/reality-data-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Reading an error response's body: its code, message, details and target, from the
envelopes common APIs use (the list is in ``_errors``, whose status errors carry what this
reads); any other body is searched for a message field a few levels down.

Apart from the exception tree, so that each module holds one concern.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = ["ErrorDetail", "ErrorInfo", "decode_body", "parse_error_body"]


@dataclass(frozen=True)
class ErrorDetail:
    """One entry of an error's ``details`` (Bentley) or ``missing``/``duplicated`` (Cognite)."""

    code: str | int | None
    message: str | None
    target: str | None
    raw: object = None

    def __str__(self) -> str:
        parts = [str(p) for p in (self.code, self.target) if p is not None]
        head = "/".join(parts)
        if self.message is None:
            return head
        return f"{head}: {self.message}" if head else self.message


@dataclass(frozen=True)
class ErrorInfo:
    """What could be read out of an error response body."""

    code: str | int | None = None
    message: str | None = None
    details: tuple[ErrorDetail, ...] = ()
    target: str | None = None


def decode_body(response: httpx.Response) -> object | None:
    """The body as JSON if it parses, else as text; ``None`` when empty. Never raises."""
    content = response.content
    if not content:
        return None
    try:
        parsed: object = json.loads(content)
    except ValueError:
        pass
    else:
        return parsed
    try:
        return response.text
    except (LookupError, ValueError):
        return content.decode("utf-8", errors="replace")


def parse_error_body(body: object) -> ErrorInfo:
    """Read code/message/details/target from the error envelopes used by common APIs."""
    if isinstance(body, str):
        text = body.strip()
        return ErrorInfo(message=_truncate(text) if text else None)
    if not isinstance(body, Mapping):
        return ErrorInfo()
    info = _parse_envelope(body)
    if info.message is None:
        # A declared error schema of its own: its message a few levels down.
        found = _find_message(body, _MAX_SEARCH_DEPTH)
        if found is not None:
            info = ErrorInfo(info.code, found, info.details, info.target)
    return info


def _parse_envelope(body: Mapping[str, Any]) -> ErrorInfo:
    error = body.get("error")
    if isinstance(error, Mapping):
        return _parse_error_object(error)
    if isinstance(error, str):
        # OAuth 2.0 (RFC 6749 section 5.2): {"error": "invalid_client", "error_description": ...}
        description = _as_text(body.get("error_description"))
        return ErrorInfo(code=error, message=description or _as_text(body.get("message")) or error)
    detail = body.get("detail")
    if isinstance(detail, list):
        # FastAPI / pydantic: {"detail": [{"loc": ["body", "name"], "msg": "...", "type": ...}]}
        details = _parse_details(detail)
        return ErrorInfo(message=_summary(details), details=details)
    if "title" in body or "detail" in body:
        # RFC 9457 (formerly 7807) problem details.
        return ErrorInfo(
            code=_as_code(body.get("code")) or _as_text(body.get("type")),
            message=_as_text(detail) or _as_text(body.get("title")),
            details=_parse_details(body.get("errors")),
            target=_as_text(body.get("instance")),
        )
    errors = body.get("errors")
    if isinstance(errors, list) and errors and not _as_text(body.get("message")):
        # Asana, JSON:API, GraphQL: {"errors": [{"message": ...}, ...]}
        details = _parse_details(errors)
        first = details[0]
        return ErrorInfo(
            code=_as_code(body.get("code")) or first.code,
            message=_summary(details),
            details=details,
            target=first.target,
        )
    return _parse_error_object(body)


# Keys that hold an error's human message, in the order they are preferred.
_MESSAGE_KEYS = (
    "message",
    "msg",
    "detail",
    "error_description",
    "errorMessage",
    "error_message",
    "description",
    "reason",
    "faultstring",
    "title",
)
_MAX_SEARCH_DEPTH = 3


def _find_message(node: object, depth: int) -> str | None:
    """The first message-like string in `node`, breadth first, at most `depth` levels down."""
    level: list[object] = [node]
    for _ in range(depth + 1):
        following: list[object] = []
        for item in level:
            if isinstance(item, Mapping):
                text = _message_at(item)
                if text is not None:
                    return text
                following.extend(v for v in item.values() if isinstance(v, Mapping | list))
            elif isinstance(item, list):
                following.extend(v for v in item[:1] if isinstance(v, Mapping | list))
        level = following
    return None


def _message_at(item: Mapping[str, Any]) -> str | None:
    """A message among an object's own string fields: a known key, else a key that says it
    is one (`errorText`, `failureReason`), never a code, id or type."""
    for key in _MESSAGE_KEYS:
        text = item.get(key)
        if isinstance(text, str) and text.strip():
            return text
    for key, text in item.items():
        name = str(key).lower()
        if (
            isinstance(text, str)
            and text.strip()
            and any(word in name for word in _MESSAGE_WORDS)
            and not any(word in name for word in _NOT_MESSAGE_WORDS)
        ):
            return text
    return None


_MESSAGE_WORDS = ("message", "description", "detail", "reason", "error", "text")
_NOT_MESSAGE_WORDS = ("code", "id", "type", "uri", "url", "link", "time", "date")


def _summary(details: Sequence[ErrorDetail]) -> str | None:
    """The first detail's message (with its target), and how many more there are."""
    if not details:
        return None
    first = details[0]
    text = first.message or str(first)
    if first.target and first.message:
        text = f"{first.target}: {first.message}"
    more = len(details) - 1
    return f"{text} (and {more} more)" if more else text


def _parse_error_object(error: Mapping[str, Any]) -> ErrorInfo:
    details = list(_parse_details(error.get("details")))
    # Cognite lists the offending identifiers instead of details.
    for key in ("missing", "duplicated"):
        items = error.get(key)
        if isinstance(items, list):
            details.extend(
                ErrorDetail(code=key, message=None, target=_describe_identifier(item), raw=item)
                for item in items
            )
    return ErrorInfo(
        code=_as_code(error.get("code")),
        message=_as_text(error.get("message")) or _as_text(error.get("detail")),
        details=tuple(details),
        target=_as_text(error.get("target")),
    )


def _parse_details(raw: object) -> tuple[ErrorDetail, ...]:
    if isinstance(raw, Mapping):
        # {"errors": {"email": ["is invalid"]}}: one detail per field and message
        return tuple(
            ErrorDetail(code=None, message=_as_text(m), target=str(field), raw=m)
            for field, messages in raw.items()
            for m in (messages if isinstance(messages, list) else [messages])
        )
    if not isinstance(raw, list):
        return ()
    details: list[ErrorDetail] = []
    for item in raw:
        if isinstance(item, Mapping):
            details.append(
                ErrorDetail(
                    code=_as_code(item.get("code")),
                    message=_as_text(item.get("message"))
                    or _as_text(item.get("msg"))
                    or _as_text(item.get("detail"))
                    or _as_text(item.get("title")),
                    target=_target(item),
                    raw=item,
                )
            )
        else:
            details.append(ErrorDetail(code=None, message=_as_text(item), target=None, raw=item))
    return tuple(details)


def _target(item: Mapping[str, Any]) -> str | None:
    """Where an error entry points: `target`, `field`, pydantic's `loc`, JSON:API's
    `source.pointer`, GraphQL's `path`."""
    for key in ("target", "field", "param", "parameter"):
        text = _as_text(item.get(key))
        if text:
            return text
    for key in ("loc", "path"):
        steps = item.get(key)
        if isinstance(steps, list) and steps:
            return ".".join(str(s) for s in steps)
    source = item.get("source")
    if isinstance(source, Mapping):
        return _as_text(source.get("pointer")) or _as_text(source.get("parameter"))
    return None


def _describe_identifier(item: object) -> str:
    if isinstance(item, Mapping):
        return ", ".join(f"{key}={value}" for key, value in item.items())
    return str(item)


def _as_code(value: object) -> str | int | None:
    # Cognite uses the numeric HTTP status as its code; keep it as the server sent it.
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str | int):
        return value
    return None


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value or None
    return str(value)


def _truncate(text: str, limit: int = 500) -> str:
    return text if len(text) <= limit else text[:limit] + "..."
