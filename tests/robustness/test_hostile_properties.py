"""Property-based: specs full of hostile names and strings still give a package that compiles,
imports, exposes a valid Python name for everything, keeps every wire name, and runs nothing."""

from __future__ import annotations

import inspect
import json
import keyword
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.robustness.support import build, compile_all, imported, render

# Strings that have broken code generators: quote and docstring breakers, template syntax,
# shell and Python payloads, reserved and shadowing names, separators and non-ASCII.
HOSTILE = [
    '"""',
    "'''",
    "\\",
    'end\\"',
    "{{ 7*7 }}",
    "{% raw %}",
    "$(touch MARKER)",
    "'); __import__('pathlib').Path('MARKER').touch(); ('",
    '"""; __import__("pathlib").Path("MARKER").touch(); """',
    "\u2028",
    "\r\n",
    "\t",
    "#",
    "class",
    "None",
    "True",
    "self",
    "__init__",
    "__class__",
    "model_config",
    "options",
    "body",
    "cast",
    "list",
    "given",
    "Client",
    "Field",
    "BaseModel",
    "Any",
    "Timeout",
    "3MX",
    "",
    " ",
    "日本",
    "meta/root",
    "tag/op",
    "a-b",
    "a_b",
    "A B",
    "aB",
    "_private",
    "__dunder__",
    "with_raw_response",
    "close",
    "mro",
    "name",
    "value",
]


def hostile_text() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(HOSTILE), st.text(max_size=10))


def printable_text() -> st.SearchStrategy[str]:
    """Text a URL or a header may carry (httpx refuses control characters in both)."""
    return st.one_of(
        st.sampled_from([h for h in HOSTILE if h.isascii() and h.isprintable()]),
        st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=10),
    )


def hostile_name() -> st.SearchStrategy[str]:
    """A name a spec may use (non-empty: empty names are invalid OpenAPI, handled elsewhere)."""
    return hostile_text().filter(bool)


@st.composite
def hostile_specs(draw: st.DrawFn, marker: str) -> dict[str, Any]:
    def text() -> str:
        return draw(hostile_text()).replace("MARKER", marker)

    schema_names = draw(st.lists(hostile_name(), min_size=1, max_size=3, unique=True))
    schemas: dict[str, Any] = {}
    for name in schema_names:
        properties = {
            prop: {
                "type": "string",
                "description": text(),
                "title": text(),
                "default": text(),
                "example": text(),
                "pattern": text(),
            }
            for prop in draw(st.lists(hostile_name(), max_size=4, unique=True))
        }
        enum = draw(st.lists(hostile_text(), min_size=1, max_size=4, unique=True))
        properties["kind"] = {"type": "string", "enum": enum, "description": text()}
        schemas[name] = {"type": "object", "description": text(), "properties": properties}
    first = "#/components/schemas/" + schema_names[0].replace("~", "~0").replace("/", "~1")
    paths: dict[str, Any] = {}
    for index, operation_id in enumerate(
        draw(st.lists(hostile_name(), min_size=1, max_size=3, unique=True))
    ):
        query = draw(st.lists(hostile_name(), max_size=4, unique=True))
        parameters = [
            {"name": "item-id", "in": "path", "required": True, "schema": {"type": "string"}}
        ]
        parameters += [
            {
                "name": name,
                "in": "query",
                "required": draw(st.booleans()),
                "description": text(),
                "schema": {"type": "string", "default": text()},
            }
            for name in query
        ]
        segment = draw(printable_text()).replace("MARKER", marker)
        paths[f"/{index}/{{item-id}}/{segment}"] = {
            "post": {
                "operationId": operation_id,
                "summary": text(),
                "description": text(),
                "tags": [text()],
                "parameters": parameters,
                "requestBody": {"content": {"application/json": {"schema": {"$ref": first}}}},
                "responses": {"204": {"description": text()}},
            }
        }
    return {
        "openapi": "3.0.3",
        # The version is printable ASCII: see test_non_ascii_version_reaches_the_user_agent.
        "info": {"title": text(), "version": draw(printable_text()), "description": text()},
        "servers": [{"url": "https://api.example.com/" + draw(printable_text())}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def check_spec(document: dict[str, Any], folder: Path, marker: Path) -> None:
    spec = folder / "spec.json"
    spec.write_text(json.dumps(document))
    api, _ = build(spec)
    out = folder / "out"
    render(spec, out, "hostile_prop")
    compile_all(out)
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    with imported(out / "client" / "src", "hostile_prop") as package:
        for model in api.models:
            assert model.class_name.isidentifier() and not keyword.iskeyword(model.class_name)
            assert inspect.isclass(getattr(package.models, model.class_name))
        http = httpx.Client(transport=httpx.MockTransport(record))
        client = package.Client(token="t", http_client=http)
        for operation in api.operations:
            method = getattr(client, operation.python_name)
            signature = inspect.signature(method).parameters
            names = [p.python_name for p in operation.parameters]
            assert set(names) <= set(signature) and len(set(names)) == len(names)
            defaults = [signature[n].default is not inspect.Parameter.empty for n in names]
            ordered = [defaults[names.index(p.python_name)] for p in operation.ordered_parameters]
            assert ordered == sorted(ordered), "a required parameter follows a defaulted one"
            arguments = {p.python_name: f"v-{i}" for i, p in enumerate(operation.parameters)}
            method(**arguments, **({"body": {}} if operation.body else {}))
            request = sent[-1]
            for index, parameter in enumerate(operation.parameters):
                if parameter.location == "query":
                    assert request.url.params.get(parameter.wire_name) == f"v-{index}"
        client.close()
    assert not marker.exists()


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    # Each example renders a package (about a second): shrinking a failure would take minutes,
    # and the unshrunk example is printed anyway.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_specs_generate_safe_importable_code(tmp_path_factory: Any, data: Any) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    marker = folder / "pwned"
    document = data.draw(hostile_specs(str(marker)))
    check_spec(document, folder, marker)


def test_non_ascii_version_reaches_the_user_agent(tmp_path: Path) -> None:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "v\u0393"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {"/a": {"get": {"operationId": "a", "responses": {"204": {"description": ""}}}}},
    }
    check_spec(document, tmp_path, tmp_path / "pwned")
