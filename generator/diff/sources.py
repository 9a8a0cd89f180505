"""Where the two sides come from: files, `GITREV:path` revisions, and ignore files.

A spec read from git is copied, with every file its `$ref`s reach, into a temporary folder
that mirrors the repository layout, so the ordinary loader and resolver handle it unchanged.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from collections import deque
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.diagnostics import Diagnostic, Level, SpecError
from generator.diff.report import Accepted
from generator.diff.rules import RULES_BY_ID
from generator.load import SpecSet, iter_refs, load_document
from generator.openapi import METHODS

_SPEC_SUFFIXES = (".yaml", ".yml", ".json")
_IGNORE_LINE = re.compile(r"^(?P<rule>[a-z0-9-]+)(?:\s+(?P<method>[A-Za-z]+)\s+(?P<path>/\S*))?$")


def _fail(rule: str, message: str, file: str, line: int | None = None) -> SpecError:
    return SpecError(Diagnostic(rule, Level.ERROR, message, file, "", line, 1 if line else None))


@dataclass(frozen=True)
class GitSource:
    revision: str
    path: str  # as git understands it: from the repository root, or `./` for the working dir

    @property
    def display(self) -> str:
        return f"{self.revision}:{self.path}"


def parse_source(argument: str) -> Path | GitSource:
    """A file when one exists at that path; otherwise `REV:path` names a file in a revision."""
    if Path(argument).exists() or ":" not in argument:
        return Path(argument)
    revision, _, path = argument.partition(":")
    if not revision or not path:
        raise _fail("usage", f"{argument!r} is neither a file nor REV:path", argument)
    return GitSource(revision, path)


def git(args: list[str], display: str, cwd: Path | None = None) -> bytes:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _fail("git", f"cannot run git: {exc}", display) from None
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _fail("git", reason[-1] if reason else "git failed", display)
    return result.stdout


def materialise(source: GitSource, workdir: Path) -> Path:
    """Write the spec and the files it references, as of `source.revision`, under `workdir`."""
    # PurePosixPath drops a leading "./", which tells git the path is relative to the
    # working directory rather than the repository root; keep it aside.
    dot = "./" if source.path.startswith("./") else ""
    root = PurePosixPath(source.path)
    pending: deque[PurePosixPath] = deque([root])
    written: set[PurePosixPath] = set()
    while pending:
        relative = pending.popleft()
        if relative in written:
            continue
        written.add(relative)
        display = f"{source.revision}:{dot}{relative}"
        content = git(["show", f"{source.revision}:{dot}{relative}"], display)
        target = workdir / _local(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        document = load_document(target, display)
        for ref, _ in iter_refs(document.data):
            file_part = ref.partition("#")[0]
            if file_part and "://" not in file_part:
                referenced = _normalise(relative.parent / file_part)
                if referenced is not None and referenced not in written:
                    pending.append(referenced)
    return workdir / _local(root)


def _local(path: PurePosixPath) -> Path:
    parts = [p for p in path.parts if p not in (".", "/")]
    return Path(*parts) if parts else Path("spec")


def _normalise(path: PurePosixPath) -> PurePosixPath | None:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None  # outside the repository; the resolver will refuse it anyway
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath("/".join(parts))


def load_spec(source: Path | GitSource, workdir: Path) -> tuple[SpecSet, str]:
    if isinstance(source, GitSource):
        path = materialise(source, workdir)
        document = load_document(path, source.display)
        return SpecSet(document), source.display
    document = load_document(source, str(source))
    return SpecSet(document), str(source)


def spec_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise _fail("usage", "not a folder", str(folder))
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in _SPEC_SUFFIXES and p.is_file())


def spec_files_at(revision: str, folder: Path) -> list[str]:
    """Names of the top-level spec files in `folder` as of `revision` (empty if absent)."""
    listing = git(["ls-tree", "--name-only", revision, "--", f"./{folder.as_posix()}/"], revision)
    names = [PurePosixPath(line).name for line in listing.decode("utf-8", "replace").splitlines()]
    return sorted(n for n in names if PurePosixPath(n).suffix.lower() in _SPEC_SUFFIXES)


def is_openapi(path: Path) -> bool:
    """Top-level files that are fragments (no `openapi` key) are referenced, not diffed."""
    return "openapi" in load_document(path).data


def read_ignore_file(path: Path) -> list[Accepted]:
    """`rule-id [METHOD /path]` per line; `#` starts a comment. Unknown ids are errors, so a
    typo cannot silently stop ignoring a break."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail("ignore-file", f"cannot read ignore file: {exc}", str(path)) from None
    accepted = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = _IGNORE_LINE.match(line)
        if match is None:
            raise _fail(
                "ignore-file", f"expected `rule-id [METHOD /path]`, got {line!r}", str(path), number
            )
        rule, method, op_path = match["rule"], match["method"], match["path"]
        if rule not in RULES_BY_ID:
            close = difflib.get_close_matches(rule, list(RULES_BY_ID), n=1, cutoff=0.7)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise _fail("ignore-file", f"unknown rule id {rule!r}{hint}", str(path), number)
        if method is not None and method.lower() not in METHODS:
            raise _fail("ignore-file", f"unknown HTTP method {method!r}", str(path), number)
        accepted.append(Accepted(rule, method.upper() if method else None, op_path))
    return accepted
