"""Which property identifies a resource when the spec never says `id`: the stateful mock reads
it from the names (`gid`), the item path's parameter (`{task_gid}`, `{username}`) or the one
`*_id` property; and the noun of a collection path (for 404 messages and envelopes)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.mock.roles import singular
from generator.mock.state import id_property
from generator.values.schema import Schemas


def _props(*names: str) -> dict[str, Any]:
    return {"type": "object", "properties": {n: {"type": "string"} for n in names}}


SCHEMAS = Schemas({"openapi": "3.0.3", "components": {"schemas": {}}})


@pytest.mark.parametrize(
    ("names", "param", "expected"),
    [
        (("gid", "name", "resource_type"), None, "gid"),  # Asana
        (("id", "gid"), None, "id"),
        (("username", "email"), "username", "username"),  # `/users/{username}`
        (("task_gid", "name"), "task_gid", "task_gid"),
        (("key", "name", "created"), "flagKey", "key"),  # the parameter's last word
        (("pet_id", "name"), None, "pet_id"),  # the only `*_id`
        (("owner_id", "pet_id", "name"), None, None),  # two: which one is unclear
        (("name", "size"), "item", None),
    ],
)
def test_the_id_property_is_found_from_names_and_the_path(
    names: tuple[str, ...], param: str | None, expected: str | None
) -> None:
    assert id_property(SCHEMAS, _props(*names), param) == expected


@pytest.mark.parametrize(
    ("collection", "noun"),
    [
        ("/tasks", "task"),
        ("/v1/ssh_keys", "ssh_key"),
        ("/projects/{project_gid}/tasks", "task"),
        ("/policies", "policy"),
        ("/addresses", "address"),
        ("/boxes", "box"),
        ("/status", "status"),
        ("/project_statuses", "project_status"),
    ],
)
def test_the_noun_of_a_collection(collection: str, noun: str) -> None:
    assert singular(collection) == noun
