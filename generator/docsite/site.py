"""The reference site of one API as data: pages of operations and models, the search index
and the changelog, decided from the IR (and the release history) before any template runs.

Operations are grouped as the Python client groups them (one page per top-level resource, or
one page for a flat client), at most `OPERATIONS_PER_PAGE` a page; models are paged by name,
at most `MODELS_PER_PAGE` a page, so a large API's pages open as fast as a small one's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.docsite.snippets import Client, Snippets, client_of, operation_snippets
from generator.docsite.types import Piece, constraint_phrases, pieces
from generator.ir.model import Api, Method, Response
from generator.ir.types import ModelClass
from generator.render.client_ts import TsOperation, ts_api
from generator.values.schema import Schemas

MODELS_PER_PAGE = 150
OPERATIONS_PER_PAGE = 40

# The Python client's exception for each status (see generator/runtime/_errors.py).
_ERRORS = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "x"


@dataclass(frozen=True)
class DocParameter:
    name: str  # on the wire
    python_name: str
    location: str
    required: bool
    type: tuple[Piece, ...]
    constraints: tuple[str, ...]
    description: str
    deprecated: bool


@dataclass(frozen=True)
class DocResponse:
    status: str
    description: str
    media_type: str
    type: tuple[Piece, ...]
    error: str  # the Python exception raised for it ("" for a success)


@dataclass(frozen=True)
class DocOperation:
    anchor: str
    page: str
    operation_id: str
    method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    python_call: str
    ts_call: str
    parameters: tuple[DocParameter, ...]
    body_media_type: str
    body_type: tuple[Piece, ...]
    body_required: bool
    responses: tuple[DocResponse, ...]
    snippets: Snippets
    paginated: bool

    @property
    def errors(self) -> tuple[DocResponse, ...]:
        return tuple(r for r in self.responses if r.error)


@dataclass(frozen=True)
class DocField:
    name: str
    python_name: str
    type: tuple[Piece, ...]
    required: bool
    constraints: tuple[str, ...]
    description: str
    default: str  # JSON text, "" when none
    flags: tuple[str, ...]  # read-only, write-only, deprecated


@dataclass(frozen=True)
class DocModel:
    name: str
    anchor: str
    page: str
    kind: str  # object | enum | alias
    description: str
    fields: tuple[DocField, ...]
    members: tuple[tuple[str, str], ...]  # enum: (value, description)
    root: tuple[Piece, ...]  # alias: the type it names
    bases: tuple[str, ...]
    closed: bool  # additionalProperties: false
    used_by: tuple[tuple[str, str], ...]  # (operation label, its link)


@dataclass(frozen=True)
class Page:
    file: str
    title: str
    kind: str  # operations | models
    operations: tuple[DocOperation, ...] = ()
    models: tuple[DocModel, ...] = ()


@dataclass(frozen=True)
class Release:
    """One released version, from `releases/<name>/history.json`."""

    version: str
    previous: str
    date: str
    bump: str
    override: bool
    changes: tuple[Mapping[str, Any], ...]

    @property
    def breaking(self) -> int:
        return sum(1 for c in self.changes if c.get("level") == "breaking")


@dataclass(frozen=True)
class Site:
    api: Api
    client: Client
    pages: tuple[Page, ...]
    releases: tuple[Release, ...] = ()
    links: Mapping[str, str] = field(default_factory=dict)  # model name → page#anchor

    @property
    def operation_pages(self) -> tuple[Page, ...]:
        return tuple(p for p in self.pages if p.kind == "operations")

    @property
    def model_pages(self) -> tuple[Page, ...]:
        return tuple(p for p in self.pages if p.kind == "models")

    def search_entries(self) -> list[list[str]]:
        """[kind, name, detail, link] per operation and model, for the search box."""
        entries = []
        for page in self.pages:
            for op in page.operations:
                detail = f"{op.method} {op.path} · {op.python_call} · {op.summary}"
                entries.append(["op", op.operation_id, detail, f"{page.file}#{op.anchor}"])
            for model in page.models:
                words = " ".join(f.name for f in model.fields[:12])
                detail = f"{model.kind} · {model.description[:80]} {words}".strip()
                entries.append(["model", model.name, detail, f"{page.file}#{model.anchor}"])
        return entries


def _groups(api: Api) -> list[tuple[str, tuple[Method, ...]]]:
    tree = api.client
    groups: list[tuple[str, tuple[Method, ...]]] = []
    if tree.methods:
        groups.append(("client" if tree.resources else "operations", tree.methods))
    for top in tree.resources:
        groups.append((top.name, tuple(m for r in top.walk() for m in r.methods)))
    return groups


def _operation_pages(api: Api) -> list[tuple[str, str, str, tuple[Method, ...]]]:
    """(group, file, part, methods) per page: a group larger than `OPERATIONS_PER_PAGE` is cut
    into parts (`repos (2/5)`), so no page is slow to open."""
    pages = []
    for group, methods in _groups(api):
        count = -(-len(methods) // OPERATIONS_PER_PAGE)
        for index in range(count):
            chunk = methods[index * OPERATIONS_PER_PAGE : (index + 1) * OPERATIONS_PER_PAGE]
            suffix = f"-{index + 1}" if index else ""
            part = f" ({index + 1}/{count})" if count > 1 else ""
            pages.append((group, f"ops-{_slug(group)}{suffix}.html", part, chunk))
    return pages


def build_site(api: Api, package: str, npm: str, releases: Sequence[Release] = ()) -> Site:
    client = client_of(api, package, npm)
    schemas = Schemas(api.models_document)
    ts_calls = {t.op.python_name: t for t in ts_api(api).all_operations}
    model_pages = _model_pages(api.model_classes)
    links = {m: f"{page}#model-{_slug(m)}" for page, names in model_pages for m in names}
    used: dict[str, list[tuple[str, str]]] = {}
    pages = []
    for group, file, part, methods in _operation_pages(api):
        operations = []
        for method in methods:
            doc = _operation(client, method, ts_calls[method.operation.python_name], file, schemas)
            operations.append(doc)
            for name in method.operation.model_names:
                used.setdefault(name, []).append(
                    (f"{doc.method} {doc.path}", f"{file}#{doc.anchor}")
                )
        title = {"client": "Client methods", "operations": "Operations"}.get(group, group) + part
        pages.append(Page(file, title, "operations", operations=tuple(operations)))
    by_name = {m.name: m for m in api.model_classes}
    for page_file, names in model_pages:
        models = tuple(_model(by_name[n], page_file, used.get(n, ())) for n in names)
        title = f"Models {names[0]} – {names[-1]}" if len(model_pages) > 1 else "Models"
        pages.append(Page(page_file, title, "models", models=models))
    return Site(api, client, tuple(pages), tuple(releases), links)


def _model_pages(models: Sequence[ModelClass]) -> list[tuple[str, list[str]]]:
    names = sorted((m.name for m in models), key=str.lower)
    chunks = [names[i : i + MODELS_PER_PAGE] for i in range(0, len(names), MODELS_PER_PAGE)]
    if len(chunks) == 1:
        return [("models.html", chunks[0])]
    return [(f"models-{index + 1}.html", chunk) for index, chunk in enumerate(chunks)]


def _operation(
    client: Client, method: Method, ts: TsOperation, page: str, schemas: Schemas
) -> DocOperation:
    op = method.operation
    parameters = tuple(
        DocParameter(
            p.wire_name,
            p.python_name,
            p.location,
            p.required,
            pieces(p.type.expr),
            constraint_phrases(p.type.expr),
            p.description,
            p.deprecated,
        )
        for p in op.ordered_parameters
    )
    body = op.body
    return DocOperation(
        anchor=f"op-{_slug(op.operation_id)}",
        page=page,
        operation_id=op.operation_id,
        method=op.method,
        path=op.path,
        summary=op.summary,
        description=op.description,
        deprecated=op.deprecated,
        python_call=method.call,
        ts_call=ts.call,
        parameters=parameters,
        body_media_type=body.media_type if body else "",
        body_type=pieces(body.type.expr) if body else (),
        body_required=bool(body and body.required),
        responses=tuple(_response(r) for r in op.responses),
        snippets=operation_snippets(client, op, method.call, ts, schemas),
        paginated=op.pagination is not None,
    )


def _response(response: Response) -> DocResponse:
    code = response.status_code
    error = ""
    if not response.is_success and not response.is_redirect:
        if code is not None and code >= 500:
            error = "InternalServerError"
        elif code is not None:
            error = _ERRORS.get(code, "APIStatusError")
        else:
            error = "APIStatusError"
    return DocResponse(
        response.status,
        response.description,
        response.media_type or "",
        pieces(response.type.expr) if response.type else (),
        error,
    )


def _model(model: ModelClass, page: str, used_by: Sequence[tuple[str, str]]) -> DocModel:
    import json

    fields = tuple(
        DocField(
            f.wire_name,
            f.python_name,
            pieces(f.type),
            f.required,
            constraint_phrases(f.type),
            f.description,
            json.dumps(f.default) if f.has_default else "",
            tuple(
                flag
                for flag, on in (
                    ("read-only", f.read_only),
                    ("write-only", f.write_only),
                    ("deprecated", f.deprecated),
                )
                if on
            ),
        )
        for f in model.fields
    )
    return DocModel(
        name=model.name,
        anchor=f"model-{_slug(model.name)}",
        page=page,
        kind=model.kind,
        description=model.description,
        fields=fields,
        members=tuple((m.value, m.description) for m in model.members),
        root=pieces(model.root) if model.kind == "alias" else (),
        bases=model.bases,
        closed=model.extra == "forbid",
        used_by=tuple(dict.fromkeys(used_by)),
    )


__all__ = ["Page", "Release", "Site", "build_site"]
