"""Models: pydantic v2 classes rendered by specgen's own template from the typed model IR.

The IR (`Api.model_classes`) decides names, fields and types; this module decides only what
is Python-specific: the order of declarations (bases before subclasses, aliases after the
classes they name), the spelling of each type (`generator.printers.python.ModelTypes`), and
the literal of each default. `templates/models/models.py.jinja` prints the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, cast

from generator.diagnostics import Diagnostic, Level
from generator.ir.types import (
    AnyType,
    Field,
    ModelClass,
    ModelRef,
    Nullable,
    admits_null,
    referenced_models,
)
from generator.printers.python import ModelTypes
from generator.render.context import RenderContext
from generator.render.literals import py_literal
from generator.render.memo import Recorded, RenderMemo, render_file, render_recorded
from generator.render.model_modules import SPLIT_FROM, ModelGroup, ModelsLayout, split_models


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: str
    default: str | None  # Python source of the default; None: required
    description: str


@dataclass(frozen=True)
class ClassView:
    model: ModelClass
    bases: str
    fields: tuple[FieldView, ...] = ()
    alias: str = ""  # the aliased type, for kind "alias"
    forbid_extra: bool = False
    # Python names of the fields a request never sends (the runtime leaves them out).
    read_only: tuple[str, ...] = ()
    # Python names of the fields a response never fills (the runtime's `WriteOnlyModel`,
    # a base of this class or of one of its bases, drops them).
    write_only: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModelsModule:
    classes: tuple[ClassView, ...]
    imports: tuple[tuple[str, tuple[str, ...]], ...]  # (module, names), sorted
    diagnostics: tuple[Diagnostic, ...]


def render_models(
    ctx: RenderContext, split_from: int = SPLIT_FROM, memo: RenderMemo | None = None
) -> tuple[dict[str, str], tuple[Diagnostic, ...]]:
    """(files by path, warnings) of the client package's models: one `models.py`, or for an
    API of `split_from` classes or more a `models` package of lazily imported modules.
    `memo`: modules rendered by an earlier run of this process, reused when their classes and
    every class they looked up are unchanged (see `generator.render.memo`)."""
    parts = frozenset(
        name
        for op in ctx.api.operations
        if op.body is not None and op.body.kind in ("multipart", "form")
        for name in op.body.type.models
    )
    root = f"client/src/{ctx.package}"
    classes = ctx.api.model_classes
    if len(classes) < split_from:
        module = models_module(classes, ctx.spec, parts)
        source = ctx.render("models/models.py.jinja", module=module)
        return {f"{root}/models.py": source}, module.diagnostics
    files: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    memo = memo or RenderMemo(None, "models", ())
    layout, imports = _layout(classes, memo)
    everything = {m.name: m for m in classes}
    # A module is kept while the classes it looked up and the `ctx`/`api` attributes its
    # template read (the API's title, ...) are unchanged.
    memo.watch(ctx, everything)
    for group, siblings in zip(layout.groups, imports, strict=True):
        path = f"{root}/models/{group.module}.py"
        inputs = (group, siblings, parts.intersection(group.names) if parts else parts)

        def module_text(
            group: ModelGroup = group, siblings: list[tuple[str, tuple[str, ...]]] = siblings
        ) -> tuple[str, tuple[Diagnostic, ...]]:
            looked_up = Recorded(everything, memo.run)
            module = models_module(
                group.classes, ctx.spec, parts, everything=looked_up, imported=group.imported
            )
            module = _relocated(module, siblings)
            if memo.active:
                return render_recorded(ctx, _TEMPLATE, memo.run, module=module), module.diagnostics
            return ctx.render(_TEMPLATE, module=module), module.diagnostics

        files[path], found = memo.memo(path, module_text, inputs)
        diagnostics += found
    # The package module prints the modules and the names of their classes: with a memo it
    # is given only those (its key), so no other part of a class can reach the file unseen.
    names = tuple((g.module, tuple(m.name for m in g.classes)) for g in layout.groups)
    path = f"{root}/models/__init__.py"
    given = (
        (lambda: {"layout": _names_only(names)}) if memo.active else (lambda: {"layout": layout})
    )
    files[path] = render_file(memo, ctx, path, "models/__init__.py.jinja", names, given)
    memo.save()
    return files, tuple(diagnostics)


def _layout(
    classes: tuple[ModelClass, ...], memo: RenderMemo
) -> tuple[ModelsLayout, tuple[list[tuple[str, tuple[str, ...]]], ...]]:
    """`split_models(classes)` and each group's sibling imports, or with `memo` those an
    earlier run decided from the same graph (each class's name, references and bases, in
    order: all `split_models` reads), holding this run's classes (a group whose classes are
    all the very objects it held is that same group)."""
    kept = memo.get(_LAYOUT, ())
    if kept is None or not _same_graph(kept[0], classes):
        layout = split_models(classes)
        imports = tuple(layout.imports_of(g) for g in layout.groups)
    else:
        _, old, imports = kept
        known = {m.name: m for m in classes}
        groups = []
        for group in old.groups:
            now = tuple(known[m.name] for m in group.classes)
            same = all(a is b for a, b in zip(now, group.classes, strict=True))
            groups.append(group if same else ModelGroup(group.module, now, group.imported))
        layout = ModelsLayout(tuple(groups), old.where)
    memo.put(_LAYOUT, (), {}, (classes, layout, imports))
    return layout, imports


def _same_graph(old: tuple[ModelClass, ...], new: tuple[ModelClass, ...]) -> bool:
    """Whether the classes have the same names, references and bases, in the same order (a
    class the model-class cache kept is the very same object)."""
    return len(old) == len(new) and all(
        a is b or (a.name, a.references, a.bases) == (b.name, b.references, b.bases)
        for a, b in zip(old, new, strict=True)
    )


_TEMPLATE = "models/models.py.jinja"
_LAYOUT = "\0layout"  # the memo's entry for the layout (no file has this path)


@dataclass(frozen=True)
class _Named:
    """A model class as the package module's template sees it with a memo: its name alone."""

    name: str


