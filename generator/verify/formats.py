"""A verify report as text, JSON, JUnit XML or Markdown (records are redacted already)."""

from __future__ import annotations

import io
from xml.etree import ElementTree as ET

from generator.verify.model import CHECKS, Finding, Report

FORMATS = ("text", "json", "junit", "markdown")


def render(report: Report, fmt: str, color: bool = False) -> str:
    if fmt == "json":
        return report.to_json() + "\n"
    if fmt == "junit":
        return junit(report)
    if fmt == "markdown":
        return markdown(report)
    return text(report, color)


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _status(report: Report) -> str:
    summary = report.summary()
    head = (f"{summary['findings']} finding(s) on {summary['defective_operations']} of "
            f"{len(report.operations)} operation(s); {report.requests} request(s) in "
            f"{report.seconds:.2f} s")  # fmt: skip
    if report.safe:
        head += " (safe: GET/HEAD/OPTIONS only)"
    if report.stopped:
        head += f"; stopped early: {report.stopped} reached"
    return head


def text(report: Report, color: bool = False) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, width=120, force_terminal=color, no_color=not color,
                      highlight=False, soft_wrap=True)  # fmt: skip
    for finding in report.findings:
        console.print(Text.assemble((finding.location, "bold"), ": ", (finding.check, "red"),
                                    f" {finding.operation}: {finding.text}"))  # fmt: skip
        if finding.suggestion:
            console.print(f"    suggested spec fix: {finding.suggestion}", markup=False)
        console.print(f"    request:  {finding.request.curl()}", markup=False)
        console.print(f"    client:   {finding.request.client_call}", markup=False)
        if finding.response is not None:
            body = finding.response.body.replace("\n", " ")[:300]
            console.print(f"    response: {finding.response.status} "
                          f"{finding.response.content_type} {body}", markup=False)  # fmt: skip
    table = Table(title="specgen verify", title_justify="left")
    for column in ("operation", "requests", "findings", "p50 ms", "p95 ms", "note"):
        table.add_column(column, justify="right" if column in ("requests", "findings") or
                         column.endswith("ms") else "left")  # fmt: skip
    for row in report.summary()["operations"]:
        table.add_row(row["operation"], str(row["requests"]), str(row["findings"]),
                      _ms(row["p50_ms"]), _ms(row["p95_ms"]), row["skipped"] or "")  # fmt: skip
    console.print(table)
    for steps in report.sequences:
        if steps:
            console.print("sequence: " + " ; ".join(steps), markup=False)
    console.print(_status(report), markup=False)
    return out.getvalue()


def markdown(report: Report) -> str:
    lines = ["# specgen verify", "", _status(report), ""]
    lines += ["| operation | requests | findings | p50 ms | p95 ms | note |",
              "| --- | ---: | ---: | ---: | ---: | --- |"]  # fmt: skip
    for row in report.summary()["operations"]:
        lines.append(f"| `{row['operation']}` | {row['requests']} | {row['findings']} | "
                     f"{_ms(row['p50_ms'])} | {_ms(row['p95_ms'])} | {row['skipped'] or ''} |")  # fmt: skip
    sequences = [steps for steps in report.sequences if steps]
    if sequences:
        lines += ["", "## Sequences", ""]
        lines += [f"1. {' → '.join(steps)}" for steps in sequences]
    if report.findings:
        lines += ["", "## Findings"]
    for finding in report.findings:
        lines += ["", f"### `{finding.operation}`: {finding.check}", "",
                  f"{_escape(finding.text)} (`{finding.location}`)"]  # fmt: skip
        if finding.suggestion:
            lines += ["", f"Suggested spec fix: {_escape(finding.suggestion)}"]
        lines += ["", "```sh", finding.request.curl(), "```", "", "```python",
                  finding.request.client_call, "```"]  # fmt: skip
        if finding.response is not None:
            lines += ["", f"Response: {finding.response.status} "
                      f"`{finding.response.content_type}`", "", "```",
                      finding.response.body[:500].replace("```", "'''"), "```"]  # fmt: skip
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def junit(report: Report) -> str:
    """One test suite per check, one test case per operation (failed when it has findings)."""
    root = ET.Element("testsuites", name="specgen verify", tests="0", failures="0",
                      time=f"{report.seconds:.3f}")  # fmt: skip
    total = failures = 0
    for check in CHECKS:
        suite = ET.SubElement(root, "testsuite", name=check)
        cases = failed = 0
        for stats in report.operations:
            if stats.skipped:
                continue
            mine = [
                f for f in report.findings if f.check == check and f.operation == stats.operation
            ]
            case = ET.SubElement(suite, "testcase", classname=check, name=stats.operation)
            cases += 1
            if mine:
                failed += 1
                failure = ET.SubElement(case, "failure", message=mine[0].message, type=check)
                failure.text = "\n\n".join(_detail(f) for f in mine)
        suite.set("tests", str(cases))
        suite.set("failures", str(failed))
        total, failures = total + cases, failures + failed
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _detail(finding: Finding) -> str:
    lines = [f"{finding.location}: {finding.text}"]
    if finding.suggestion:
        lines.append(f"suggested spec fix: {finding.suggestion}")
    lines += [f"request: {finding.request.curl()}", f"client: {finding.request.client_call}"]
    if finding.response is not None:
        lines.append(f"response: {finding.response.status} {finding.response.body[:500]}")
    return "\n".join(lines)
