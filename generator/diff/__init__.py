"""Contract diffing: classify the changes between two versions of an OpenAPI document.

Pipeline: structural diff (`operations`, `schema`) → rule table (`rules`) → report
(`report`) → formatters (`formats`). `command` is the `specgen diff` CLI.
"""

from generator.diff.report import Accepted, Change, Report, diff_specs
from generator.diff.rules import RULES, Direction, Rule, Severity

__all__ = ["RULES", "Accepted", "Change", "Direction", "Report", "Rule", "Severity", "diff_specs"]
