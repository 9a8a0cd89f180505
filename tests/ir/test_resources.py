"""The client tree: which resource each operation joins and the name of its method."""

from __future__ import annotations

import json
import keyword
from pathlib import Path
from typing import Any

import pytest

from generator.config import NameOverride
from generator.diagnostics import SpecError
from generator.ir import build_api
from generator.ir.model import ClientTree
from generator.ir.resources import client_tree
from generator.load import SpecSet, load_document

ROOT = Path(__file__).resolve().parents[2]
OK = {"200": {"description": "ok"}}


def _op(operation_id: str | None = None, tags: list[str] | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"responses": OK}
    if operation_id is not None:
        op["operationId"] = operation_id
    if tags:
        op["tags"] = tags
    return op


def _tree(
    tmp_path: Path,
    paths: dict[str, Any],
    layout: str = "auto",
    overrides: tuple[NameOverride, ...] = (),
) -> ClientTree:
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(document))
    api, _ = build_api(SpecSet(load_document(spec)), "spec")
    return client_tree(api, layout, overrides)


def _calls(tree: ClientTree) -> dict[str, str]:
    """`METHOD /path` → how the user calls it."""
    return {f"{m.operation.method} {m.operation.path}": m.call for m in tree.all_methods()}


STRIPE_LIKE = {
    "/v1/customers": {"get": _op("GetCustomers"), "post": _op("PostCustomers")},
    "/v1/customers/{customer}": {
        "get": _op("GetCustomersCustomer"),
        "post": _op("PostCustomersCustomer"),
        "delete": _op("DeleteCustomersCustomer"),
    },
    "/v1/customers/search": {"get": _op("GetCustomersSearch")},
    "/v1/customers/{customer}/sources": {
        "get": _op("GetCustomersCustomerSources"),
        "post": _op("PostCustomersCustomerSources"),
    },
    "/v1/customers/{customer}/sources/{id}": {"delete": _op("DeleteCustomersCustomerSourcesId")},
    "/v1/customers/{customer}/discount": {"delete": _op("DeleteCustomersCustomerDiscount")},
    "/v1/invoices/{invoice}/pay": {"post": _op("PostInvoicesInvoicePay")},
    "/v1/invoices": {"get": _op()},  # no operationId: named from method and path too
    "/v1/balance": {"get": _op("GetBalance")},
    "/v1/checkout/sessions": {"post": _op("PostCheckoutSessions")},
    "/v1/checkout/sessions/{session}/expire": {"post": _op("PostCheckoutSessionsSessionExpire")},
}


def test_tagless_paths_group_under_their_first_segment_after_the_shared_prefix(
    tmp_path: Path,
) -> None:
    tree = _tree(tmp_path, STRIPE_LIKE)
    assert tree.layout == "resources" and tree.methods == ()
    assert _calls(tree) == {
        "GET /v1/customers": "customers.list",
        "POST /v1/customers": "customers.create",
        "GET /v1/customers/{customer}": "customers.retrieve",
        "POST /v1/customers/{customer}": "customers.update",
        "DELETE /v1/customers/{customer}": "customers.delete",
        "GET /v1/customers/search": "customers.search",
        "GET /v1/customers/{customer}/sources": "customers.sources.list",
        "POST /v1/customers/{customer}/sources": "customers.sources.create",
        "DELETE /v1/customers/{customer}/sources/{id}": "customers.sources.delete",
        "DELETE /v1/customers/{customer}/discount": "customers.delete_discount",
        "POST /v1/invoices/{invoice}/pay": "invoices.pay",
        "GET /v1/invoices": "invoices.list",
        "GET /v1/balance": "balance.retrieve",
        "POST /v1/checkout/sessions": "checkout.sessions.create",
        "POST /v1/checkout/sessions/{session}/expire": "checkout.sessions.expire",
    }
    customers = tree.resources[0]
    assert (customers.name, customers.module, customers.class_name) == (
        "customers",
        "customers",
        "CustomersResource",
    )
    assert [r.class_name for r in customers.resources] == ["CustomersSourcesResource"]
    # `list` shadows the builtin for later annotations in its class: it is printed last
    assert [m.name for m in customers.methods][-1] == "list"


def test_tags_group_and_human_names_lose_their_resource_words(tmp_path: Path) -> None:
    paths = {
        "/repos/{owner}/{repo}/contents/{path}": {
            "get": _op("repos/get-content", ["repos"]),
        },
        "/repos/{owner}/{repo}": {
            "get": _op("repos/get", ["repos"]),
            "delete": _op("repos/delete", ["repos"]),
        },
        "/jobs": {"get": _op("listJobs", ["Jobs"]), "post": _op("createJob", ["Jobs"])},
        "/jobs/{id}": {"get": _op("read_job_jobs__id__get", ["Jobs"])},  # FastAPI's default
        "/health": {"get": _op("health")},  # untagged in a tagged spec: stays on the client
    }
    tree = _tree(tmp_path, paths)
    assert _calls(tree) == {
        "GET /repos/{owner}/{repo}/contents/{path}": "repos.get_content",
        "GET /repos/{owner}/{repo}": "repos.get",
        "DELETE /repos/{owner}/{repo}": "repos.delete",
        "GET /jobs": "jobs.list",
        "POST /jobs": "jobs.create",
        "GET /jobs/{id}": "jobs.read",
        "GET /health": "health",
    }
    assert [m.name for m in tree.methods] == ["health"]