def _names_only(names: tuple[tuple[str, tuple[str, ...]], ...]) -> ModelsLayout:
    groups = tuple(
        ModelGroup(module, cast(Any, tuple(_Named(n) for n in members)), frozenset())
        for module, members in names
    )
    return ModelsLayout(groups, {n: module for module, members in names for n in members})


def models_module(
    classes: tuple[ModelClass, ...],
    spec: str,
    parts: frozenset[str] = frozenset(),
    *,
    everything: Mapping[str, ModelClass] | None = None,
    imported: frozenset[str] = frozenset(),
) -> ModelsModule:
    """The declarations of `models.py` (or of one module of a split `models` package: then
    `everything` is every class of the API by name, for lookups, and `imported` the names the
    module imports from its sibling modules); `parts` names the models sent as multipart/form."""
    by_name = everything if everything is not None else {m.name: m for m in classes}
    ordered, cyclic = _declaration_order(classes, imported)
    types = ModelTypes()
    views = []
    diagnostics = []
    # The module has no `from __future__ import annotations`: Python evaluates an annotation
    # when its class is declared, which is far cheaper than pydantic compiling and evaluating
    # 10,000 strings (Stripe) at import. An annotation naming a type declared further down
    # (a cycle, the class itself, an alias) is written as a string, resolved on first use.
    declared: set[str] = set(imported)
    write_only_base = False
    for model in ordered:
        if model.kind == "alias":
            if model.name in cyclic:
                diagnostics.append(
                    _info(
                        "alias-cycle",
                        f"{model.name!r} is defined only through itself; typed as Any",
                        spec,
                        model.pointer,
                    )
                )
                views.append(ClassView(model, "", alias=types.annotation(AnyType())))
            else:
                views.append(ClassView(model, "", alias=types.annotation(model.root)))
            continue
        if model.kind == "enum":
            views.append(ClassView(model, "OpenEnum"))
            declared.add(model.name)
            continue
        files = model.name in parts
        fields = tuple(_field_view(f, types, by_name, files, declared) for f in model.fields)
        read_only = tuple(f.python_name for f in model.fields if f.read_only)
        write_only = tuple(f.python_name for f in model.fields if f.write_only)
        bases = list(model.bases) or ["SpecModel"]
        if write_only and not any(_has_write_only(b, by_name) for b in model.bases):
            bases = ["WriteOnlyModel"] if bases == ["SpecModel"] else [*bases, "WriteOnlyModel"]
            write_only_base = True
        views.append(
            ClassView(
                model,
                ", ".join(bases),
                fields,
                forbid_extra=model.extra == "forbid",
                read_only=read_only,
                write_only=write_only,
            )
        )
        declared.add(model.name)
    if any(v.model.kind == "alias" for v in views):
        types.imports.add(("typing", "TypeAlias"))
    if any(v.forbid_extra for v in views):
        types.imports.add(("pydantic", "ConfigDict"))
    types.imports.update({("._runtime", "OpenEnum"), ("._runtime", "SpecModel")})
    if any(v.read_only or v.write_only for v in views):
        types.imports.add(("typing", "ClassVar"))
    if write_only_base:
        types.imports.add(("._runtime", "WriteOnlyModel"))
    grouped: dict[str, set[str]] = {}
    for module_name, name in types.imports:
        grouped.setdefault(module_name, set()).add(name)
    imports = tuple((m, tuple(sorted(grouped[m]))) for m in sorted(grouped))
    return ModelsModule(tuple(views), imports, tuple(diagnostics))


