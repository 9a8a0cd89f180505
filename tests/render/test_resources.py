"""Clients grouped into resources, against a real FastAPI server on loopback: a Stripe-like
tagless spec (`/v1` prefix, machine-made operationIds) and a tagged one with human
operationIds; sync, async, with_raw_response, with_streaming_response; lazy imports; mypy;
the layout flag and the override map through the command line."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi import FastAPI, Request, Response

from generator.cli import cli
from tests.render.helpers import imported, render_into, write_spec
from tests.wire.wire_helpers import serve

CUSTOMER = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
}
SOURCE = {
    "type": "object",
    "required": ["id", "customer"],
    "properties": {"id": {"type": "string"}, "customer": {"type": "string"}},
}


def _json(ref: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def _list_of(ref: str) -> dict[str, Any]:
    items = {"type": "array", "items": {"$ref": f"#/components/schemas/{ref}"}}
    schema = {
        "type": "object",
        "required": ["data"],
        "properties": {"data": items, "next_cursor": {"type": ["string", "null"]}},
    }
    return {"content": {"application/json": {"schema": schema}}}


def _param(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def _document(tagged: bool) -> dict[str, Any]:
    """The same five operations, Stripe-style (tagless, machine-made ids) or tagged with
    human operationIds."""

    def op(machine: str, human: str, tag: str, **rest: Any) -> dict[str, Any]:
        found: dict[str, Any] = {"operationId": human if tagged else machine, **rest}
        if tagged:
            found["tags"] = [tag]
        return found

    create_body = {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}},
                }
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Shop", "version": "1.0.0"},
        "servers": [{"url": "http://127.0.0.1:9"}],
        "paths": {
            "/v1/customers": {
                "get": op(
                    "GetCustomers",
                    "listCustomers",
                    "Customers",
                    responses={"200": {"description": "ok", **_list_of("Customer")}},
                ),
                "post": op(
                    "PostCustomers",
                    "createCustomer",
                    "Customers",
                    requestBody=create_body,
                    responses={"200": {"description": "ok", **_json("Customer")}},
                ),
            },
            "/v1/customers/{customer}": {
                "parameters": [_param("customer")],
                "get": op(
                    "GetCustomersCustomer",
                    "getCustomer",
                    "Customers",
                    responses={"200": {"description": "ok", **_json("Customer")}},
                ),
            },
            "/v1/customers/{customer}/sources": {
                "parameters": [_param("customer")],
                "get": op(
                    "GetCustomersCustomerSources",
                    "listCustomerSources",
                    "Customers",
                    parameters=[
                        {"name": "starting_after", "in": "query", "schema": {"type": "string"}}
                    ],
                    responses={"200": {"description": "ok", **_list_of("Source")}},
                    **{
                        "x-pagination": {
                            "style": "cursor",
                            "items": "data",
                            "next": "next_cursor",
                            "cursor-param": "starting_after",
                        }
                    },
                ),
            },
            "/v1/invoices/{invoice}/pay": {
                "parameters": [_param("invoice")],
                "post": op(
                    "PostInvoicesInvoicePay",
                    "payInvoice",
                    "Invoices",
                    responses={"204": {"description": "paid"}},
                ),
            },
        },
        "components": {"schemas": {"Customer": CUSTOMER, "Source": SOURCE}},
    }


def _app() -> FastAPI:
    app = FastAPI()
    paid: list[str] = []

    @app.get("/v1/customers")
    def list_customers(request: Request) -> dict[str, Any]:
        # The header proves a with_options() copy's resources use the copy's settings.
        name = request.headers.get("x-shop", "plain")
        return {"data": [{"id": "cus_1", "name": name}]}

    @app.post("/v1/customers")
    async def create_customer(request: Request) -> dict[str, Any]:
        body = await request.json()
        return {"id": "cus_new", "name": body["name"]}

    @app.get("/v1/customers/{customer}")
    def get_customer(customer: str) -> dict[str, Any]:
        return {"id": customer, "name": "Ada"}

    @app.get("/v1/customers/{customer}/sources")
    def list_sources(customer: str, starting_after: str | None = None) -> dict[str, Any]:
        # Two pages: the client follows the cursor to the second.
        if starting_after is None:
            ids, cursor = ["src_1", "src_2"], "page-2"
        else:
            ids, cursor = ["src_3"], None
        return {"data": [{"id": i, "customer": customer} for i in ids], "next_cursor": cursor}

    @app.post("/v1/invoices/{invoice}/pay")
    def pay(invoice: str) -> Response:
        paid.append(invoice)
        return Response(status_code=204, headers={"x-paid": ",".join(paid)})

    return app


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(_app()) as url:
        yield url


def _package(folder: Path, tagged: bool) -> Path:
    name = "shop_tagged" if tagged else "shop"
    spec = write_spec(folder, _document(tagged), name=name)
    result = render_into(spec, folder, name, layout="auto")
    assert not [d for d in result.diagnostics if d.level.value == "error"]
    return folder / "client" / "src"


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The Stripe-like client: tagless, `/v1` prefix, machine-made operationIds."""
    with imported(_package(tmp_path_factory.mktemp("tagless"), False), "shop") as package:
        yield package


