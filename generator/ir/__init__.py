"""The intermediate representation every renderer and checker reads (see `model`)."""

from generator.ir.build import build_api
from generator.ir.model import Api, Operation, Parameter, Response, TypeRef

__all__ = ["Api", "Operation", "Parameter", "Response", "TypeRef", "build_api"]
