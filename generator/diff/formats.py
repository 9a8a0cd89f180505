"""Formatters: a list of reports in, text out. Pure functions; the CLI decides where it goes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from itertools import groupby
from xml.sax.saxutils import escape, quoteattr

import click

from generator.diff.report import Change, Proof, Report
from generator.diff.rules import Severity

GLOBAL = "(whole API)"
_COLOURS = {Severity.BREAKING: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _by_operation(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    # Changes arrive sorted by operation, so one pass groups them.
    return [
        (operation or GLOBAL, list(group))
        for operation, group in groupby(changes, key=lambda c: c.operation)
    ]


def _summary(report: Report) -> str:
    total = len(report.changes)
    counts = ", ".join(f"{report.count(level)} {level.value}" for level in Severity)
    noun = "change" if total == 1 else "changes"
    ignored = f" ({report.ignored} ignored)" if report.ignored else ""
    return f"{total} {noun}: {counts}{ignored}"


def format_text(reports: Sequence[Report], colour: bool = False) -> str:
    def paint(text: str, **style: object) -> str:
        return click.style(text, **style) if colour else text  # type: ignore[arg-type]

    blocks = []
    for report in reports:
        lines = [paint(f"{report.base} → {report.revision}", bold=True)]
        if not report.changes:
            lines.append("  no changes")
        width = max((len(c.id) for c in report.changes), default=0)
        proved = any(c.proof is not None for c in report.changes)
        if proved and report.changes:
            lines.append("")
            lines.append(f"  {'level':<8} {'rule':<{width}}  {'proof':<13} {'rollback':<13} change")
        for operation, changes in _by_operation(report.changes):
            lines.append("")
            lines.append(paint(operation, bold=True))
            for change in changes:
                level = paint(f"{change.level.value:<8}", fg=_COLOURS[change.level])
                verdicts = ""
                if proved:
                    verdicts = f"{_verdict(change.proof):<13} {_verdict(change.rollback):<13} "
                lines.append(f"  {level} {change.id:<{width}}  {verdicts}{change.message}")
                for label, proof in (("proof", change.proof), ("rollback", change.rollback)):
                    if proof is not None and (proof.witness or proof.verdict == "broke"):
                        lines.append(f"      {label}: {proof_line(proof)}")
        lines.append("")
        lines.append(_summary(report))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def format_markdown(reports: Sequence[Report], colour: bool = False) -> str:
    sections = [
        (Severity.BREAKING, "Breaking changes"),
        (Severity.WARNING, "Changes to review"),
        (Severity.INFO, "Other changes"),
    ]
    out: list[str] = []
    for report in reports:
        out.append(f"# API changes: `{report.base}` → `{report.revision}`")
        out.append("")
        out.append(_summary(report) + ".")
        for level, title in sections:
            changes = [c for c in report.changes if c.level is level]
            if not changes:
                continue
            out.extend(["", f"## {title}"])
            for operation, group in _by_operation(changes):
                out.extend(["", f"### `{operation}`", ""])
                if any(change.proof is not None for change in group):
                    out.extend(_proof_table(group))
                    continue
                out.extend(f"- {_md(change.message)} (`{change.id}`)" for change in group)
        out.append("")
    return "\n".join(out)


def _verdict(proof: Proof | None) -> str:
    return proof.verdict if proof is not None else "-"


def proof_line(proof: Proof) -> str:
    """`broke with `v` = "bird": HTTP 422 ...`: the verdict, its witness and what happened."""
    text = proof.verdict
    if proof.witness:
        text += f" with {proof.witness}"
    detail = " ".join(proof.detail.split())
    return f"{text}: {detail[:240]}" if detail else text


def _proof_table(changes: Sequence[Change]) -> list[str]:
    """With --prove, an operation's changes as a table: what changed, and what the calls
    showed (the call made and its outcome, for the old client and for the new one)."""
    rows = [
        "| change | rule | proof (old client, new server) | rollback (new client, old server) |"
    ]
    rows.append("| --- | --- | --- | --- |")
    for change in changes:
        cells = [_md(change.message), f"`{change.id}`"]
        for proof in (change.proof, change.rollback):
            if proof is None:
                cells.append("-")
                continue
            text = f"**{proof.verdict}**"
            if proof.witness:
                text += f" with {_md(proof.witness)}"
            text += f": {_md(proof.detail)}"
            if proof.call:
                text += f" (`{proof.call.replace('`', '')}`)"
            cells.append(re.sub(r"(?<!\\)\|", r"\\|", text.replace("\n", " ")))
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def _md(text: str) -> str:
    # Messages quote names in backticks already; only characters that would start markup
    # outside code spans need escaping.
    parts = text.split("`")
    for index in range(0, len(parts), 2):
        for char in ("\\", "*", "_", "[", "]", "<", ">", "|"):
            parts[index] = parts[index].replace(char, "\\" + char)
    return "`".join(parts)


def format_json(reports: Sequence[Report], colour: bool = False) -> str:
    data: object = reports[0].to_json() if len(reports) == 1 else [r.to_json() for r in reports]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def format_junit(
    reports: Sequence[Report], colour: bool = False, fail_on: Severity | None = Severity.BREAKING
) -> str:
    """One test suite per spec pair. Without proofs, one test case per operation, failing when
    one of its changes is at or above the fail-on level. With proofs (`--prove`), one test
    case per change: a failure when its proof broke (carrying the witness and the error),
    skipped when it was not exercised (with the reason), passed when it held."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>"]
    for report in reports:
        name = quoteattr(f"{report.base} → {report.revision}")
        if any(change.proof is not None for change in report.changes):
            lines.extend(_proved_suite(report, name))
            continue
        groups = _by_operation(report.changes)
        failing = sum(1 for _, changes in groups if _failures(changes, fail_on))
        lines.append(
            f'  <testsuite name={name} tests="{max(len(groups), 1)}" failures="{failing}">'
        )
        if not groups:
            lines.append('    <testcase classname="specgen.diff" name="no changes"/>')
        for operation, changes in groups:
            lines.append(f'    <testcase classname="specgen.diff" name={quoteattr(operation)}>')
            failures = _failures(changes, fail_on)
            if failures and fail_on is not None:
                summary = quoteattr(f"{len(failures)} change(s) at or above {fail_on.value}")
                body = escape("\n".join(_line(c) for c in failures))
                lines.append(f'      <failure message={summary} type="{failures[0].level.value}">')
                lines.append(body)
                lines.append("      </failure>")
            others = [c for c in changes if c not in failures]
            if others:
                output = escape("\n".join(_line(c) for c in others))
                lines.append(f"      <system-out>{output}</system-out>")
            lines.append("    </testcase>")
        lines.append("  </testsuite>")
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"