def test_tags_name_resources_and_human_operation_ids_stay(tmp_path: Path, server: str) -> None:
    with (
        imported(_package(tmp_path, tagged=True), "shop_tagged") as shop,
        shop.Client(token="t", base_url=server) as client,
    ):
        assert client.customers.create(body={"name": "Tag"}).name == "Tag"  # createCustomer
        assert client.customers.list().data[0].id == "cus_1"  # listCustomers
        assert client.customers.get(customer="cus_2").id == "cus_2"  # getCustomer
        # no sub-resources under a tag: the operationId says what it does
        sources = list(client.customers.list_customer_sources(customer="cus_2"))
        assert [s.id for s in sources] == ["src_1", "src_2", "src_3"]
        assert client.invoices.pay(invoice="in_2") is None  # payInvoice
        raw = client.with_raw_response.customers.get(customer="cus_3")
        assert raw.status_code == 200 and raw.parse().id == "cus_3"


def test_resources_reach_the_server(shop: ModuleType, server: str) -> None:
    with shop.Client(token="t", base_url=server) as client:
        created = client.customers.create(body={"name": "Grace"})
        assert (created.id, created.name) == ("cus_new", "Grace")
        assert isinstance(created, shop.models.Customer)
        assert client.customers.retrieve(customer="cus_9").id == "cus_9"
        sources = list(client.customers.sources.list(customer="cus_9"))  # every page
        assert [s.id for s in sources] == ["src_1", "src_2", "src_3"]
        assert {s.customer for s in sources} == {"cus_9"}
        assert client.invoices.pay(invoice="in_1") is None
        assert client.customers is client.customers  # made once, on first use
        # the flat names are gone: operations live on their resources only
        assert not hasattr(client, "post_customers") and not hasattr(client, "create_customer")


def test_async_resources_reach_the_server(shop: ModuleType, server: str) -> None:
    async def run() -> None:
        async with shop.AsyncClient(token="t", base_url=server) as client:
            created = await client.customers.create(body={"name": "Lin"})
            assert created.name == "Lin"
            sources = [s async for s in client.customers.sources.list(customer="cus_3")]
            assert [s.id for s in sources] == ["src_1", "src_2", "src_3"]
            assert {s.customer for s in sources} == {"cus_3"}
            raw = await client.with_raw_response.customers.sources.list(customer="cus_4")
            assert raw.status_code == 200 and raw.parse().data[0].customer == "cus_4"
            retrieved = await client.with_raw_response.customers.retrieve(customer="cus_5")
            assert retrieved.parse().id == "cus_5"
            async with client.with_streaming_response.customers.create(
                body={"name": "Kay"}
            ) as streamed:
                assert streamed.status_code == 200
                assert b'"Kay"' in b"".join([chunk async for chunk in streamed.iter_bytes()])

    asyncio.run(run())


