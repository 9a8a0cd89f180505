import keyword

import pytest

from generator import naming


@pytest.mark.parametrize(
    ("wire", "python"),
    [
        ("$filter", "filter"),
        ("$top", "top"),
        ("continuationToken", "continuation_token"),
        ("jobId", "job_id"),
        ("id", "id"),
        ("class", "class_"),
        ("meta/root", "meta_root"),
        ("tag/op", "tag_op"),
        ("HTTPServer", "http_server"),
        ("3MX", "value_3_mx"),
        ("", "value"),
        ("日本", "value"),
        ("match", "match_"),
    ],
)
def test_snake_case_names_are_valid_identifiers(wire: str, python: str) -> None:
    assert naming.snake(wire) == python
    assert python.isidentifier() and not keyword.iskeyword(python)


@pytest.mark.parametrize(
    ("name", "cls"),
    [("job-response", "JobResponse"), ("3MX", "Model3MX"), ("error-response", "ErrorResponse")],
)
def test_class_names(name: str, cls: str) -> None:
    assert naming.pascal(name) == cls


def test_unique_suffixes_collisions() -> None:
    taken: set[str] = set()
    assert [naming.unique("ErrorResponse", taken) for _ in range(3)] == [
        "ErrorResponse",
        "ErrorResponse2",
        "ErrorResponse3",
    ]
    assert [naming.unique("job_id", taken) for _ in range(2)] == ["job_id", "job_id_2"]


def test_reserved_client_names_get_a_suffix() -> None:
    assert naming.snake("body", reserved=naming.CLIENT_RESERVED) == "body_"
    assert naming.snake("timeout", reserved=naming.CLIENT_RESERVED) == "timeout_"


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("Field", "FieldModel"),
        ("client", "ClientModel"),
        ("timeout", "TimeoutModel"),
        ("Job", "Job"),
    ],
)
def test_class_names_never_shadow_imports_of_the_generated_modules(name: str, cls: str) -> None:
    assert naming.class_name(name) == cls


@pytest.mark.parametrize("name", ["options", "cast", "list", "given", "merge_options", "self"])
def test_parameters_never_shadow_what_a_method_body_reads(name: str) -> None:
    assert naming.snake(name, reserved=naming.CLIENT_RESERVED) == name + "_"


@pytest.mark.parametrize("name", ["close", "with_raw_response", "http_client", "base_url"])
def test_operations_never_replace_client_attributes(name: str) -> None:
    assert naming.snake(name, reserved=naming.CLIENT_ATTRIBUTES) == name + "_"
