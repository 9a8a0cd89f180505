"""The artefacts `--prove` calls through: each side rendered and imported, its mock served on
loopback, and one call made with a generated client (memoised per plan and direction).

Both specs are rendered as `specgen generate` would (client, models, server stubs) into a
scratch folder and imported under names of their own, so the two clients never collide. Each
side's mock is the generated server (requests validated, answers synthesized from its spec)
with credentials enforced and directed answers enabled (`generator.mock.direct`), served by
uvicorn on 127.0.0.1 on a port the OS picks.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import re
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diff.nodes import Side
from generator.diff.operations import normalise_path
from generator.ir.model import Api, Operation
from generator.load import SpecSet, load_document
from generator.mock.direct import HEADER, MARK, Answer
from generator.values.schema import Schemas

TOKEN = "specgen-prove"  # the one credential every side's mock accepts
_MAX_HEADER_BYTES = 4 * 1024 * 1024  # directed answers travel in a header


@dataclass
class Spec:
    """One side, rendered and imported: its IR, client package and mock app."""

    api: Api
    client: Any  # the generated client package (module)
    app: Any  # the mock's ASGI app
    document: Side  # the spec itself, for its request examples
    schemas: Schemas = field(init=False)
    raw: Schemas = field(init=False)  # the spec as written (header schemas live only here)

    def __post_init__(self) -> None:
        self.schemas = Schemas(self.api.models_document)
        data = self.document.root.value
        self.raw = Schemas(data if isinstance(data, dict) else {})
        self._operations = {
            (op.method, normalise_path(op.path)): op for op in reversed(self.api.operations)
        }

    def operation(self, label: str) -> Operation | None:
        method, _, path = label.partition(" ")
        return self._operations.get((method, normalise_path(path)))


@dataclass(frozen=True)
class Plan:
    """The arguments of one call: parameters by wire name, and the body (None: no body)."""

    params: tuple[tuple[str, Any], ...]
    body: Any = None

    def key(self) -> str:
        return json.dumps([self.params, self.body], sort_keys=True, default=str)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    call: str
    error: str = ""  # one line, for the report
    kind: str = ""  # status | response | refused | other
    status: int = 0
    directed: bool = False  # the mock answered as directed
    parsed: Any = None  # what the client's parse() returned


def render_side(spec_path: Path, workdir: Path, role: str) -> Spec:
    """Render and import one spec under a fresh package name (`specgen_prove_<role>_<hex>`)."""
    from generator.mock.server import MockOptions, mock_app, render_server

    name = f"specgen-prove-{role}-{secrets.token_hex(4)}"
    server = render_server(spec_path, name=name, workdir=workdir)
    client_package = server.package.__name__.removesuffix("_server")
    client = importlib.import_module(client_package)
    # Read for its request examples: the spec the server was rendered from, not read again.
    loaded = server.specset or SpecSet(load_document(spec_path, spec_path.name))
    document = Side(loaded, spec_path.name)
    app = mock_app(server, MockOptions(seed=0, token=TOKEN, direct=True))
    return Spec(server.api, client, app, document)


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on 127.0.0.1 (a free port) in a thread; yields its URL."""
    import uvicorn

    from generator.mock.command import bind

    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, log_level="critical", lifespan="off", h11_max_incomplete_event_size=_MAX_HEADER_BYTES
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline and thread.is_alive():
        time.sleep(0.01)
    if not server.started:
        sock.close()
        raise RuntimeError("the mock server did not start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def credentials(client_class: Any) -> dict[str, Any]:
    """A credential for every scheme the generated client takes, each through its own
    argument (an API key through `api_key_auth=`, not `token=`, which such a client refuses):
    the mock accepts any credential, but only where the spec says it goes."""
    found: dict[str, Any] = {}
    for scheme in getattr(client_class, "auth_schemes", {}).values():
        if scheme.kind == "basic":
            found[scheme.argument] = ("specgen", TOKEN)
        else:
            found[scheme.argument] = TOKEN
    return found


class Caller:
    """Calls made with one side's client against the other side's mock, memoised."""

    def __init__(self, side: Spec, url: str, who: str) -> None:
        self.side = side
        self.who = who
        client_class = side.client.Client
        self.client = client_class(
            base_url=url, max_retries=0, timeout=20.0, **credentials(client_class)
        )
        self._calls: dict[tuple[str, str, str], Outcome] = {}

    def close(self) -> None:
        self.client.close()

    def call(self, op: Operation, plan: Plan, answer: Answer | None = None) -> Outcome:
        directed = answer.encode() if answer is not None else ""
        key = (op.python_name, plan.key(), directed)
        if key not in self._calls:
            self._calls[key] = self._make_call(op, plan, directed)
        return self._calls[key]

    def _make_call(self, op: Operation, plan: Plan, directed: str) -> Outcome:
        kwargs: dict[str, Any] = {}
        names = {p.wire_name: p.python_name for p in op.parameters}
        for wire, value in plan.params:
            if wire in names:
                kwargs[names[wire]] = value
        if plan.body is not None:
            kwargs["body"] = plan.body
        # The method may sit on a resource (`customers.create`): follow the client tree's path.
        path = self.side.api.client.call_of(op)
        call = f"{self.who} client .{path}({_show(kwargs)})"
        errors = self.side.client
        method: Any = self.client.with_raw_response
        for part in path.split("."):
            method = getattr(method, part)
        extra = {"extra_headers": {HEADER: directed}} if directed else {}
        try:
            raw = method(**kwargs, **extra)
        except errors.APIStatusError as exc:
            body = _text(exc.response)
            return Outcome(
                False, f"{call} → HTTP {exc.status_code}", body[:300], "status", exc.status_code
            )
        except errors.APIError as exc:
            return Outcome(False, call, f"{type(exc).__name__}: {exc}", "other")
        except (ValueError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
            return Outcome(False, call, _first_line(exc), "refused")
        status = raw.http_response.status_code
        marked = raw.http_response.headers.get(MARK) == "directed"
        try:
            parsed = raw.parse()
        except (errors.APIError, ValueError) as exc:
            message = f"{type(exc).__name__}: {_first_line(exc)}"
            return Outcome(False, f"{call} → HTTP {status}", message, "response", status, marked)
        return Outcome(True, f"{call} → HTTP {status}, parsed", "", "", status, marked, parsed)


def _show(kwargs: dict[str, Any]) -> str:
    text = ", ".join(f"{k}={json.dumps(v, default=str)}" for k, v in kwargs.items())
    return text if len(text) <= 160 else text[:157] + "..."


_LOOPBACK = re.compile(r"https?://127\.0\.0\.1:\d+")


def _first_line(exc: BaseException) -> str:
    # The mock's port changes every run; the path is what a reader needs.
    text = _LOOPBACK.sub("", str(exc)).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " ".join(lines[:3])[:300] if lines else type(exc).__name__


def _text(response: Any) -> str:
    try:
        return str(response.text)[:4000]
    except Exception:  # a body that cannot be read is no detail
        return ""
