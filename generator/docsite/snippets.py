"""Examples for one operation in Python, TypeScript and curl, written with the generated
clients' own names (the Python call path from the client tree, the TypeScript one from the
TypeScript client's naming) and with argument values that the spec's schemas accept (made by
the shared synthesizer, seeded by the operation so the site is the same on every build), so
a snippet copied from the site runs against a server (or `specgen mock`) as it is.
"""

from __future__ import annotations

import json
import random
import shlex
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from generator.ir.model import Api, Operation, Parameter, SecurityScheme
from generator.render.client_ts import TsOperation
from generator.values.schema import Schemas
from generator.values.synth import SynthesisError, synthesize

TOKEN = "YOUR_TOKEN"


@dataclass(frozen=True)
class Snippets:
    python: str
    typescript: str
    curl: str


@dataclass(frozen=True)
class Client:
    """What every snippet of one API starts from."""

    package: str  # the Python import name
    npm: str  # the npm package name
    base_url: str
    credential: SecurityScheme | None  # the scheme given its own argument; None: `token=`


def client_of(api: Api, package: str, npm: str) -> Client:
    server = api.server
    url = server.url if server else "http://127.0.0.1:4010"
    for variable in server.variables if server else ():
        url = url.replace("{" + variable.name + "}", variable.default)
    bearer = any(s.uses_bearer_token for s in api.security_schemes)
    own = [s for s in api.security_schemes if s.client_kind and not s.uses_bearer_token]
    credential = own[0] if own and not bearer else None
    return Client(package, npm, url.rstrip("/"), credential)


def example_value(schemas: Schemas, schema: Any, seed: str, name: str = "") -> Any:
    """A value valid against `schema` (deterministic for `seed`); a typed placeholder when
    the synthesizer cannot make one."""
    try:
        return synthesize(schemas, schema, random.Random(seed), name)
    except (SynthesisError, RecursionError):
        kind = schemas.resolve(schema).get("type")
        return {"integer": 1, "number": 1, "boolean": True, "array": [], "object": {}}.get(
            kind if isinstance(kind, str) else "", "string"
        )


def _python_literal(value: Any, indent: int) -> str:
    text = repr(value)
    if len(text) + indent <= 88 or not isinstance(value, dict | list) or not value:
        return text
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        items = [f"{pad}{key!r}: {_python_literal(v, indent + 4)}," for key, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    items = [f"{pad}{_python_literal(v, indent + 4)}," for v in value]
    return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"


def _ts_literal(value: Any, indent: int) -> str:
    return json.dumps(value, indent=2).replace("\n", "\n" + " " * indent)


def operation_snippets(
    client: Client, op: Operation, python_call: str, ts: TsOperation, schemas: Schemas
) -> Snippets:
    required = [p for p in op.ordered_parameters if p.required]
    values = {p.python_name: _parameter_value(schemas, op, p) for p in required}
    body = None
    if op.body is not None and op.body.kind == "json" and op.body.schema is not None:
        body = example_value(schemas, op.body.schema, f"{op.operation_id} body")
    return Snippets(
        python=_python(client, op, python_call, required, values, body),
        typescript=_typescript(client, op, ts, values, body),
        curl=_curl(client, op, required, values, body),
    )


def _parameter_value(schemas: Schemas, op: Operation, parameter: Parameter) -> Any:
    return example_value(
        schemas, parameter.schema, f"{op.operation_id} {parameter.wire_name}", parameter.wire_name
    )


def _python(
    client: Client,
    op: Operation,
    call: str,
    required: list[Parameter],
    values: dict[str, Any],
    body: Any,
) -> str:
    arguments = [f"{p.python_name}={values[p.python_name]!r}" for p in required]
    if body is not None:
        arguments.append(f"body={_python_literal(body, 8)}")
    elif op.body is not None and op.body.required:
        arguments.append("body=...")
    credential = f'token="{TOKEN}"'
    if client.credential is not None:
        basic = client.credential.client_kind == "basic"
        value = '("YOUR_USER", "YOUR_PASSWORD")' if basic else '"YOUR_KEY"'
        credential = f"{client.credential.python_name}={value}"
    invocation = f"client.{call}({', '.join(arguments)})"
    if len(invocation) > 80 and arguments:
        inner = ",\n".join(f"        {a}" for a in arguments)
        invocation = f"client.{call}(\n{inner},\n    )"
    lines = [
        f"from {client.package} import Client",
        "",
        f'with Client(base_url="{client.base_url}", {credential}) as client:',
    ]
    if op.pagination is not None:
        lines += [f"    for item in {invocation}:", "        print(item)"]
    elif op.return_type.annotation == "None":
        lines.append(f"    {invocation}")
    else:
        lines += [f"    result = {invocation}", "    print(result)"]
    return "\n".join(lines) + "\n"


def _typescript(
    client: Client, op: Operation, ts: TsOperation, values: dict[str, Any], body: Any
) -> str:
    by_wire: dict[tuple[str, str], str] = {
        (p.location, p.wire_name): p.python_name for p in op.parameters
    }
    fields = []
    for argument in ts.arguments:
        if argument.location == "body":
            if body is not None:
                fields.append(f"body: {_ts_literal(body, 2)}")
            continue
        python_name = by_wire.get((argument.location, argument.wire_name))
        if argument.required and python_name in values:
            fields.append(f"{argument.key}: {json.dumps(values[python_name])}")
    argument_text = "{ " + ", ".join(fields) + " }" if fields else ""
    if len(argument_text) > 60 or "\n" in argument_text:
        argument_text = "{\n" + "".join(f"  {f},\n" for f in fields) + "}"
    invocation = f"client.{ts.call}({argument_text})"
    lines = [
        f'import {{ Client }} from "{client.npm}";',
        "",
        f'const client = new Client({{ baseUrl: "{client.base_url}", token: "{TOKEN}" }});',
    ]
    if op.pagination is not None:
        lines += [f"for await (const item of {invocation}) {{", "  console.log(item);", "}"]
    elif ts.returns == "void":
        lines.append(f"await {invocation};")
    else:
        lines += [f"const result = await {invocation};", "console.log(result);"]
    return "\n".join(lines) + "\n"


def _curl(
    client: Client, op: Operation, required: list[Parameter], values: dict[str, Any], body: Any
) -> str:
    path = op.path
    query: list[tuple[str, str]] = []
    headers = []
    for p in required:
        value = values[p.python_name]
        text = value if isinstance(value, str) else json.dumps(value)
        if p.location == "path":
            path = path.replace("{" + p.wire_name + "}", quote(text, safe=""))
        elif p.location == "query":
            query.append((p.wire_name, text))
        elif p.location == "header":
            headers.append(f"{p.wire_name}: {text}")
    url = client.base_url + path + (f"?{urlencode(query)}" if query else "")
    parts = ["curl", "-X", op.method, shlex.quote(url)]
    lines = [" ".join(parts)]
    if client.credential is None:
        lines.append(f"-H {shlex.quote(f'Authorization: Bearer {TOKEN}')}")
    elif client.credential.client_kind == "api_key" and client.credential.location == "header":
        lines.append(f"-H {shlex.quote(f'{client.credential.parameter_name}: YOUR_KEY')}")
    lines += [f"-H {shlex.quote(header)}" for header in headers]
    if body is not None:
        lines.append("-H 'Content-Type: application/json'")
        lines.append(f"--data {shlex.quote(json.dumps(body))}")
    return " \\\n  ".join(lines) + "\n"
