"""Build the IR from a loaded spec: schemas are hoisted to classes, then operations, servers
and security are read, each by its own module.

Generation is forgiving: whatever cannot be expressed precisely becomes a typed fallback
(`Any`, `dict[str, Any]`, `bytes`) plus a warning with its location. No operation is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostic, Level, SpecError
from generator.incremental import Run, Store, stage_name
from generator.ir.context import BuildContext
from generator.ir.hoisted import Hoisted
from generator.ir.model import Api, Model
from generator.ir.operations import OperationsBuilder
from generator.ir.schemas import SchemaHoister
from generator.ir.security import DocumentFacts, security_requirements
from generator.ir.warm import WarmIR
from generator.load import SpecSet
from generator.values.envelope import analyse


def build_api(
    spec: SpecSet, name: str, memory: Store | None = None
) -> tuple[Api, list[Diagnostic]]:
    """The IR of one spec plus the warnings about what could only be approximated.

    `memory`: where a long-lived process keeps model classes between runs, each reused while
    the schemas its build read are unchanged (see `class_cache`), and the units the warm
    replay reuses (see `warm`); the IR is the same without it."""
    if "swagger" in spec.root.data:
        raise SpecError(
            Diagnostic(
                "swagger-2",
                Level.ERROR,
                "Swagger 2.0 document: convert it to OpenAPI 3 first (e.g. with swagger2openapi)",
                spec.root.display,
                "#/swagger",
                *spec.root.locate("#/swagger"),
            )
        )
    ctx = BuildContext(spec, name)
    root = spec.root.data
    info: dict[str, Any] = root.get("info") if isinstance(root.get("info"), dict) else {}
    run = Run(memory)
    hoisted = Hoisted(ctx, run=run)
    warm = WarmIR.open(hoisted, memory) if memory is not None else None
    hoister = SchemaHoister(hoisted, warm)
    hoister.hoist_components()
    operations = OperationsBuilder(ctx, hoister).operations()
    model_classes = hoister.classes.classes(stage_name("classes", spec.root.path))
    if warm is not None:
        run.close()
        warm.save()
    hoister.classes.warn_dropped_defaults()
    models = tuple(
        Model(name, hoister.origins.get(name, ""), str(schema.get("description") or ""))
        for name, schema in hoister.schemas.items()
    )
    document = {
        "openapi": str(root.get("openapi", "3.0.3")),
        "info": {
            "title": str(info.get("title") or name),
            "version": str(info.get("version") or "0"),
        },
        "paths": {},
        "components": {"schemas": dict(hoister.schemas)},
    }
    facts = DocumentFacts(ctx)
    api = Api(
        name=name,
        title=str(info.get("title") or name),
        version=str(info.get("version") or ""),
        description=str(info.get("description") or ""),
        openapi_version=str(root.get("openapi", "")),
        servers=facts.servers(),
        security_schemes=facts.security_schemes(),
        security=security_requirements(root.get("security")),
        operations=operations,
        models=models,
        models_document=document,
        model_classes=model_classes,
    )
    return replace(api, envelopes=analyse(api)), ctx.diagnostics
