"""Which attribute of the client reaches each operation: resources and method names.

The rule (docs/clients.md tells users the same):

- **Grouping.** When operations carry tags, an operation's resource is its first tag, snake
  cased (`client.repos.get_content`); an untagged operation of a tagged spec stays a method of
  the client itself, named as in the flat layout. Without tags the resource comes from the
  path: the first static segment after the prefix all paths share (Stripe's `/v1`), and each
  static segment after a path parameter is a sub-resource (`/v1/customers/{customer}/sources`
  → `client.customers.sources`), unless it ends the path and cannot be read (only POST, PUT,
  PATCH or DELETE: an action such as `POST /v1/invoices/{invoice}/pay` → `invoices.pay`). A
  static segment after a static one is a sub-resource when paths continue below it
  (`/v1/checkout/sessions/{session}`) or its name is a plural (`/v1/billing_portal/sessions`),
  and an action otherwise (`/v1/customers/search`). A path
  without a static segment of its own (`/v1`, `/{id}`) stays on the client.
- **Layout.** `auto` (the default) groups only when that gives at least two top-level
  resources: a spec whose operations all fall into one group keeps the flat client (every
  operation a client method named by `Operation.python_name`). `flat` and `resources` force
  one or the other.
- **Names.** An operationId that only spells its method and path (`GetCustomersCustomer`, or
  none at all) is named by what it does in its resource: `list` and `create` on a collection,
  `retrieve`, `update` and `delete` on an item or on a singleton (a singular name without
  items: `/v1/balance`), the action's name for an action. A human
  operationId is kept, snake cased, without a trailing path-and-method (FastAPI's
  `read_item_items__item_id__get` → `read_item`) and without words repeating its resource
  (`repos/get-content` on `repos` → `get_content`, `listJobs` on `jobs` → `list`) when what is
  left is a valid name nobody else in the resource takes.
- **Collisions** are settled in spec order: the first operation keeps a name, later ones fall
  back to their flat name (`put_customers_customer`), numbered if even that is taken.
  Resources win over methods of the same name. Explicit names (the override map) win over
  automatic ones; an explicit name that is reserved, taken by a resource or by another
  explicit name is an error at the override's place in the configuration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator import naming
from generator.config import NameOverride
from generator.diagnostics import Diagnostic, Level, SpecError
from generator.ir.model import Api, ClientTree, Method, Operation, Resource


def _segments(path: str) -> list[str]:
    return [s for s in path.split("?", 1)[0].split("/") if s]


def _is_param(segment: str) -> bool:
    return "{" in segment


def _path_words(segments: Sequence[str]) -> list[str]:
    """The words of a path with parameter braces dropped (`{customer}` → `customer`)."""
    return [w for s in segments for w in naming.words(s.replace("{", " ").replace("}", " "))]


@dataclass(frozen=True)
class PathShape:
    """Where a path leads: the resource chain, and whether it ends at the collection, at an
    item (after a parameter) or at an action (a leaf segment that cannot be read)."""

    chain: tuple[str, ...]  # raw static segments naming resources: ("customers", "sources")
    kind: str  # collection | item | singleton | action
    action: str = ""


@dataclass
class PathIndex:
    """Every path of a spec as a tree of segments (parameters merged), for `shape`."""

    prefix: tuple[str, ...] = ()
    children: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    methods: dict[tuple[str, ...], set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, operations: Sequence[Operation]) -> PathIndex:
        split = [_segments(op.path) for op in operations]
        leading = [_leading_static(s) for s in split]
        prefix: list[str] = []
        if split:
            shortest = min(len(s) for s in leading)
            # Keep at least one static segment of every path: `/api/jobs` alone has prefix
            # `/api`, not `/api/jobs` (which would leave the resource nameless).
            for position in range(max(shortest - 1, 0)):
                if len({s[position] for s in leading}) != 1:
                    break
                prefix.append(leading[0][position])
        index = cls(tuple(prefix))
        for op, segments in zip(operations, split, strict=True):
            keys = tuple("{}" if _is_param(s) else s for s in segments[len(prefix) :])
            for depth in range(len(keys)):
                index.children.setdefault(keys[:depth], set()).add(keys[depth])
            index.methods.setdefault(keys, set()).add(op.method)
        return index

    def relative(self, path: str) -> list[str]:
        return _segments(path)[len(self.prefix) :]

    def shape(self, path: str) -> PathShape:
        segments = self.relative(path)
        keys = tuple("{}" if _is_param(s) else s for s in segments)
        chain: list[str] = []
        kind, action, after_param = "collection", "", False
        for depth, segment in enumerate(segments):
            if _is_param(segment):
                if chain:
                    kind = "item"
                after_param = True
                continue
            node = keys[: depth + 1]
            leaf = not self.children.get(node)
            if not chain:
                is_action = False
            elif after_param:
                # `/customers/{customer}/sources` is a sub-resource; `/invoices/{id}/pay`,
                # a leaf nobody reads, is something done to the invoice.
                is_action = leaf and "GET" not in self.methods.get(node, set())
            else:
                # `/customers/search` is an action; `/checkout/sessions/{id}` and
                # `/billing_portal/sessions` (a plural) are resources
                is_action = leaf and not naming.is_plural(segment)
            if is_action:
                kind, action = "action", segment
            else:
                chain.append(segment)
                # `/v1/balance`, `/charges/{charge}/dispute`: one thing, read and updated
                single = "{}" not in self.children.get(node, set())
                kind = "singleton" if single and not naming.is_plural(segment) else "collection"
            after_param = False
        return PathShape(tuple(chain), kind, action)


def _leading_static(segments: list[str]) -> list[str]:
    result = []
    for segment in segments:
        if _is_param(segment):
            break
        result.append(segment)
    return result


@dataclass(frozen=True)
class _Placement:
    operation: Operation
    owner: tuple[str, ...]  # resource names from the client; () is the client itself
    name: str  # the preferred method name
    explicit: NameOverride | None = None


def client_tree(
    api: Api, layout: str = "auto", overrides: Sequence[NameOverride] = ()
) -> ClientTree:
    """The client's methods and resources for `api` (see the module docstring for the rule)."""
    operations = api.operations
    index = PathIndex.of(operations)
    tagged = any(op.tags for op in operations)
    grouped = [_grouped(op, index, tagged) for op in operations]
    groups = {p.owner[0] for p in grouped if p.owner}
    use_resources = layout == "resources" or (layout == "auto" and len(groups) > 1)
    placements = (
        grouped if use_resources else [_Placement(op, (), op.python_name) for op in operations]
    )
    placements = _apply_overrides(placements, overrides)
    model_names = {m.class_name for m in api.models} | naming.MODEL_CLASS_RESERVED
    builder = _TreeBuilder(placements, use_resources, model_names)
    return builder.build("resources" if use_resources or builder.owners != {()} else "flat")


