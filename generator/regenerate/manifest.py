"""The manifest: what each target was generated from and which files it wrote.

It lives in the output folder and is meant to be committed with the generated code, so it is
deterministic: sorted keys, no timestamps, no absolute paths.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Level
from generator.regenerate.model import MANIFEST_NAME, SCRATCH_PREFIX

FORMAT = 1


@dataclass(frozen=True)
class TargetRecord:
    spec: str  # the spec file, relative to the manifest's folder
    inputs: Mapping[str, str]  # spec and every file it $refs, relative to the spec's folder -> hash
    templates: str
    generator: str
    options: str
    files: Mapping[str, str]  # generated files, relative to the target folder -> hash
    write_once: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "spec": self.spec,
            "inputs": dict(sorted(self.inputs.items())),
            "fingerprint": {
                "templates": self.templates,
                "generator": self.generator,
                "options": self.options,
            },
            "files": dict(sorted(self.files.items())),
            "write_once": sorted(self.write_once),
            "warnings": [d.to_json() for d in self.warnings],
        }


@dataclass(frozen=True)
class Manifest:
    targets: Mapping[str, TargetRecord] = field(default_factory=dict)
    problem: str | None = None  # why an existing manifest could not be read

    def to_text(self, version: str) -> str:
        data = {
            "format": FORMAT,
            "generator": version,
            "targets": {name: self.targets[name].to_json() for name in sorted(self.targets)},
        }
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def manifest_path(out_dir: Path) -> Path:
    return out_dir / MANIFEST_NAME


def read_manifest(out_dir: Path) -> Manifest:
    """The recorded state; an unreadable manifest counts as none, with the reason kept."""
    path = manifest_path(out_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Manifest()
    except (OSError, UnicodeDecodeError) as exc:
        return Manifest(problem=f"cannot read {path.name}: {exc}")
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return Manifest(problem=f"{path.name} has an unknown format")
        return Manifest({name: _record(raw) for name, raw in data["targets"].items()})
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return Manifest(problem=f"{path.name} is damaged ({type(exc).__name__}: {exc})")


def _record(raw: dict[str, Any]) -> TargetRecord:
    fingerprint = raw["fingerprint"]
    return TargetRecord(
        spec=str(raw["spec"]),
        inputs=_string_map(raw["inputs"]),
        templates=str(fingerprint["templates"]),
        generator=str(fingerprint["generator"]),
        options=str(fingerprint["options"]),
        files=_string_map(raw["files"]),
        write_once=tuple(str(p) for p in raw.get("write_once", [])),
        warnings=tuple(_diagnostic(d) for d in raw.get("warnings", [])),
    )


def _string_map(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise TypeError("expected an object")
    return {str(key): str(value) for key, value in raw.items()}


def _diagnostic(raw: dict[str, Any]) -> Diagnostic:
    return Diagnostic(
        rule=str(raw["rule"]),
        level=Level(raw["level"]),
        message=str(raw["message"]),
        file=str(raw["file"]),
        pointer=str(raw.get("pointer") or ""),
        line=raw.get("line"),
        col=raw.get("col"),
    )


def write_text_atomically(path: Path, text: str) -> bool:
    """Replace `path` via a temporary file and os.replace; False when already identical."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f"{SCRATCH_PREFIX}{path.name}")
    with open(scratch, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(scratch, path)
    return True
