"""A big API's models as a package of small modules, imported only when a class is used.

Declaring a pydantic class costs about half a millisecond, so a `models.py` of Stripe's 2,405
classes took 2.2 s to import whoever used one of them. Here the classes are grouped by the
strongly connected components of their reference graph (a class, its bases and the classes
its fields name must be importable together; a cycle must live in one module), each group a
module of `models/`, and `models/__init__.py` imports a module the first time one of its
names is asked for. Importing `Customer` imports exactly the classes `Customer` can reach.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import naming
from generator.graphs import components
from generator.ir.types import ModelClass

# APIs with fewer classes keep one `models.py` (a few hundred classes import in well under a
# second, and one file is easier to read).
SPLIT_FROM = 400


@dataclass(frozen=True)
class ModelGroup:
    module: str  # module name within `models/`, e.g. "_customer"
    classes: tuple[ModelClass, ...]
    imported: frozenset[str]  # classes it names that sibling modules declare

    @property
    def names(self) -> frozenset[str]:
        return frozenset(m.name for m in self.classes)


@dataclass(frozen=True)
class ModelsLayout:
    groups: tuple[ModelGroup, ...]  # dependencies first
    where: dict[str, str]  # class name -> module name

    @property
    def names(self) -> list[str]:
        return sorted(self.where)

    def imports_of(self, group: ModelGroup) -> list[tuple[str, tuple[str, ...]]]:
        """`(".module", names)` for each sibling module `group` imports from."""
        by_module: dict[str, set[str]] = {}
        for name in group.imported:
            by_module.setdefault(self.where[name], set()).add(name)
        return [(f".{m}", tuple(sorted(names))) for m, names in sorted(by_module.items())]


def split_models(classes: tuple[ModelClass, ...]) -> ModelsLayout:
    known = {m.name: m for m in classes}
    edges = {m.name: sorted(_uses(m) & known.keys()) for m in classes}
    taken: set[str] = set()
    groups: list[ModelGroup] = []
    where: dict[str, str] = {}
    order = {m.name: index for index, m in enumerate(classes)}
    found = [set(c) for c in components([m.name for m in classes], edges.__getitem__)]
    for component in _merged(found, edges):
        members = sorted(component, key=order.__getitem__)
        module = naming.unique("_" + naming.snake(members[0], fallback="models"), taken)
        inside = set(members)
        imported = frozenset(n for m in members for n in edges[m] if n not in inside)
        groups.append(ModelGroup(module, tuple(known[n] for n in members), imported))
        where.update(dict.fromkeys(members, module))
    return ModelsLayout(tuple(groups), where)


def _merged(components: list[set[str]], edges: dict[str, list[str]]) -> list[set[str]]:
    """Components merged into the one component that uses them, when only one does (an enum
    or a nested object of one class lives in that class's module): fewer files, and nothing
    more is imported than before, since whoever imports that class imported them anyway.
    The order stays dependencies first; merging into a sole user cannot make a cycle."""
    owner = {name: index for index, component in enumerate(components) for name in component}
    users: dict[int, set[int]] = {index: set() for index in range(len(components))}
    for index, component in enumerate(components):
        for name in component:
            for target in edges[name]:
                if owner[target] != index:
                    users[owner[target]].add(index)
    home = list(range(len(components)))

    def root(index: int) -> int:
        while home[index] != index:
            home[index] = home[home[index]]
            index = home[index]
        return index

    # Users come after what they use: walking backwards, each component's users are settled.
    for index in reversed(range(len(components))):
        sole = {root(user) for user in users[index]}
        if len(sole) == 1:
            home[index] = sole.pop()
    merged: dict[int, set[str]] = {}
    for index, component in enumerate(components):
        merged.setdefault(root(index), set()).update(component)
    return [merged[index] for index in sorted(merged)]


def _uses(model: ModelClass) -> set[str]:
    return set(model.references) | set(model.bases)