def _grouped(op: Operation, index: PathIndex, tagged: bool) -> _Placement:
    """Where the automatic rule puts `op`, and the name it gives it there."""
    shape = index.shape(op.path)
    if tagged:
        if not op.tags:
            return _Placement(op, (), op.python_name)
        owner: tuple[str, ...] = (naming.tag_resource(op.tags[0]),)
    else:
        if not shape.chain:
            return _Placement(op, (), op.python_name)
        owner = tuple(naming.snake(s, fallback="resource") for s in shape.chain)
    return _Placement(op, owner, _method_name(op, owner, shape, index))


def _method_name(op: Operation, owner: tuple[str, ...], shape: PathShape, index: PathIndex) -> str:
    segments = _segments(op.path)
    relative = index.relative(op.path)
    machine = naming.is_machine_operation_id(
        op.operation_id, op.method, _path_words(segments)
    ) or naming.is_machine_operation_id(op.operation_id, op.method, _path_words(relative))
    if machine:
        if shape.kind == "action":
            verb = naming.action_name(op.method, shape.action)
        else:
            verb = naming.crud_verb(op.method, shape.kind)
        # With tags, the path's own resources may differ from the tag: say which one.
        extra = [
            naming.snake(c, fallback="resource")
            for c in shape.chain
            if not any(naming.same_words(naming.words(c), naming.words(o)) for o in owner)
        ]
        return "_".join([verb, *extra])
    found = naming.strip_machine_suffix(op.operation_id, op.method, _path_words(segments))
    return "_".join(_without_resource_words(found, owner)) or op.python_name


def _without_resource_words(found: list[str], owner: tuple[str, ...]) -> list[str]:
    """`found` without a leading or trailing repetition of each resource name (leaf first)."""
    for resource in reversed(owner):
        resource_words = [w.lower() for w in naming.words(resource)]
        size = len(resource_words)
        if len(found) <= size:
            continue
        if naming.same_words(found[:size], resource_words):
            found = found[size:]
        elif naming.same_words(found[-size:], resource_words):
            found = naming.without_dangling_preposition(found[:-size])
    return found


def _apply_overrides(
    placements: list[_Placement], overrides: Sequence[NameOverride]
) -> list[_Placement]:
    by_key: dict[str, list[int]] = {}
    for position, placement in enumerate(placements):
        op = placement.operation
        by_key.setdefault(op.operation_id, []).append(position)
        by_key.setdefault(f"{op.method} {op.path}", []).append(position)
    result = list(placements)
    for override in overrides:
        positions = by_key.get(override.key) or by_key.get(_method_path(override.key))
        if not positions:
            raise _override_error(
                override,
                f"no operation has operationId {override.key!r} "
                '(or is "METHOD /path" for an operation without one)',
            )
        *owner, name = override.parts
        for position in positions:
            result[position] = _Placement(result[position].operation, tuple(owner), name, override)
    return result