def test_one_group_stays_flat_and_the_curated_specs_keep_their_api() -> None:
    for spec in sorted((ROOT / "specs").glob("*.yaml")):
        api, _ = build_api(SpecSet(load_document(spec)), spec.stem)
        tree = client_tree(api)
        assert tree.layout == "flat" and tree.resources == ()
        assert [m.name for m in tree.methods] == [op.python_name for op in api.operations]


def test_explicit_layouts_override_the_rule(tmp_path: Path) -> None:
    flat = _tree(tmp_path, STRIPE_LIKE, "flat")
    assert flat.layout == "flat" and flat.resources == ()
    assert "post_customers" in [m.name for m in flat.methods]
    single = {"/api/jobs": {"get": _op("listJobs")}, "/api/jobs/{id}": {"get": _op("getJob")}}
    assert _calls(_tree(tmp_path, single)) == {
        "GET /api/jobs": "list_jobs",
        "GET /api/jobs/{id}": "get_job",
    }
    assert _calls(_tree(tmp_path, single, "resources")) == {
        "GET /api/jobs": "jobs.list",
        "GET /api/jobs/{id}": "jobs.get",
    }


def test_collisions_are_settled_in_spec_order_and_names_stay_valid(tmp_path: Path) -> None:
    paths = {
        "/things/{id}": {"put": _op("PutThingsId"), "patch": _op("PatchThingsId")},
        "/things": {"get": _op("GetThings")},
        "/import/{id}": {"get": _op("GetImportId")},  # a keyword as resource name
        "/close": {"post": _op("PostClose")},  # a client attribute as resource name
        "/dict": {"get": _op("GetDict")},  # a builtin annotations use
        "/items": {"get": _op("GetItems")},
        "/items/{id}/class": {"post": _op("PostItemsIdClass")},  # a keyword as action
    }
    tree = _tree(tmp_path, paths)
    calls = _calls(tree)
    assert calls["PUT /things/{id}"] == "things.update"
    assert calls["PATCH /things/{id}"] == "things.patch_things_id"
    assert calls["GET /import/{id}"] == "import_.retrieve"
    assert calls["POST /close"] == "close_.update"  # a singleton: one thing, updated
    assert calls["GET /dict"] == "dict_.retrieve"
    assert calls["POST /items/{id}/class"] == "items.class_"
    for method in tree.all_methods():
        for part in method.call.split("."):
            assert part.isidentifier() and not keyword.iskeyword(part), method.call


def _override(key: str, name: str) -> NameOverride:
    return NameOverride(key, name, "pyproject.toml", 12)


def test_overrides_rename_and_move_operations(tmp_path: Path) -> None:
    tree = _tree(
        tmp_path,
        STRIPE_LIKE,
        overrides=(
            _override("PostCustomers", "customers.make"),
            _override("GET /v1/invoices", "invoices.all"),
            _override("GetBalance", "balance_now"),
        ),
    )
    calls = _calls(tree)
    assert calls["POST /v1/customers"] == "customers.make"
    assert calls["GET /v1/invoices"] == "invoices.all"
    assert calls["GET /v1/balance"] == "balance_now"
    # an override in a flat spec puts that one method on a resource
    single = {"/jobs": {"get": _op("listJobs"), "post": _op("createJob")}}
    flat = _tree(tmp_path, single, overrides=(_override("listJobs", "jobs.all"),))
    assert _calls(flat) == {"GET /jobs": "jobs.all", "POST /jobs": "create_job"}


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (("Nope", "customers.x"), "no operation has operationId 'Nope'"),
        (("PostCustomers", "customers.sources"), "'sources' is a resource here"),
        (("GetBalance", "close"), "'close' is reserved"),
        (("PostCustomers", "close.create"), "resource name 'close' is reserved"),
    ],
)
def test_bad_overrides_are_located_errors(
    tmp_path: Path, override: tuple[str, str], message: str
) -> None:
    with pytest.raises(SpecError) as caught:
        _tree(tmp_path, STRIPE_LIKE, overrides=(_override(*override),))
    shown = caught.value.diagnostic.format()
    assert shown.startswith("pyproject.toml:12:1: error[operation-name]")
    assert message in shown


def test_two_overrides_giving_one_name_collide(tmp_path: Path) -> None:
    overrides = (
        _override("GetCustomers", "customers.all"),
        _override("GetCustomersSearch", "customers.all"),
    )
    with pytest.raises(SpecError, match="'all' is given twice"):
        _tree(tmp_path, STRIPE_LIKE, overrides=overrides)


def test_numbered_tags_and_dangling_prepositions_give_names_a_person_would_choose(
    tmp_path: Path,
) -> None:
    paths = {
        "/login": {"post": _op("login", ["1. Login"])},
        "/tasks/{task}/addDependencies": {
            "post": _op("addDependenciesForTask", ["Tasks"]),
        },
        "/tasks/{task}/followers": {"post": _op("addFollowersToTask", ["Tasks"])},
        "/projects/{project}/tasks": {"get": _op("getTasksForProject", ["Tasks"])},
        "/users": {"get": _op("getUsers", ["02 - Users & Groups"])},
        "/2fa": {"post": _op("enable", ["2FA"])},
    }
    assert _calls(_tree(tmp_path, paths)) == {
        "POST /login": "login.login",
        "POST /tasks/{task}/addDependencies": "tasks.add_dependencies",
        "POST /tasks/{task}/followers": "tasks.add_followers",
        # the resource word is not at an end: nothing removed, nothing left dangling
        "GET /projects/{project}/tasks": "tasks.get_tasks_for_project",
        "GET /users": "users_groups.list_users",  # a machine-made id: its CRUD verb
        "POST /2fa": "default_2_fa.enable",  # `2FA` is a name, not a section number
    }
