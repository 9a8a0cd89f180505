"""The static reference site of one API (`specgen docs`, and the `docs` artefact).

IR (+ the release history) → `site.build_site` (pages, snippets, search entries, all decided
in Python) → the templates in `templates/docs/` (HTML only loops and prints) → files in
memory, under `docs/`. The site is one folder of plain files: it opens from `file://` with no
server and no network (the search index is a script, not a JSON file a page would fetch).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from generator.docsite.site import Release, Site, build_site

if TYPE_CHECKING:
    from generator.render.context import RenderContext

ROOT = "docs"
ASSETS = ("site.css", "site.js")


def load_releases(path: Path | None) -> tuple[Release, ...]:
    """The releases of `releases/<name>/history.json`, newest first (none when absent)."""
    if path is None or not path.is_file():
        return ()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    found = []
    for item in data.get("releases", []) if isinstance(data, dict) else []:
        if isinstance(item, dict):
            found.append(
                Release(
                    version=str(item.get("version", "")),
                    previous=str(item.get("previous") or ""),
                    date=str(item.get("date", "")),
                    bump=str(item.get("bump", "")),
                    override=bool(item.get("override")),
                    changes=tuple(c for c in item.get("changes", []) if isinstance(c, dict)),
                )
            )
    return tuple(found)


def _environment(loader: jinja2.BaseLoader | None) -> jinja2.Environment:
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_site(ctx: RenderContext, releases: Sequence[Release] = ()) -> dict[str, str]:
    """Every file of the site, by path relative to the target folder (`docs/...`)."""
    from generator.render.client_ts import npm_name

    site = build_site(ctx.api, ctx.package, npm_name(ctx.api.name), releases)
    return render_files(site, _environment(ctx.env.loader), ctx.spec)


def render_files(site: Site, env: jinja2.Environment, spec: str) -> dict[str, str]:
    common = {"site": site, "api": site.api, "spec": spec, "links": site.links}
    files = {f"{ROOT}/index.html": env.get_template("docs/index.html.jinja").render(common)}
    for page in site.pages:
        files[f"{ROOT}/{page.file}"] = env.get_template("docs/page.html.jinja").render(
            common, page=page
        )
    files[f"{ROOT}/changelog.html"] = env.get_template("docs/changelog.html.jinja").render(common)
    index = json.dumps(site.search_entries(), ensure_ascii=False, separators=(",", ":"))
    # `</` could end a script element; the index is loaded as a script, so escape it.
    safe = index.replace("</", "<\\/")
    files[f"{ROOT}/search-index.js"] = f"window.SPECGEN_INDEX = {safe};\n"
    loader = env.loader
    assert loader is not None
    for asset in ASSETS:
        source, _, _ = loader.get_source(env, f"docs/{asset}")
        files[f"{ROOT}/{asset}"] = source
    return files


__all__ = ["ROOT", "Release", "load_releases", "render_files", "render_site"]
