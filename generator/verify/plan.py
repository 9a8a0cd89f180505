"""The requests verify makes: a valid call per operation (the spec's examples first, else the
one synthesizer), written on the wire as the spec's parameter styles say.

A `Call` holds values by place; `Credentials` adds what the security schemes ask for; `wire`
turns both into what httpx sends, and `client_call` into the generated client's spelling.
"""

from __future__ import annotations

import base64
import json
import random
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote

from generator.ir.model import Api, Operation, Parameter, SecurityScheme
from generator.server_runtime._http import split_key
from generator.values.schema import Schemas
from generator.values.synth import SynthesisError, synthesize
from generator.verify.locate import Source

NO_BODY: Any = object()
PLACEHOLDER_TOKEN = "specgen-verify"  # the bearer token sent when none is given


@dataclass(frozen=True)
class Call:
    """One request before it is written: parameter values by wire name, and the body."""

    op: Operation
    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    cookies: dict[str, Any] = field(default_factory=dict)
    body: Any = NO_BODY
    # What the request is for, in a finding: "valid", "refused: <reason>", ...
    purpose: str = "valid"
    credentials: str = "given"  # given | none | malformed | unknown
    files: frozenset[str] = frozenset()  # multipart properties sent as file parts

    def without(self, location: str, name: str) -> Call:
        """This call with a parameter left out (`location` as the spec says: path, header...)."""
        attribute = _ATTRIBUTES[location]
        values = {k: v for k, v in getattr(self, attribute).items() if k != name}
        changes: dict[str, Any] = {attribute: values}
        return replace(self, **changes)

    def with_value(self, location: str, name: str, value: Any) -> Call:
        attribute = _ATTRIBUTES[location]
        changes: dict[str, Any] = {attribute: {**getattr(self, attribute), name: value}}
        return replace(self, **changes)


_ATTRIBUTES = {"path": "path", "query": "query", "header": "headers", "cookie": "cookies"}


@dataclass(frozen=True)
class Credentials:
    """What the user gave (flags or environment); the placeholder token otherwise."""

    token: str | None = None
    api_key: str | None = None
    basic: str | None = None  # "user:password"

    @property
    def given(self) -> bool:
        return any((self.token, self.api_key, self.basic))

    @property
    def secrets(self) -> tuple[str, ...]:
        found = [s for s in (self.token, self.api_key, self.basic) if s]
        if self.basic:
            found += [base64.b64encode(self.basic.encode()).decode(), *self.basic.split(":", 1)]
        return tuple(s for s in found if s)


@dataclass(frozen=True)
class Wire:
    """A request as httpx sends it."""

    method: str
    url: str
    params: list[tuple[str, str | int | float | bool | None]]
    headers: dict[str, str]
    cookies: dict[str, str]
    content: bytes | None
    body_text: str | None


