"""docs/diff.md lists every rule with its level and direction, exactly as the table defines it."""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.diff.rules import RULES

DOC = Path(__file__).resolve().parents[2] / "docs" / "diff.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def _table() -> str:
    rows = ["| id | level | direction | message |", "| --- | --- | --- | --- |"]
    for rule in sorted(RULES, key=lambda r: (r.area, r.id)):
        message = rule.template.replace("|", "\\|")
        rows.append(f"| `{rule.id}` | {rule.level.value} | {rule.direction.value} | {message} |")
    return "\n".join(rows)


def test_docs_list_every_rule() -> None:
    text = DOC.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)
    expected = f"{START}\n{len(RULES)} rules.\n\n{_table()}\n{END}"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        text = pattern.sub(lambda _: expected, text)
        DOC.write_text(text, encoding="utf-8")
    found = pattern.search(text)
    assert found is not None and found.group() == expected