def _field_view(
    field: Field,
    types: ModelTypes,
    by_name: Mapping[str, ModelClass],
    files: bool,
    declared: set[str],
) -> FieldView:
    annotation = types.annotation(field.type, files=files)
    # A read-only field is never sent and a write-only one never received: required on one
    # side only, so optional in the one model both sides share.
    required = field.required and not (field.read_only or field.write_only)
    # A required property has no default: the spec refuses a body without it, so the model
    # must too (a client that left it to the default would never send it).
    default = None if required else _default_source(field, by_name)
    optional = not required and default is None
    metadata = []
    # A `type: null` field (3.1) is already `None`: `None | None` fails when the class is made.
    if optional and annotation not in ("Any", "None") and not isinstance(field.type, Nullable):
        annotation += " | None"
    if not required and not admits_null(field.type, by_name):
        # `None` stands for absent here; a null is refused (see the runtime's `NoNull`).
        metadata.append("NoNull")
        types.imports.update({("typing", "Annotated"), ("._runtime", "NoNull")})
    if field.python_name != field.wire_name:
        types.imports.update({("typing", "Annotated"), ("pydantic", "Field")})
        metadata.append(f"Field(alias={field.wire_name!r})")
    if metadata:
        annotation = f"Annotated[{annotation}, {', '.join(metadata)}]"
    if optional:
        default = "None"
    if not declared.issuperset(referenced_models(field.type)):
        annotation = repr(annotation)  # a forward reference: evaluated by pydantic on first use
    return FieldView(field.python_name, annotation, default, field.description)


def _has_write_only(name: str, by_name: Mapping[str, ModelClass]) -> bool:
    """Whether the class `name` or one of its bases declares a write-only field (its bases
    then include the runtime's `WriteOnlyModel`, which its subclasses inherit)."""
    model = by_name.get(name)
    if model is None:
        return False
    if any(f.write_only for f in model.fields):
        return True
    return any(_has_write_only(base, by_name) for base in model.bases)