class Planner:
    """Valid calls for the operations of one API."""

    def __init__(self, api: Api, schemas: Schemas, source: Source, seed: int) -> None:
        self.api = api
        self.schemas = schemas
        self.source = source
        self.seed = seed

    def rng(self, op: Operation, salt: str = "") -> random.Random:
        return random.Random(f"{self.seed}:{op.method} {op.path}:{salt}")

    def valid(self, op: Operation, known: dict[str, Any] | None = None) -> Call | None:
        """A valid call of `op` (None when no valid value could be made for a required part);
        `known` path parameter values (ids from earlier responses) are used first."""
        rng = self.rng(op)
        call = Call(op)
        for param in op.parameters:
            if param.location == "path" and known and param.wire_name in known:
                call = call.with_value("path", param.wire_name, known[param.wire_name])
                continue
            if not param.required:
                continue
            value = self.parameter_value(op, param, rng)
            if value is NO_BODY:
                return None
            call = call.with_value(param.location, param.wire_name, value)
        if op.body is not None and (op.body.required or op.body.kind == "json"):
            body = self.body_value(op, rng)
            if body is NO_BODY:
                return None
            call = replace(call, body=body, files=self._file_parts(op))
        return call

    def parameter_value(self, op: Operation, param: Parameter, rng: random.Random) -> Any:
        for example in self._parameter_examples(op, param):
            if self.schemas.is_valid(example, param.schema):
                return example
        try:
            return synthesize(self.schemas, param.schema, rng, param.wire_name)
        except (SynthesisError, RecursionError):
            return NO_BODY

    def body_value(self, op: Operation, rng: random.Random) -> Any:
        body = op.body
        assert body is not None
        if body.kind in ("binary", "text") and not body.schema:
            return "specgen verify"
        schema = body.schema or {}
        for example in self.body_examples(op):
            if self.schemas.is_valid(example, schema):
                return example
        try:
            return synthesize(self.schemas, schema, rng)
        except (SynthesisError, RecursionError):
            return NO_BODY

    def _file_parts(self, op: Operation) -> frozenset[str]:
        """The multipart properties that are files (`format: binary`, or a part type)."""
        if op.body is None or op.body.kind != "multipart" or not op.body.schema:
            return frozenset()
        names = {name for name, media in op.body.part_types
                 if "json" not in media and not media.startswith("text/")}  # fmt: skip
        for name, sub in self.schemas.properties(op.body.schema).items():
            schema = self.schemas.resolve(sub)
            items = self.schemas.resolve(schema.get("items", {}))
            if "binary" in (self.schemas.format(schema), self.schemas.format(items)) or (
                "contentMediaType" in schema
            ):
                names.add(name)
        return frozenset(names)

    def body_examples(self, op: Operation) -> list[Any]:
        if op.body is None:
            return []
        media = self.source.value(op.pointer, "requestBody", "content", op.body.media_type)
        return _examples(self.source, media)

    def _parameter_examples(self, op: Operation, param: Parameter) -> list[Any]:
        found: list[Any] = []
        for pointer in (op.pointer, op.pointer.rsplit("/", 1)[0]):  # the operation, its path
            listed = self.source.value(pointer, "parameters")
            for index in range(len(listed) if isinstance(listed, list) else 0):
                node = self.source.value(pointer, "parameters", index)
                if isinstance(node, dict) and node.get("name") == param.wire_name:
                    found += _examples(self.source, node)
                    schema = node.get("schema")
                    if isinstance(schema, dict) and "example" in schema:
                        found.append(schema["example"])
        return found


def _examples(source: Source, node: Any) -> list[Any]:
    if not isinstance(node, dict):
        return []
    found = [node["example"]] if "example" in node else []
    examples = node.get("examples")
    if isinstance(examples, dict):
        for example in examples.values():
            if isinstance(example, dict) and "$ref" in example:
                example = source.value(example["$ref"].partition("#")[2] or "#")
            if isinstance(example, dict) and "value" in example:
                found.append(example["value"])
    return found


def secured(op: Operation) -> bool:
    """Whether `op` needs credentials: some alternative exists and none is anonymous (`{}`)."""
    return bool(op.security) and all(requirement.schemes for requirement in op.security)


def wire(
    call: Call, base_url: str, schemes: dict[str, SecurityScheme], credentials: Credentials
) -> Wire:
    op = call.op
    path, declared = split_key(op.path)  # `/v1/messages?beta=true`: the pair is part of the key
    for name, value in call.path.items():
        path = path.replace("{" + name + "}", quote(_text(value), safe=""))
    params: list[tuple[str, str | int | float | bool | None]] = list(declared)
    styles = {p.wire_name: p for p in op.parameters}
    for name, value in call.query.items():
        params += _query(styles.get(name), name, value)
    headers = {name: _text(value) for name, value in call.headers.items()}
    cookies = {name: _text(value) for name, value in call.cookies.items()}
    _authorize(op, schemes, credentials, call.credentials, headers, params, cookies)
    content, text = None, None
    if call.body is not NO_BODY and op.body is not None:
        content, text, media = _body(op.body.kind, op.body.media_type, call.body, call.files)
        headers.setdefault("Content-Type", media)
    return Wire(op.method, base_url.rstrip("/") + path, params, headers, cookies, content, text)


