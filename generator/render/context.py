"""What one target's templates are rendered with: the IR plus decided package names."""

from __future__ import annotations

import re
from dataclasses import dataclass

import jinja2

from generator import naming
from generator.ir.model import Api

_PEP440 = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?")
HEADER = "Generated from {spec} by specgen. Do not edit: edit the spec and regenerate."


@dataclass(frozen=True)
class RenderContext:
    api: Api
    spec: str  # the spec's path as shown in headers (relative, POSIX)
    package: str  # import name of the client/models package
    distribution: str  # its distribution name
    server_package: str
    server_distribution: str
    env: jinja2.Environment
    version_override: str | None = None  # --package-version / package-version

    @property
    def version(self) -> str:
        """The packages' version: the one asked for, else the spec's as a PEP 440 version
        (`v1` → `1`), else 0.0.0 (pip refuses others)."""
        version = (self.version_override or self.api.version).strip()
        version = version[1:] if version[:1] in ("v", "V") else version
        return version if _PEP440.fullmatch(version) else "0.0.0"

    @property
    def header(self) -> str:
        return HEADER.format(spec=self.spec)

    @classmethod
    def create(
        cls,
        api: Api,
        spec: str,
        package: str | None,
        env: jinja2.Environment,
        version: str | None = None,
    ) -> RenderContext:
        import_name = package or naming.module_name(naming.api_name(api.name, api.title))
        return cls(
            api=api,
            spec=spec,
            package=import_name,
            distribution=naming.distribution_name(import_name),
            server_package=f"{import_name}_server",
            server_distribution=naming.distribution_name(f"{import_name}-server"),
            env=env,
            version_override=version,
        )

    def render(self, template: str, **extra: object) -> str:
        return self.env.get_template(template).render(ctx=self, api=self.api, **extra)