def _default_source(field: Field, by_name: Mapping[str, ModelClass]) -> str | None:
    """The default as Python source (the IR applies only defaults that fit the type)."""
    if not field.has_default:
        return None
    if field.default is None:
        return "None"
    expr = field.type.inner if isinstance(field.type, Nullable) else field.type
    target = by_name.get(expr.name) if isinstance(expr, ModelRef) else None
    if target is not None and target.kind == "enum":
        member = next(m for m in target.members if m.value == field.default)
        return f"{target.name}.{member.name}"
    return py_literal(field.default)


def _declaration_order(
    classes: tuple[ModelClass, ...], imported: frozenset[str] = frozenset()
) -> tuple[list[ModelClass], set[str]]:
    """Enums, then object classes with bases first, then aliases each after the aliases it
    names (Python evaluates an alias, and a base list, when the module runs); and the aliases
    that refer to themselves through aliases only (they cannot be written). `imported`:
    classes another module declares (already there when this one runs)."""
    by_name = {m.name: m for m in classes}
    enums = [m for m in classes if m.kind == "enum"]
    objects: list[ModelClass] = []

    def objects_named(names: frozenset[str], seen: set[str]) -> list[str]:
        """The object classes `names` refer to, seeing through aliases."""
        found = []
        for name in sorted(names):
            target = by_name.get(name)
            if target is None or name in seen:
                continue
            seen.add(name)
            if target.kind == "object":
                found.append(name)
            elif target.kind == "alias":
                found += objects_named(target.references, seen)
        return found

    # Bases must come first (Python evaluates them); classes a field names come first when a
    # cycle allows, so pydantic completes most classes when they are defined instead of
    # retrying forward references (GitHub's and Stripe's thousands of classes import faster).
    state: dict[str, int] = dict.fromkeys(imported, 2)  # 1: on the stack, 2: placed
    for model in classes:
        if model.kind != "object" or model.name in state:
            continue
        state[model.name] = 1
        pending: list[tuple[ModelClass, list[str]]] = [
            (model, [*model.bases, *objects_named(model.references, set())])
        ]
        while pending:
            current, deps = pending[-1]
            while deps and state.get(deps[0]):
                deps.pop(0)
            if deps:
                nxt = by_name[deps.pop(0)]
                state[nxt.name] = 1
                pending.append((nxt, [*nxt.bases, *objects_named(nxt.references, set())]))
                continue
            pending.pop()
            state[current.name] = 2
            objects.append(current)
    aliases = [m for m in classes if m.kind == "alias"]
    alias_names = {m.name for m in aliases}
    edges = {m.name: [r for r in sorted(m.references) if r in alias_names] for m in aliases}
    ordered_aliases: list[ModelClass] = []
    state = {}  # for aliases now: 1: on the stack, 2: done
    cyclic: set[str] = set()
    for model in aliases:
        if model.name in state:
            continue
        stack: list[tuple[str, int]] = [(model.name, 0)]
        state[model.name] = 1
        while stack:
            name, index = stack.pop()
            targets = edges[name]
            if index < len(targets):
                stack.append((name, index + 1))
                target = targets[index]
                if state.get(target) == 1:  # a cycle: every alias from target to here
                    names = [n for n, _ in stack]
                    cyclic.update(names[names.index(target) :] if target in names else [name])
                    cyclic.add(target)
                elif target not in state:
                    state[target] = 1
                    stack.append((target, 0))
                continue
            state[name] = 2
            ordered_aliases.append(by_name[name])
    return enums + objects + ordered_aliases, cyclic


def _relocated(module: ModelsModule, siblings: list[tuple[str, tuple[str, ...]]]) -> ModelsModule:
    """`module` as a file of the `models/` package: the runtime is one package up, and the
    classes of sibling modules are imported from them (`siblings`, see `imports_of`)."""
    imports = [
        (f".{name}" if name.startswith("._runtime") else name, names)
        for name, names in module.imports
    ]
    imports += siblings
    return replace(module, imports=tuple(sorted(imports)))


def _info(rule: str, message: str, spec: str, pointer: str) -> Diagnostic:
    return Diagnostic(rule, Level.INFO, message, spec, pointer)
