"""The reference site as files: names from the clients, links that resolve, a changelog with
breaking changes marked, determinism, and `specgen docs` on a spec outside a project."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from generator.docsite import load_releases, render_site
from generator.render import TargetOptions, prepare_target
from generator.render.client_ts import ts_api
from tests.release.project import NAME, make_project, specgen

ROOT = Path(__file__).resolve().parents[2]


def _site(spec: str, releases: Path | None = None) -> dict[str, str]:
    path = ROOT / "specs" / spec
    ctx, _, _ = prepare_target(path, TargetOptions(name=path.stem, display=f"specs/{spec}"))
    return render_site(ctx, load_releases(releases))


def test_snippets_use_the_clients_real_method_names() -> None:
    path = ROOT / "specs" / "cognite-3d-jobs.yaml"
    ctx, _, _ = prepare_target(path, TargetOptions(name=path.stem))
    files = render_site(ctx)
    pages = "".join(text for name, text in files.items() if "/ops-" in name)
    ts_calls = {t.op.operation_id: t.call for t in ts_api(ctx.api).all_operations}
    for op in ctx.api.operations:
        call = ctx.api.client.call_of(op)
        section = re.search(
            rf'<section class="op" id="op-{re.escape(op.operation_id)}".*?</section>', pages, re.S
        )
        assert section is not None, op.operation_id
        text = html.unescape(section.group(0))
        assert f"client.{call}(" in text
        assert f"client.{ts_calls[op.operation_id]}(" in text
        assert f"curl -X {op.method}" in text


def test_every_model_is_documented_and_every_link_resolves() -> None:
    files = _site("reality-analysis.yaml")
    ids = {
        (name.removeprefix("docs/"), anchor)
        for name, text in files.items()
        for anchor in re.findall(r'id="([^"]+)"', text)
    }
    for name, text in files.items():
        if not name.endswith(".html"):
            continue
        for link in re.findall(r'href="([^"#:]*\.html)#([^"]+)"', text):
            assert link in ids, f"{name}: broken link {link}"
    index = files["docs/search-index.js"]
    entries = json.loads(index.removeprefix("window.SPECGEN_INDEX = ").rstrip(";\n"))
    kinds = {kind for kind, *_ in entries}
    assert kinds == {"op", "model"}
    for _kind, _, _, link in entries:
        page, _, anchor = link.partition("#")
        assert (page, anchor) in ids, link


def test_the_build_is_deterministic() -> None:
    assert _site("reality-modeling.yaml") == _site("reality-modeling.yaml")


def test_changelog_marks_breaking_releases(tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    history.write_text(
        json.dumps(
            {
                "releases": [
                    {
                        "version": "2.0.0",
                        "previous": "1.0.0",
                        "date": "2026-01-02",
                        "bump": "major",
                        "override": False,
                        "changes": [
                            {
                                "id": "api-removed-without-deprecation",
                                "level": "breaking",
                                "operation": "GET /pets",
                                "message": "endpoint removed",
                                "proof": {"verdict": "broke", "call": "old client", "detail": ""},
                            }
                        ],
                    },
                    {"version": "1.0.0", "previous": None, "date": "2026-01-01", "changes": []},
                ]
            }
        )
    )
    page = _site("reality-modeling.yaml", history)["docs/changelog.html"]
    assert page.index('id="v2.0.0"') < page.index('id="v1.0.0"')
    assert '<span class="breaking">1 breaking</span>' in page
    assert 'class="level-breaking"' in page and "proof: broke" in page


def test_generated_docs_are_committed_and_fresh() -> None:
    for target in (
        "cognite-3d-jobs",
        "reality-analysis",
        "reality-data-analysis",
        "reality-modeling",
    ):
        assert (ROOT / "generated" / target / "docs" / "index.html").is_file()


@pytest.mark.xdist_group("release")
def test_docs_command_and_the_docs_artefact_follow_releases(tmp_path: Path) -> None:
    repo = make_project(tmp_path / "project")
    spec = repo / "specs" / f"{NAME}.yaml"
    out = tmp_path / "site"
    done = subprocess.run(["bash", "-c", f"cd {tmp_path} && true"], capture_output=True, text=True)
    assert done.returncode == 0
    built = specgen(repo, "docs", str(spec), "--out", str(out))
    assert built.returncode == 0, built.stderr
    assert (out / NAME / "index.html").is_file()
    assert "client.get_pet(pet_id=" in html.unescape(
        (out / NAME / "ops-operations.html").read_text()
    )
    # As an artefact the site is part of `generate`, and a release makes it stale.
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"client-ts"]', '"client-ts", "docs"]'))
    specgen(repo, "generate", check=True)
    assert (
        "First release" not in (repo / "generated" / NAME / "docs" / "changelog.html").read_text()
    )
    specgen(repo, "release", "--no-tag", check=True)
    assert specgen(repo, "generate", "--check").returncode == 1
    specgen(repo, "generate", check=True)
    assert "First release" in (repo / "generated" / NAME / "docs" / "changelog.html").read_text()
    unknown = specgen(repo, "docs", "nope")
    assert unknown.returncode == 2 and "nope" in unknown.stderr


def test_resource_methods_are_named_as_the_clients_reach_them(tmp_path: Path) -> None:
    """Operations in several groups become resources (`client.pets.list`); the snippets use
    those paths in both languages, not the operationIds."""
    import yaml

    from tests.release.project import SPEC

    spec = json.loads(json.dumps(SPEC))
    spec["paths"]["/pets"]["get"]["tags"] = ["pets"]
    spec["paths"]["/pets/{petId}"]["get"]["tags"] = ["pets"]
    spec["paths"]["/stores"] = {
        "get": {
            "operationId": "listStores",
            "tags": ["stores"],
            "responses": {"200": {"description": "ok"}},
        }
    }
    path = tmp_path / "shop.yaml"
    path.write_text(yaml.safe_dump(spec))
    ctx, _, _ = prepare_target(path, TargetOptions(name="shop"))
    assert ctx.api.client.layout == "resources"
    files = render_site(ctx)
    assert {"docs/ops-pets.html", "docs/ops-stores.html"} <= set(files)
    pets = html.unescape(files["docs/ops-pets.html"])
    ts_calls = {t.op.operation_id: t.call for t in ts_api(ctx.api).all_operations}
    for op in ctx.api.operations:
        call = ctx.api.client.call_of(op)
        assert "." in call and "." in ts_calls[op.operation_id]
        page = pets if call.startswith("pets.") else html.unescape(files["docs/ops-stores.html"])
        assert f"client.{call}(" in page
        assert f"client.{ts_calls[op.operation_id]}(" in page
