"""Detected pagination reaches the TypeScript client: each style's declaration, type-checked."""

from __future__ import annotations

from pathlib import Path

from generator.render import TargetOptions, render_target
from tests.render.helpers import write_spec
from tests.ts.node import ROOT, needs_node, tsc
from tests.wire.test_pages_wire import _detected_document


def _render(tmp_path: Path) -> Path:
    spec = write_spec(tmp_path, _detected_document(), "detected")
    result = render_target(spec, TargetOptions("detected", frozenset({"client-ts"})))
    for file in result.files:
        target = tmp_path / "out" / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    return tmp_path / "out" / "client-ts"


def test_each_detected_style_is_declared(tmp_path: Path) -> None:
    client = (_render(tmp_path) / "src" / "client.ts").read_text()
    compact = " ".join(client.split())
    assert 'style: "offset", items: "data", cursorParam: "offset", sizeParam: "limit",' in compact
    assert 'style: "has-more", items: "data", next: "has_more", cursorParam: "starting_after",' in (
        compact
    )
    assert 'style: "link-header", items: "", }' in compact
    assert 'style: "cursor", items: "data", next: "next_page.offset", cursorParam: "offset",' in (
        compact
    )
    assert "PagePromise<M.Item, M.Item[]>" in client  # a bare array is its own page


@needs_node
def test_the_paged_client_type_checks(tmp_path: Path) -> None:
    package = _render(tmp_path)
    tsc(["-p", str(package / "tsconfig.json"), "--noEmit"], ROOT)
