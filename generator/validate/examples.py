"""Examples and defaults against their schemas, with the document version's semantics.

3.0: `nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum` (draft 4), discriminators;
3.1: JSON Schema 2020-12. In both, a readOnly property need not appear in a request example
and a writeOnly one in a response example. Formats are annotations (not asserted), and a
pattern Python cannot compile is skipped (pattern-unsupported reports it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jsonschema import ValidationError  # type: ignore[import-untyped]
from jsonschema.exceptions import best_match  # type: ignore[import-untyped]
from jsonschema.validators import extend  # type: ignore[import-untyped]
from openapi_schema_validator import OAS30Validator, OAS31Validator
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.diagnostics import pointer_join
from generator.incremental import Run
from generator.load import SpecSet
from generator.units import UnitGraph
from generator.validate.meaning import ExampleCheck, Finding, Mode, regex_problem
from generator.validate.structure import short
from generator.validate.verdicts import STAGE, Followed, Verdict, Verdicts


@dataclass(frozen=True)
class _Context:
    registry: Registry[Any]
    legacy: bool
    uris: dict[Path, str]  # each document's base URI, as the registry knows it


_MAX_ERRORS_PER_VALUE = 50


def check_examples(
    spec: SpecSet,
    version: str,
    checks: list[ExampleCheck],
    run: Run | None = None,
    units: UnitGraph | None = None,
    stage: str = STAGE,
    folder: Path | None = None,
) -> list[Finding]:
    """Each value against its schema. With a `run` (and the spec's `units`), a verdict from
    an earlier run is reused when the value and everything its validation read are unchanged
    (a big spec checks thousands of examples; after a one-line edit nearly all verdicts still
    hold). `stage`, `folder`: where the run keeps them (see `generator.incremental`)."""
    legacy = version == "3.0"
    specification = DRAFT4 if legacy else DRAFT202012
    uris = {doc.path: doc.path.resolve().as_uri() for doc in spec.documents.values()}
    registry: Registry[Any] = Registry().with_resources(
        (uris[doc.path], specification.create_resource(doc.data)) for doc in spec.documents.values()
    )
    context = _Context(registry, legacy, uris)
    verdicts = None
    if run is not None and run.active and units is not None:
        verdicts = Verdicts(run, stage, spec, version, uris, units, folder)
    findings: list[Finding] = []
    done: set[tuple[int, Path, str, Mode]] = set()
    for check in checks:
        # A shared example `$ref`d next to the same schema is checked once.
        key = (id(check.value), check.schema_document.path, check.schema_pointer, check.mode)
        if key in done:
            continue
        done.add(key)
        if verdicts is None:
            verdict, _ = _verdict(check, context)
        else:
            where = (check.schema_document, check.schema_pointer)
            compute = partial(_verdict, check, context)
            verdict = verdicts.verdict(check.rule, check.mode.value, *where, check.value, compute)
        findings += _findings(check, verdict)
    return findings


def _findings(check: ExampleCheck, verdict: Verdict) -> list[Finding]:
    what = "default" if check.rule == "default-invalid" else f"{check.mode.value} example"
    if check.mode is Mode.ANY and check.rule == "example-invalid":
        what = "example"
    return [
        Finding(check.rule, f"{what} does not match its schema: {message}",
                check.document, pointer_join(check.pointer, *path))
        for path, message in verdict
    ]  # fmt: skip


def _verdict(check: ExampleCheck, context: _Context) -> tuple[Verdict, Followed | None]:
    """Where the value fails its schema and why (empty: it matches), and the references the
    validator followed on the way (None when they are not all known)."""
    uri = context.uris.get(check.schema_document.path)
    if uri is None:
        return [], None
    start = f"{uri}#{_fragment(check.schema_pointer)}"
    validator = _validator_class(context.legacy, check.mode)(
        {"$ref": start}, registry=context.registry
    )
    followed: Followed = []
    noted = _FOLLOWED.set(followed)
    try:
        errors = list(islice(validator.iter_errors(check.value), _MAX_ERRORS_PER_VALUE))
        leaves = [best_match([error]) for error in errors]
    except RecursionError:
        return [], None  # nesting too deep to check here; the loader bounds it, so leave it
    except Exception:  # noqa: BLE001
        # An untrusted schema can break the validator (unresolvable `$ref`, `minimum: "a"`);
        # the structure and reference rules already report those, so this value is skipped.
        return [], None
    finally:
        _FOLLOWED.reset(noted)
    verdict = _messages([leaf for leaf in leaves if leaf is not None])
    # The first reference noted is `start`; if it was not, nothing was noted (a jsonschema
    # without the hook), and an empty list would claim that no other schema was read.
    noted_all = bool(followed) and followed[0][1] == start
    return verdict, followed[1:] if noted_all else None


@lru_cache(maxsize=4096)
def _fragment(pointer: str) -> str:
    return quote(pointer[1:], safe="/~!$&'()*+,;=:@")


def _messages(errors: list[ValidationError]) -> list[tuple[tuple[Any, ...], str]]:
    """One message per error, except that the missing properties of one object are listed once."""
    missing: dict[tuple[Any, ...], list[str]] = {}
    messages: list[tuple[tuple[Any, ...], str]] = []
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "required" and _missing_name(error) is not None:
            if path not in missing:
                missing[path] = []
                messages.append((path, ""))
            missing[path].append(_missing_name(error) or "")
        else:
            messages.append((path, _describe(error)))
    return [(path, message or _missing(missing[path])) for path, message in messages]


def _missing_name(error: ValidationError) -> str | None:
    match = re.fullmatch(r"'(.*)' is a required property", error.message, re.DOTALL)
    return match.group(1) if match else None


def _missing(names: list[str]) -> str:
    if len(names) == 1:
        return f"{names[0]!r} is a required property"
    listed = ", ".join(repr(name) for name in names[:5])
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    return f"required properties {listed}{more} are missing"


def _describe(error: ValidationError) -> str:
    if error.validator == "enum":
        options = list(error.validator_value)
        listed = ", ".join(repr(option) for option in options[:8])
        return (
            f"{short(error.instance)} is not one of [{listed}{', ...' if len(options) > 8 else ''}]"
        )
    if error.validator == "type":
        return f"{short(error.instance)} is not of type {error.validator_value!r}"
    if error.validator in ("oneOf", "anyOf") and not error.context:
        return f"{short(error.instance)} matches more than one of the {error.validator} schemas"
    if error.validator in ("oneOf", "anyOf"):
        return f"{short(error.instance)} matches none of the {error.validator} schemas"
    message = str(error.message)
    return message if len(message) <= 200 else message[:197] + "..."


@cache
def _validator_class(legacy: bool, mode: Mode) -> Any:
    base = OAS30Validator if legacy else OAS31Validator
    keywords: dict[str, Any] = {"pattern": _pattern, "required": _required_for(mode)}
    if legacy:
        keywords["enum"] = _nullable_enum
    return _noting_references(extend(base, keywords))


# The references the validator follows while one value is checked (see `verdicts`): every
# `$ref`, and a discriminator's mapping, goes through the validator's `_validate_reference`.
# jsonschema makes a new validator for each step down a schema, so the list cannot live on
# one; it lives in this context for the duration of one `_verdict` call.
_FOLLOWED: ContextVar[Followed | None] = ContextVar("followed", default=None)


def _noting_references(validator_class: Any) -> Any:
    """`validator_class` (our own, made by `extend`), noting each reference it follows. A
    jsonschema without that method only loses the notes: verdicts then fall back to closure
    fingerprints."""
    original = getattr(validator_class, "_validate_reference", None)
    if original is None:
        return validator_class

    def _validate_reference(self: Any, ref: str, instance: Any) -> Any:
        followed = _FOLLOWED.get()
        base = getattr(self._resolver, "_base_uri", None)
        if followed is not None:
            followed.append((str(base), ref) if isinstance(base, str) else ("", "?"))
        return original(self, ref=ref, instance=instance)

    validator_class._validate_reference = _validate_reference
    return validator_class


def _required_for(mode: Mode) -> Any:
    skip = {Mode.REQUEST: "readOnly", Mode.RESPONSE: "writeOnly"}.get(mode)

    def required(
        validator: Any, names: Any, instance: Any, schema: Mapping[str, Any]
    ) -> Iterator[ValidationError]:
        if not validator.is_type(instance, "object") or not isinstance(names, list):
            return
        properties = schema.get("properties")
        properties = properties if isinstance(properties, dict) else {}
        for name in names:
            if name in instance:
                continue
            declared = properties.get(name)
            if skip and isinstance(declared, dict) and declared.get(skip) is True:
                continue
            yield ValidationError(f"{name!r} is a required property")

    return required


def _pattern(
    validator: Any, pattern: Any, instance: Any, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if not isinstance(pattern, str) or not isinstance(instance, str):
        return
    if _matches(pattern, instance) is False:
        yield ValidationError(f"{short(instance)} does not match {pattern!r}")


def _matches(pattern: str, text: str) -> bool | None:
    """Whether `text` matches; None when the pattern cannot be checked here."""
    matcher = _matcher(pattern)
    return None if matcher is None else bool(matcher(text))


@lru_cache(maxsize=2048)
def _matcher(pattern: str) -> Any:
    # Patterns come from untrusted documents: jsonschema-rs matches them in linear time (or
    # with a backtracking limit) and understands ECMA syntax such as \p{L}; Python's re can
    # be made to backtrack for hours by `^(a+)+$`, so it is only the fallback.
    try:
        import jsonschema_rs
    except ImportError:
        return None if regex_problem(pattern) is not None else re.compile(pattern).search
    try:
        return jsonschema_rs.validator_for({"pattern": pattern}, validate_formats=False).is_valid
    except (ValueError, jsonschema_rs.ValidationError):
        return None


def _nullable_enum(
    validator: Any, enum: Any, instance: Any, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    # 3.0.3 says a nullable enum must list null itself; nearly every generator and server
    # accepts null anyway, so an example using it is not flagged.
    if instance is None and schema.get("nullable") is True:
        return
    if isinstance(enum, list) and not any(_same(instance, option) for option in enum):
        yield ValidationError(f"{instance!r} is not one of {enum!r}")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)