def test_raw_and_streaming_responses_through_resources(shop: ModuleType, server: str) -> None:
    with shop.Client(token="t", base_url=server) as client:
        raw = client.with_raw_response.customers.create(body={"name": "Raw"})
        assert raw.status_code == 200 and raw.headers["content-type"] == "application/json"
        assert raw.parse().name == "Raw"
        nested = client.with_raw_response.customers.sources.list(customer="cus_5")  # paged
        assert [s.id for s in nested.parse().data] == ["src_1", "src_2"]  # the first page
        paid = client.with_raw_response.invoices.pay(invoice="in_7")
        assert paid.status_code == 204 and "in_7" in paid.headers["x-paid"]
        with client.with_streaming_response.customers.retrieve(customer="cus_6") as streamed:
            assert streamed.status_code == 200
            assert b"cus_6" in b"".join(streamed.iter_bytes())


def test_with_options_copies_get_their_own_resources(shop: ModuleType, server: str) -> None:
    with shop.Client(token="t", base_url=server) as client:
        assert client.customers.list().data[0].name == "plain"  # cached on the original
        copy = client.with_options(default_headers={"X-Shop": "copied"})
        assert copy.customers is not client.customers
        assert copy.customers.list().data[0].name == "copied"
        assert client.customers.list().data[0].name == "plain"


def test_importing_the_client_imports_no_resource_module(tmp_path: Path) -> None:
    src = _package(tmp_path, tagged=False)
    script = """
import sys
import shop
loaded = lambda: sorted(m for m in sys.modules if m.startswith("shop._resources."))
assert loaded() == [], loaded()
client = shop.Client(token="t", base_url="http://127.0.0.1:9")
assert loaded() == [], loaded()
client.customers
assert loaded() == ["shop._resources.customers"], loaded()
client.with_raw_response.invoices
assert loaded() == ["shop._resources.customers", "shop._resources.invoices"], loaded()
print("lazy")
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=src,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(src)},
    )
    assert done.returncode == 0 and done.stdout.strip() == "lazy", done.stderr
    assert sorted(p.name for p in (src / "shop" / "_resources").iterdir()) == [
        "__init__.py",
        "customers.py",
        "invoices.py",
    ]


def test_the_resource_package_passes_mypy_strict(tmp_path: Path) -> None:
    src = _package(tmp_path, tagged=False)
    usage = src / "usage.py"
    usage.write_text(
        "from shop import AsyncClient, Client\n"
        "from shop.models import Customer, Source\n\n\n"
        "def sync(client: Client) -> list[Source]:\n"
        "    created: Customer = client.customers.create(body={'name': 'x'})\n"
        "    assert created.id\n"
        "    return list(client.customers.sources.list(customer='c'))\n\n\n"
        "async def run(client: AsyncClient) -> Customer:\n"
        "    raw = await client.with_raw_response.customers.retrieve(customer='c')\n"
        "    return raw.parse()\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "shop", "usage.py"],
        cwd=src,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


PYPROJECT = """[tool.specgen]
specs = "specs"
output = "generated"
artefacts = ["client", "models"]

[tool.specgen.targets.shop]
package = "shop_cli"
layout = "{layout}"

