# Generated from specs/reality-analysis.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Path keys that carry a query string (`/v1/messages?beta=true` beside `/v1/messages`).

OpenAPI path keys have no query part, but vendors use one to publish two operations on one
real path and method, told apart by a query parameter (Anthropic's beta endpoints). The server
serves the real path and dispatches on the query: a route whose key declares `beta=true`
matches only requests that carry `beta=true`; the plain route takes the rest. The key itself is
kept as the route's path, so `/openapi.json` lists both operations as the spec does.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from fastapi.routing import APIRoute
from starlette.routing import Match
from starlette.types import Scope

from ._http import satisfies, split_key


class QueryRoute(APIRoute):
    """An `APIRoute` whose key may declare a query: it then matches the key's real path, and
    only requests carrying the query. Register a key with a query before the plain key of the
    same path and method, or the plain route takes its requests first."""

    def __init__(self, path: str, endpoint: Any, **options: Any) -> None:
        super().__init__(path, endpoint, **options)
        _, self.declared_query = split_key(path)
        self.key_query = path.partition("?")[2]

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if not self.declared_query or scope["type"] != "http":
            return super().matches(scope)
        raw = scope.get("query_string", b"").decode("latin-1")
        if not satisfies(self.declared_query, parse_qs(raw, keep_blank_values=True)):
            return Match.NONE, {}
        # The route's path pattern is its key, query included (FastAPI recompiles it from the
        # key wherever the router is included, and /openapi.json shows the key as the spec
        # does): match the request's path with the key's query appended.
        keyed = {**scope, "path": scope["path"] + "?" + self.key_query}
        return super().matches(keyed)
