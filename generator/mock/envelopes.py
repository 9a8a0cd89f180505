"""The mock's error answers carry every documented property of the declared error schema.

The generated server writes errors into a base body made from the required properties only
(a real server fills the rest itself). The mock answers for the whole API, so its app writes
into the full fill of the same schemas: Asana's `{"errors": [{"message", "help", "phrase"}]}`
comes back with `help` and `phrase` too, the message in the field that holds one. The table is
handed to the app the mock serves (`create_app(errors=...)`), never the imported package's.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

from generator.ir.model import Api
from generator.values.envelope import analyse


def full_error_table(api: Api, package: str) -> Any:
    """The generated package's error table, each shape's base body fully filled."""
    errors = importlib.import_module(package + ".errors")
    table = errors.ERRORS
    full = {shape.name: shape.base for shape in analyse(api, full=True).shapes}
    replaced: dict[int, Any] = {}
    for name, base in full.items():
        shape = getattr(errors, name, None)
        if shape is not None:
            replaced[id(shape)] = dataclasses.replace(shape, base=base)

    def fuller(shape: Any) -> Any:
        return replaced.get(id(shape), shape)

    operations = {
        operation_id: {status: (fuller(use[0]), *use[1:]) for status, use in uses.items()}
        for operation_id, uses in table.operations.items()
    }
    return dataclasses.replace(
        table, operations=operations, default_shape=fuller(table.default_shape)
    )