[tool.specgen.targets.shop.operations]
PostCustomers = "customers.make"
"GET /v1/customers" = "{list_name}"
"""


def _project(tmp_path: Path, layout: str = "auto", list_name: str = "customers.all") -> Path:
    (tmp_path / "specs").mkdir()
    write_spec(tmp_path / "specs", _document(tagged=False), name="shop")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.format(layout=layout, list_name=list_name))
    return tmp_path


def _generate(project: Path, *flags: str) -> Any:
    cwd = Path.cwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(cli, ["generate", *flags])
    finally:
        os.chdir(cwd)


def test_the_override_map_and_the_layout_flag(tmp_path: Path, server: str) -> None:
    project = _project(tmp_path)
    done = _generate(project)
    assert done.exit_code == 0, done.output
    src = project / "generated" / "shop" / "client" / "src"
    with imported(src, "shop_cli") as shop, shop.Client(token="t", base_url=server) as client:
        assert client.customers.make(body={"name": "Made"}).name == "Made"
        assert client.customers.all().data[0].id == "cus_1"
        assert client.customers.retrieve(customer="c").id == "c"
    # --layout flat wins over the configured layout: the operations are client methods again,
    # except those the override map puts on a resource
    done = _generate(project, "--layout", "flat")
    assert done.exit_code == 0 and "regenerated" in done.output, done.output
    with imported(src, "shop_cli") as shop, shop.Client(token="t", base_url=server) as client:
        assert client.get_customers_customer(customer="c").id == "c"
        assert client.customers.make(body={"name": "Flat"}).name == "Flat"
        assert not hasattr(client, "invoices")


@pytest.mark.parametrize(
    ("layout", "list_name", "expected"),
    [
        ("auto", "customers.sources", "pyproject.toml:12:1: error[operation-name]"),
        ("auto", "customers.class", "pyproject.toml:12:1: error[config]"),
        ("sideways", "customers.all", "pyproject.toml:8:1: error[config]"),
    ],
)
def test_configuration_mistakes_are_located(
    tmp_path: Path, layout: str, list_name: str, expected: str
) -> None:
    done = _generate(_project(tmp_path, layout, list_name))
    # A malformed [tool.specgen] stops the run before it starts (2, as a usage error); a
    # well-formed rename the spec cannot honour fails its target (1).
    assert done.exit_code == (2 if "error[config]" in expected else 1)
    assert expected in done.output, done.output


def test_an_unknown_operation_id_is_located(tmp_path: Path) -> None:
    project = _project(tmp_path)
    text = (project / "pyproject.toml").read_text().replace("PostCustomers", "PostNothing")
    (project / "pyproject.toml").write_text(text)
    done = _generate(project)
    assert done.exit_code == 1
    assert "pyproject.toml:11:1: error[operation-name]" in done.output, done.output
    assert "PostNothing" in done.output


def _awkward() -> dict[str, Any]:
    """Resource and method names that are keywords, builtins, client attributes or `list`
    (which must not shadow `list[...]` in later annotations), nested two deep."""
    listed = {"type": "array", "items": {"type": "string"}}

    def op(operation_id: str, returns: dict[str, Any] | None = None) -> dict[str, Any]:
        body = {"application/json": {"schema": returns or {"type": "string"}}}
        return {
            "operationId": operation_id,
            "responses": {"200": {"description": "ok", "content": body}},
        }

    return {
        "openapi": "3.1.0",
        "info": {"title": "Awkward", "version": "1"},
        "servers": [{"url": "http://127.0.0.1:9"}],
        "paths": {
            "/import/{id}": {"get": op("GetImportId", listed)},
            "/import": {"get": op("GetImport", listed), "post": op("PostImport", listed)},
            "/close": {"post": op("PostClose")},
            "/dict/{id}/list": {"get": op("GetDictIdList", listed)},
            "/dict/{id}/list/{item}": {
                "put": op("PutDictIdListItem"),
                "patch": op("PatchDictIdListItem"),
            },
            "/with_options/{id}/class": {"post": op("PostWithOptionsIdClass", listed)},
        },
    }


def test_awkward_names_import_and_pass_mypy(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, _awkward(), name="awkward")
    render_into(spec, tmp_path, "awkward", layout="auto")
    src = tmp_path / "client" / "src"
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "awkward"],
        cwd=src,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    from generator.ir import build_api
    from generator.ir.resources import client_tree
    from generator.load import SpecSet, load_document

    api, _ = build_api(SpecSet(load_document(spec)), "awkward")
    calls = [m.call for m in client_tree(api).all_methods()]
    # a resource named `list` would shadow the builtin like a method: it is `list_`
    assert "import_.list" in calls and "dict_.list_.update" in calls, calls
    with imported(src, "awkward") as package:
        for client in (package.Client(token="t"), package.AsyncClient(token="t")):
            for owner in (client, client.with_raw_response):
                for call in calls:
                    found: Any = owner
                    for part in call.split("."):
                        found = getattr(found, part)
                    assert callable(found), call
