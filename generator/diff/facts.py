"""The structural facts the schema comparison reports (no judgement: `rules` judges them)."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class SchemaDelta:
    """One structural change; `path` is the human route (`.jobs[].location`) relative to the
    schema the comparison started from."""

    kind: str
    location: str
    path: str = ""
    details: tuple[tuple[str, str], ...] = ()
    read_only: bool = False
    write_only: bool = False

    def lifted(self, segment: str, read_only: bool, write_only: bool) -> SchemaDelta:
        return replace(
            self,
            path=segment + self.path,
            read_only=self.read_only or read_only,
            write_only=self.write_only or write_only,
        )


Details = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Delta:
    """One structural change, placed in an area (which fixes its direction)."""

    area: str
    kind: str
    operation: str | None
    location: str
    where: str = ""
    details: Details = ()
    read_only: bool = False
    write_only: bool = False
    path: str = ""  # the route inside the schema (`.jobs[].state`), for --prove
