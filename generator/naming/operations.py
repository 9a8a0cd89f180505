"""Names of client methods and resources: CRUD verbs and actions, machine-made operationIds,
plurals, tags and the prepositions left behind when a resource word is removed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.naming.casing import snake, words

_CRUD_COLLECTION = {"GET": "list", "POST": "create", "PUT": "update", "PATCH": "update"}
_CRUD_ITEM = {"GET": "retrieve", "POST": "update", "PUT": "update", "PATCH": "update"}


def singular(word: str) -> str:
    """A crude singular of an English word, for comparing names only (`jobs` ~ `job`)."""
    lower = word.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return lower[:-1]
    return lower


def same_words(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two word lists name the same thing, ignoring case and plurals."""
    left, right = [singular(w) for w in a], [singular(w) for w in b]
    return left == right


def is_machine_operation_id(operation_id: str, method: str, path_words: Iterable[str]) -> bool:
    """True when an operationId only spells its method and path (Stripe's `GetCustomersCustomer`
    for `GET /v1/customers/{customer}`, or the name specgen makes up when there is none)."""
    spelled = "".join(words(operation_id)).lower()
    return spelled == (method + "".join(path_words)).lower()


def strip_machine_suffix(operation_id: str, method: str, path_words: list[str]) -> list[str]:
    """The words of an operationId without a trailing path-and-method, as FastAPI spells them
    (`read_item_items__item_id__get` → `read`, `item`); the words unchanged otherwise."""
    found = [w.lower() for w in words(operation_id)]
    tail = [w.lower() for w in path_words] + [method.lower()]
    if len(found) > len(tail) and found[-len(tail) :] == tail:
        return found[: -len(tail)]
    return found


def is_plural(name: str) -> bool:
    """Whether a name's last word is an English plural (`sessions`, not `search`)."""
    found = words(name)
    return bool(found) and singular(found[-1]) != found[-1].lower()


def crud_verb(method: str, kind: str) -> str:
    """The method name of a machine-named operation by what it acts on: `list`/`create` on a
    collection, `retrieve`/`update`/`delete` on an item or a singleton (`/v1/balance`); other
    HTTP methods by their name."""
    method = method.upper()
    if method == "DELETE":
        return "delete"
    table = _CRUD_COLLECTION if kind == "collection" else _CRUD_ITEM
    return table.get(method, method.lower())


def action_name(method: str, action: str) -> str:
    """A non-CRUD action (`POST /invoices/{invoice}/pay` → `pay`); a GET or POST is named by
    the action alone, other methods by their verb too (`DELETE …/discount` → `delete_discount`)."""
    name = snake(action, fallback="action")
    if method.upper() in ("GET", "POST"):
        return name
    return f"{crud_verb(method, 'item')}_{name}"


# Words a method name may end with once the resource word after them is removed.
PREPOSITIONS = frozenset(
    {"for", "of", "in", "on", "to", "from", "by", "with", "at", "into", "within", "per", "under"}
)


# A leading section number: `1. `, `02 - `, `3) `, `1.2: ` (not the `2` of `2FA`).
_NUMBERING = re.compile(r"^\s*\d+(?:\.\d+)*\s*[.):\-–—]*\s+|^\s*\d+(?:\.\d+)*[.):\-–—]+\s*")


def tag_resource(tag: str) -> str:
    """A resource name for a tag: snake cased, without numbering or punctuation
    (`1. Login` → `login`, `02 - Users & Groups` → `users_groups`, `v2 Jobs` kept)."""
    unnumbered = _NUMBERING.sub("", tag)
    return snake(unnumbered if words(unnumbered) else tag, fallback="default")


def without_dangling_preposition(found: list[str]) -> list[str]:
    """Words without a trailing preposition left behind by removing the resource word after
    it (`add_dependencies_for` → `add_dependencies`)."""
    if len(found) > 1 and found[-1].lower() in PREPOSITIONS:
        return found[:-1]
    return found
