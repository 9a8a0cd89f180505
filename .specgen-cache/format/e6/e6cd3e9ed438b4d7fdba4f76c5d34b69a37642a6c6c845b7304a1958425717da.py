# Generated from specs/reality-modeling.yaml by specgen. Do not edit: edit the spec and regenerate.
"""FastAPI server stubs for iTwin Reality Modeling (ContextCapture) v1.

``create_app(service)`` builds the app; subclass ``Service`` (see ``implementation.py``) to serve
the operations. Models come from the client package ``reality_modeling``.
"""

from .app import create_app, router
from .errors import ApiError, ErrorDetail, NotImplementedOperation
from .interface import Reply, Service

__all__ = [
    "ApiError",
    "ErrorDetail",
    "NotImplementedOperation",
    "Reply",
    "Service",
    "create_app",
    "router",
]
