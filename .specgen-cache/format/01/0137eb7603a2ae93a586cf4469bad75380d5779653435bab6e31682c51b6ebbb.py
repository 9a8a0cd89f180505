# Generated from specs/cognite-3d-jobs.yaml by specgen. Do not edit: edit the spec and regenerate.
"""Serve ``implementation.Implementation`` with uvicorn: ``python -m cognite_3d_jobs_server [HOST] [PORT]``."""

from __future__ import annotations

import sys

import uvicorn

from .app import create_app


def main(argv: list[str]) -> None:
    host = argv[0] if argv else "127.0.0.1"
    port = int(argv[1]) if len(argv) > 1 else 8000
    uvicorn.run(create_app(), host=host, port=port)


if __name__ == "__main__":
    main(sys.argv[1:])
