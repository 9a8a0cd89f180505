"""What a target is called in package names: its spec's file name, or its `info.title` when
the file name says nothing about the API."""

from __future__ import annotations

import re

from generator.naming.casing import words

# File names that say nothing about the API: its package is named after `info.title` instead.
GENERIC_SPEC_NAMES = frozenset({"openapi", "swagger", "api", "spec", "specs", "schema"})
# Words a title adds to every API's name (`Swagger Petstore - OpenAPI 3.0` → `petstore`).
_TITLE_NOISE = frozenset(
    {
        "the",
        "api",
        "apis",
        "openapi",
        "swagger",
        "rest",
        "restful",
        "http",
        "spec",
        "specification",
        "documentation",
        "docs",
        "reference",
        "definition",
        "service",
        "v",
    }
)


def _is_version(word: str) -> bool:
    return bool(re.fullmatch(r"v?\d+[a-z]?", word.lower()))


def is_generic_spec_name(stem: str) -> bool:
    """Whether a spec's file name says nothing (`openapi`, `swagger.v2`, `API`, `spec-3`)."""
    found = [w.lower() for w in words(re.sub(r"(?i)open[\s_-]*api", " openapi ", stem))]
    return (
        bool(found)
        and all(w in GENERIC_SPEC_NAMES or _is_version(w) for w in found)
        and any(w in GENERIC_SPEC_NAMES for w in found)
    )


def api_name(stem: str, title: str) -> str:
    """What a target is called in package names: the spec's file name, or its `info.title`
    when the file name is generic (`openapi.yaml` of `Asana` → `asana`)."""
    if not is_generic_spec_name(stem):
        return stem
    spelled = re.sub(r"(?i)open\s*api", " ", title)  # `OpenAPI` would split into Open, API
    # A title's words are split at spaces and punctuation only: a brand keeps its casing's
    # unity (`GitHub` → `github`, not `git-hub`).
    title_words = re.findall(r"[A-Za-z0-9]+", spelled)
    kept = [w for w in title_words if w.lower() not in _TITLE_NOISE and not _is_version(w)]
    return "-".join(w.lower() for w in kept) or stem
