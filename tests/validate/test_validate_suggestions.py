""" "Did you mean": mistyped `$ref` targets, commands and options."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import cli
from tests.validate.validate_helpers import only

SPEC = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Pet: {type: object}
    PetList: {type: array, items: {$ref: '#/components/schemas/{target}'}}
"""


def test_a_mistyped_ref_suggests_the_close_name(check):
    found = only(check(SPEC.replace("{target}", "Pett")), "ref-unresolved")
    assert found.message.endswith("did you mean 'Pet'?")


def test_a_case_slip_in_a_ref_is_suggested_too(check):
    found = only(check(SPEC.replace("{target}", "pet")), "ref-unresolved")
    assert found.message.endswith("did you mean 'Pet'?")


def test_nothing_close_means_no_suggestion(check):
    found = only(check(SPEC.replace("{target}", "Invoice")), "ref-unresolved")
    assert "did you mean" not in found.message


def test_a_mistyped_command_or_option_is_a_usage_error_with_a_suggestion():
    runner = CliRunner()
    result = runner.invoke(cli, ["genrate"])
    assert result.exit_code == 2
    assert "No such command 'genrate'. Did you mean 'generate'?" in result.output
    result = runner.invoke(cli, ["validate", "--stirct"])
    assert result.exit_code == 2 and "Did you mean '--strict'?" in result.output


def test_a_mistyped_file_in_a_ref_suggests_the_close_file(check):
    spec = SPEC.replace("#/components/schemas/{target}", "schemas/Eror.yaml")
    found = only(check(spec, files={"schemas/Error.yaml": "type: object\n"}), "ref-unresolved")
    assert found.message.endswith("did you mean 'Error.yaml'?")
