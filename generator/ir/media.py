"""Media types: which kind of body a content type carries, and which one a client prefers."""

from __future__ import annotations

from typing import Any

from generator.ir.model import BodyKind


def is_json_media(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "*/*"


def is_event_stream(media_type: str) -> bool:
    return media_type.split(";")[0].strip().lower() == "text/event-stream"


def body_kind(media_type: str) -> BodyKind:
    base = media_type.split(";")[0].strip().lower()
    if is_json_media(base):
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"


def prefer_media(content: dict[str, Any]) -> str:
    media_types = [str(m) for m in content]
    return next((m for m in media_types if is_json_media(m) and m != "*/*"), media_types[0])


def media_examples(media: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    if "example" in media:
        return (("example", media["example"]),)
    examples = media.get("examples")
    if isinstance(examples, dict):
        return tuple(
            (str(name), value["value"])
            for name, value in examples.items()
            if isinstance(value, dict) and "value" in value
        )
    return ()
