"""HTTP facts the server, the mock and the stub renderer share, without the web framework.

Kept apart from `_responses` and `_routing` (which import FastAPI) so that rendering stubs,
which needs only these, does not import FastAPI: 0.2 s of every cold `specgen generate`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl

Declared = tuple[tuple[str, str], ...]


def body_allowed(status: int) -> bool:
    """Whether HTTP lets a response with `status` carry a body."""
    return not (status < 200 or status in (204, 205, 304))


def media_type_declared(content_type: str | None, declared: Sequence[str]) -> bool:
    """Whether a request body sent with `content_type` is of a media type its operation
    declares: parameters (`; charset=utf-8`) aside and without case, exactly or within a
    declared range (`*/*`, `image/*`). A body sent without a Content-Type is left to the
    body's own check (HTTP lets a server guess it), so only a type the client named is judged."""
    if not content_type or not content_type.strip():
        return True
    sent = content_type.split(";")[0].strip().lower()
    for media in declared:
        wanted = media.split(";")[0].strip().lower()
        if wanted in ("*/*", sent) or (wanted.endswith("/*") and sent.startswith(wanted[:-1])):
            return True
    return False


def split_key(key: str) -> tuple[str, Declared]:
    """`/v1/messages?beta=true` -> ("/v1/messages", (("beta", "true"),)); a key without a
    query gives itself and ()."""
    path, mark, query = key.partition("?")
    if not mark:
        return key, ()
    return path, tuple(parse_qsl(query, keep_blank_values=True))


def satisfies(declared: Declared, query: Mapping[str, Sequence[str]]) -> bool:
    """Whether a request's query (name -> values) carries every pair the key declares; a name
    declared without a value (`?beta`) needs only to be present."""
    return all(name in query and (value == "" or value in query[name]) for name, value in declared)