def _method_path(key: str) -> str:
    method, _, path = key.strip().partition(" ")
    return f"{method.upper()} {path.strip()}"


def _override_error(override: NameOverride, message: str) -> SpecError:
    where = f"operations.{override.key}"
    return SpecError(
        Diagnostic(
            "operation-name",
            Level.ERROR,
            f"{where} = {override.name!r}: {message}",
            override.file,
            "",
            override.line,
            1 if override.line else None,
        )
    )


@dataclass
class _TreeBuilder:
    placements: list[_Placement]
    resources: bool
    model_names: set[str]
    owners: set[tuple[str, ...]] = field(default_factory=set)
    class_names: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for placement in self.placements:
            for depth in range(len(placement.owner) + 1):
                self.owners.add(placement.owner[:depth])
        self.owners.add(())
        self.owners = {self._renamed(o) for o in self.owners}
        renamed = []
        for p in self.placements:
            owner = self._renamed(p.owner)
            if p.explicit is not None and owner != p.owner:
                raise _override_error(
                    p.explicit, f"resource name {'.'.join(p.owner)!r} is reserved"
                )
            renamed.append(_Placement(p.operation, owner, p.name, p.explicit))
        self.placements = renamed

    def _renamed(self, owner: tuple[str, ...]) -> tuple[str, ...]:
        """Resource names that are valid attributes: never a client attribute at the top,
        never a shadowed builtin (a cached property named `list` would hide `list[...]`)."""
        reserved = naming.CLIENT_METHOD_RESERVED | naming.RESOURCE_NAME_RESERVED
        return tuple(
            naming.snake(
                name,
                fallback="resource",
                reserved=reserved if depth == 0 else naming.RESOURCE_NAME_RESERVED,
            )
            for depth, name in enumerate(owner)
        )

    def children(self, owner: tuple[str, ...]) -> list[str]:
        names = {
            o[len(owner)] for o in self.owners if len(o) > len(owner) and o[: len(owner)] == owner
        }
        order = [
            p.owner[len(owner)]
            for p in self.placements
            if len(p.owner) > len(owner) and p.owner[: len(owner)] == owner
        ]
        return [n for n in dict.fromkeys(order) if n in names]

    def build(self, layout: str) -> ClientTree:
        methods = self.methods(())
        tops = tuple(self.resource((name,)) for name in self.children(()))
        return ClientTree(layout, methods, tops)  # type: ignore[arg-type]

    def resource(self, path: tuple[str, ...]) -> Resource:
        base = naming.pascal("_".join(path)) + "Resource"
        variants = (
            "{}",
            "Async{}",
            "{}WithRawResponse",
            "{}WithStreamingResponse",
            "Async{}WithRawResponse",
            "Async{}WithStreamingResponse",
        )
        candidate, counter = base, 2
        while any(v.format(candidate) in self.model_names | self.class_names for v in variants):
            candidate, counter = f"{base}{counter}", counter + 1
        self.class_names.add(candidate)
        return Resource(
            name=path[-1],
            path=path,
            class_name=candidate,
            module=path[0],
            methods=self.methods(path),
            resources=tuple(self.resource((*path, name)) for name in self.children(path)),
        )

    def methods(self, owner: tuple[str, ...]) -> tuple[Method, ...]:
        here = [p for p in self.placements if p.owner == owner]
        children = set(self.children(owner))
        if owner:
            reserved = naming.RESOURCE_RESERVED
        elif self.resources:
            reserved = naming.CLIENT_METHOD_RESERVED
        else:
            reserved = naming.CLIENT_ATTRIBUTES  # the flat client keeps its names
        taken: set[str] = set()
        names: dict[int, str] = {}
        for position, placement in enumerate(here):
            if placement.explicit is None:
                continue
            name = placement.name
            if name in children:
                raise _override_error(placement.explicit, f"{name!r} is a resource here")
            if name in reserved or name.startswith("_"):
                raise _override_error(placement.explicit, f"{name!r} is reserved")
            if name in taken:
                raise _override_error(placement.explicit, f"{name!r} is given twice")
            taken.add(name)
            names[position] = name
        blocked = reserved | children
        for position, placement in enumerate(here):
            if placement.explicit is not None:
                continue
            name = placement.name
            if not naming.is_identifier(name) or name in blocked or name in taken:
                name = naming.snake(placement.operation.python_name, reserved=blocked)
                name = naming.unique(name, taken | blocked) if name in taken | blocked else name
            taken.add(name)
            names[position] = name
        prefix = ".".join(owner) + "." if owner else ""
        result = [Method(names[i], p.operation, prefix + names[i]) for i, p in enumerate(here)]
        # A method named `list` shadows the builtin for the annotations that follow it in
        # its class (mypy resolves names in the class first): print it last.
        return tuple(sorted(result, key=lambda m: m.name == "list"))