def _authorize(
    op: Operation,
    schemes: dict[str, SecurityScheme],
    credentials: Credentials,
    mode: str,
    headers: dict[str, str],
    params: list[tuple[str, str | int | float | bool | None]],
    cookies: dict[str, str],
) -> None:
    """Credentials for the first alternative of `op`'s security, as `mode` asks."""
    if mode == "none" or not op.security or not op.security[0].schemes:
        return
    for name, _ in op.security[0].schemes:
        scheme = schemes.get(name)
        if scheme is None:
            continue
        kind = scheme.client_kind
        if kind == "api_key":
            value = {"given": credentials.api_key or credentials.token or PLACEHOLDER_TOKEN,
                     "malformed": "", "unknown": "specgen-unknown-key"}[mode]  # fmt: skip
            if scheme.location == "query":
                params.append((scheme.parameter_name, value))
            elif scheme.location == "cookie":
                cookies[scheme.parameter_name] = value
            else:
                headers[scheme.parameter_name] = value
        elif kind == "basic":
            pair = credentials.basic or "specgen:verify"
            encoded = base64.b64encode(pair.encode()).decode()
            headers["Authorization"] = {"given": f"Basic {encoded}",
                                        "malformed": "Basic %%%not-base64%%%",
                                        "unknown": "Basic " + base64.b64encode(
                                            b"specgen-unknown:nope").decode()}[mode]  # fmt: skip
        elif kind:
            token = credentials.token or PLACEHOLDER_TOKEN
            headers["Authorization"] = {"given": f"Bearer {token}", "malformed": "Bearer",
                                        "unknown": "Bearer specgen.unknown.token"}[mode]  # fmt: skip


def _body(
    kind: str, media_type: str, value: Any, files: frozenset[str] = frozenset()
) -> tuple[bytes, str, str]:
    if kind == "form" and isinstance(value, dict):
        from urllib.parse import urlencode

        text = urlencode([(k, _text(v)) for k, v in value.items()])
        return text.encode(), text, media_type
    if kind in ("binary", "text") and isinstance(value, str):
        return value.encode(), value, media_type
    if kind == "multipart" and isinstance(value, dict):
        return _multipart(value, files)
    text = json.dumps(value)
    return text.encode(), text, media_type if "json" in media_type else "application/json"


def _multipart(value: dict[str, Any], files: frozenset[str]) -> tuple[bytes, str, str]:
    """A multipart body: `files` as file parts (a name and bytes), the rest as fields (objects
    as JSON), with a fixed boundary so a seeded run sends the same bytes."""
    import httpx

    data: dict[str, Any] = {}
    uploads: list[tuple[str, tuple[str, bytes, str]]] = []
    for name, item in value.items():
        items = item if isinstance(item, list) else [item]
        if name in files:
            uploads += [(name, (f"{name}.bin", _text(one).encode(), "application/octet-stream"))
                        for one in items]  # fmt: skip
        else:
            texts = [json.dumps(one) if isinstance(one, dict) else _text(one) for one in items]
            data[name] = texts if isinstance(item, list) else texts[0]
    boundary = "specgen-verify-boundary"
    request = httpx.Request("POST", "http://x", data=data, files=uploads or None,
                            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})  # fmt: skip
    content = request.read()
    shown = ", ".join(f"{k}=<file>" if k in files else f"{k}={v!r}" for k, v in value.items())
    return content, f"multipart: {shown}", request.headers["Content-Type"]


def _query(param: Parameter | None, name: str, value: Any) -> list[tuple[str, str]]:
    if isinstance(value, list):
        if param is not None and not param.explode:
            return [(name, ",".join(_text(v) for v in value))]
        return [(name, _text(v)) for v in value]
    if isinstance(value, dict) and param is not None and param.style == "deepObject":
        return [(f"{name}[{k}]", _text(v)) for k, v in value.items()]
    if isinstance(value, dict):
        return [(k, _text(v)) for k, v in value.items()]
    return [(name, _text(value))]


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{_text(v)}" for k, v in value.items())
    return str(value)


def client_call(api: Api, call: Call) -> str:
    """The call through the generated client: `client.jobs.create(body={...})`."""
    op = call.op
    by_wire: dict[tuple[str, str], str] = {
        (p.location, p.wire_name): p.python_name for p in op.parameters
    }
    arguments = []
    for location in ("path", "query", "headers", "cookies"):
        where = location.rstrip("s") if location in ("headers", "cookies") else location
        for name, value in getattr(call, location).items():
            python = by_wire.get((where, name), name)
            arguments.append(f"{python}={value!r}")
    if call.body is not NO_BODY:
        arguments.append(f"body={call.body!r}")
    shown = ", ".join(arguments)
    if len(shown) > 400:
        shown = shown[:400] + "..."
    return f"client.{api.client.call_of(op)}({shown})"
