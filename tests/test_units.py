"""Closure fingerprints (generator/units.py) and the per-unit cache of example verdicts: a
fingerprint changes exactly when the unit or something it reaches changes, and a cached
validation reports exactly what a fresh one does."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.incremental import Entry, Run, Stage, Store
from generator.load import SpecSet, load_document
from generator.units import UnitGraph
from generator.validate import validate_spec
from generator.validate.examples import check_examples
from generator.validate.meaning import walk

REF = "#/components/schemas/"


def document() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/pets": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": REF + "Pet"},
                                    "example": {"name": "Rex", "owner": {"id": "x"}},
                                }
                            },
                        }
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "Pet": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}, "owner": {"$ref": REF + "User"}},
                },
                "User": {"type": "object", "properties": {"id": {"type": "string"}}},
                "Lonely": {"type": "string", "example": 3},
                # A cycle: each sees the other.
                "A": {"type": "object", "properties": {"b": {"$ref": REF + "B"}}},
                "B": {"type": "object", "properties": {"a": {"$ref": REF + "A"}}},
                "Shared": {"$ref": "shared.yaml#/Thing"},
            }
        },
    }


def _graph(folder: Path, doc: dict[str, Any], shared: Any = None) -> tuple[SpecSet, UnitGraph]:
    (folder / "shared.yaml").write_text(yaml.safe_dump(shared or {"Thing": {"type": "string"}}))
    path = folder / "spec.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    spec = SpecSet(load_document(path))
    return spec, UnitGraph(spec)


def _closures(folder: Path, doc: dict[str, Any], shared: Any = None) -> dict[str, str]:
    spec, graph = _graph(folder, doc, shared)
    wanted = ["Pet", "User", "Lonely", "A", "B", "Shared"]
    found = {name: graph.closure(spec.root, REF + name) for name in wanted}
    found["/pets"] = graph.closure(spec.root, "#/paths/~1pets/get/responses")
    return found


def test_a_change_reaches_exactly_the_units_that_reference_it(tmp_path: Path) -> None:
    before = _closures(tmp_path, document())
    edited = document()
    edited["components"]["schemas"]["User"]["properties"]["id"]["type"] = "integer"
    after = _closures(tmp_path, edited)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"User", "Pet", "/pets"}


def test_units_of_a_cycle_see_each_other(tmp_path: Path) -> None:
    before = _closures(tmp_path, document())
    edited = document()
    edited["components"]["schemas"]["B"]["description"] = "changed"
    after = _closures(tmp_path, edited)
    assert {name for name in before if before[name] != after[name]} == {"A", "B"}


def test_a_graph_remembering_the_last_run_gives_the_fingerprints_of_a_fresh_one(
    tmp_path: Path,
) -> None:
    import datetime

    spec, first = _graph(tmp_path, document())
    wanted = [REF + name for name in ("Pet", "User", "Lonely", "A", "B", "Shared")]
    edits: list[Callable[[dict[str, Any]], None]] = [
        lambda d: d["components"]["schemas"]["User"]["properties"].update(x={"type": "string"}),
        lambda d: d["components"]["schemas"]["Lonely"].update(example=3.0),  # 3 and 3.0 differ
        lambda d: d["components"]["schemas"]["Lonely"].update(example=True),
        lambda d: d["components"]["schemas"]["Pet"]["properties"]["owner"].update(
            {"$ref": REF + "A"}
        ),  # the same text length, another target
        lambda d: d["components"]["schemas"]["B"].update(example=datetime.date(2026, 1, 2)),
    ]
    doc, before = document(), first.remembered
    for edit in edits:
        edit(doc)
        path = tmp_path / "spec.yaml"
        path.write_text(yaml.safe_dump(doc, sort_keys=False))
        spec = SpecSet(load_document(path))
        warm, fresh = UnitGraph(spec, before), UnitGraph(spec)

        assert [warm.closure(spec.root, p) for p in wanted] == [
            fresh.closure(spec.root, p) for p in wanted
        ]
        assert warm.own_of(warm.unit_of(spec.root, REF + "User")) == fresh.own_of(
            fresh.unit_of(spec.root, REF + "User")
        )
        before = warm.remembered
    unchanged = warm.unit_of(spec.root, "#/info")
    assert UnitGraph(spec, before).remembered[unchanged] is before[unchanged]  # not dumped again


def test_a_referenced_file_is_part_of_the_closure(tmp_path: Path) -> None:
    before = _closures(tmp_path, document())
    after = _closures(tmp_path, document(), {"Thing": {"type": "integer"}})
    assert {name for name in before if before[name] != after[name]} == {"Shared"}


def _checked(spec: SpecSet, checks: list[Any], folder: Path) -> tuple[Stage, list[Any]]:
    """The example findings of one run of a new process (its store read back from disk)."""
    run = Run(Store())
    found = check_examples(spec, "3.0", checks, run, UnitGraph(spec), "examples", folder)
    stage = run.stage("examples")
    assert stage is not None
    run.close()
    return stage, found


def test_cached_example_verdicts_are_reused_and_match_fresh_ones(tmp_path: Path) -> None:
    spec, _ = _graph(tmp_path, document())
    checks = walk(spec, "3.0").examples
    store, first = _checked(spec, checks, tmp_path / "cache")
    assert store.misses == len(checks) and first  # Lonely's example is an integer
    # A new run (a new process: read back from disk) reuses every verdict.
    again, found = _checked(spec, checks, tmp_path / "cache")
    assert found == first
    assert (again.hits, again.misses) == (len(checks), 0)


def test_a_validation_with_the_cache_reports_what_a_fresh_one_does(tmp_path: Path) -> None:
    memory = Store()
    doc = document()
    edits: list[Callable[[dict[str, Any]], object]] = [
        lambda d: None,
        # The example now breaks the schema it reaches through a `$ref`.
        lambda d: d["components"]["schemas"]["User"]["properties"]["id"].update(type="integer"),
        lambda d: d["components"]["schemas"]["Pet"]["required"].append("age"),
        lambda d: d["components"]["schemas"]["Lonely"].update(example="fine"),
    ]
    for edit in edits:
        edit(doc)
        spec, _ = _graph(tmp_path, copy.deepcopy(doc))
        cached = validate_spec(spec, cache_dir=tmp_path / "cache", memory=memory)
        fresh, _ = _graph(tmp_path, copy.deepcopy(doc))
        assert cached == validate_spec(fresh)
    # The edits were seen: Pet's example misses `age` and its owner's id is no integer, and
    # Lonely's example is fixed.
    messages = sorted(d.message for d in cached if d.rule == "example-invalid")
    assert len(messages) == 2
    assert "'age' is a required property" in messages[0]
    assert "'x' is not of type 'integer'" in messages[1]


def test_an_unreadable_cache_file_is_an_empty_cache(tmp_path: Path) -> None:
    store = Store().stage("examples", tmp_path / "cache")
    store.keep("k", Entry([1], ()))
    store.commit()
    assert Store().stage("examples", tmp_path / "cache").lookup("k") == Entry([1], ())
    assert store.file is not None
    store.file.write_bytes(b"not a pickle")
    assert Store().stage("examples", tmp_path / "cache").lookup("k") is None


def test_a_verdict_is_checked_again_only_if_its_validation_read_the_edited_schema(
    tmp_path: Path,
) -> None:
    """Pet references User; an example of a pet without an owner never reads User, so an
    edit of User leaves its verdict standing, while the one with an owner is checked again."""
    doc = document()
    content = doc["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]
    content.pop("example")
    content["examples"] = {
        "owned": {"value": {"name": "Rex", "owner": {"id": "x"}}},
        "stray": {"value": {"name": "Tom"}},
    }

    def run(edited: dict[str, Any]) -> tuple[Stage, list[Any]]:
        spec, _ = _graph(tmp_path, edited)
        checks = [c for c in walk(spec, "3.0").examples if "~1pets" in c.pointer]
        return _checked(spec, checks, tmp_path / "cache")

    assert run(doc)[0].misses == 2
    doc["components"]["schemas"]["User"]["properties"]["id"]["type"] = "integer"
    store, found = run(doc)
    assert (store.hits, store.misses) == (1, 1)
    assert ["'x' is not of type 'integer'" in f.message for f in found] == [True]


def test_without_noted_references_a_verdict_falls_back_to_the_closure(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """A jsonschema whose validator cannot note the references it follows must not make a
    verdict look as if it read nothing but its own schema."""
    from generator.validate import examples

    monkeypatch.setattr(examples, "_noting_references", lambda validator_class: validator_class)
    examples._validator_class.cache_clear()
    try:
        doc = document()
        for _ in range(2):  # the verdicts, then the same run after User's id became an integer
            spec, _ = _graph(tmp_path, doc)
            store, found = _checked(spec, walk(spec, "3.0").examples, tmp_path / "cache")
            doc["components"]["schemas"]["User"]["properties"]["id"]["type"] = "integer"
        assert store.hits > 0  # the cache was used: only the verdicts that can see User redone
        assert any("'x' is not of type 'integer'" in f.message for f in found)
    finally:
        examples._validator_class.cache_clear()


def test_a_verdict_key_tells_values_apart_as_json_does() -> None:
    import datetime

    from generator.validate.verdicts import _value_print

    prints = [_value_print(v) for v in (1, 1.0, True, "1", [1], {"a": 1}, None)]
    assert len(set(prints)) == len(prints)
    assert _value_print({"a": [1, {"b": "c"}]}) == _value_print({"a": [1, {"b": "c"}]})
    day = datetime.date(2026, 1, 2)
    assert _value_print({"d": day}) == _value_print({"d": datetime.date(2026, 1, 2)})
    assert _value_print({"d": day}) != _value_print({"d": "2026-01-02"})


def test_a_long_lived_validation_keeps_the_unit_fingerprints_for_the_next_run(
    tmp_path: Path,
) -> None:
    spec, _ = _graph(tmp_path, document())
    memory = Store()
    first = validate_spec(spec, memory=memory)
    [kept] = [store["units"] for name, store in memory.stores.items() if name.endswith(":units")]
    pet = next(unit for unit in kept if unit[-1] == "Pet")
    remembered = kept[pet]

    again = validate_spec(SpecSet(load_document(spec.root.path)), memory=memory)

    [now] = [store["units"] for name, store in memory.stores.items() if name.endswith(":units")]
    assert now[pet] is remembered  # reused, not dumped again
    assert again == first


def test_the_units_of_root_pointers_are_kept_while_the_roots_containers_are(
    tmp_path: Path,
) -> None:
    spec, first = _graph(tmp_path, document())
    pointer = "#/components/schemas/Pet/properties/owner"
    unit = first.unit_of(spec.root, pointer)
    again = UnitGraph(SpecSet(load_document(spec.root.path)), pointers=first.pointers)
    assert again.pointers["units"] is first.pointers["units"]  # asked already: not parsed again
    assert again.unit_of(again.spec.root, pointer) == unit
    changed = {**document(), "components": ["not a mapping"]}
    other, _ = _graph(tmp_path, changed)
    reshaped = UnitGraph(other, pointers=first.pointers)
    assert reshaped.unit_of(other.root, pointer) == UnitGraph(other).unit_of(other.root, pointer)
    assert reshaped.unit_of(other.root, pointer) != unit
