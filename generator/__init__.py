"""specgen: typed Python clients, models, server stubs and contract diffs from OpenAPI 3.x specs."""

__version__ = "0.1.0"