def _proved_suite(report: Report, name: str) -> list[str]:
    broke = sum(1 for c in report.changes if c.proof is not None and c.proof.verdict == "broke")
    skipped = sum(
        1 for c in report.changes if c.proof is not None and c.proof.verdict == "not-exercised"
    )
    lines = [
        f'  <testsuite name={name} tests="{len(report.changes)}" failures="{broke}" '
        f'skipped="{skipped}">'
    ]
    for change in report.changes:
        classname = quoteattr(f"specgen.diff.{change.operation or GLOBAL}")
        case = quoteattr(f"{change.id}: {change.message}")
        lines.append(f"    <testcase classname={classname} name={case}>")
        proof = change.proof
        if proof is not None and proof.verdict == "broke":
            message = quoteattr(f"broke with {proof.witness}" if proof.witness else "broke")
            lines.append(f'      <failure message={message} type="{change.level.value}">')
            lines.append(escape(f"witness: {proof.witness}\ncall: {proof.call}\n{proof.detail}"))
            lines.append("      </failure>")
        elif proof is not None and proof.verdict == "not-exercised":
            lines.append(f"      <skipped message={quoteattr(proof.detail)}/>")
        out = [_line(change)]
        for label, shown in (("proof", proof), ("rollback", change.rollback)):
            if shown is not None:
                out.append(f"{label}: {proof_line(shown)} ({shown.call})")
        lines.append(f"      <system-out>{escape(chr(10).join(out))}</system-out>")
        lines.append("    </testcase>")
    lines.append("  </testsuite>")
    return lines


def _failures(changes: Sequence[Change], fail_on: Severity | None) -> list[Change]:
    if fail_on is None:
        return []
    return [c for c in changes if c.level.rank >= fail_on.rank]


def _line(change: Change) -> str:
    return f"{change.level.value} {change.id} {change.location}: {change.message}"


FORMATTERS: dict[str, Callable[..., str]] = {
    "text": format_text,
    "markdown": format_markdown,
    "json": format_json,
    "junit": format_junit,
}
