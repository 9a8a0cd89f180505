"""Non-2xx responses become the right exception, with fields read from the error envelope."""

from __future__ import annotations

import httpx
import pytest
from pydantic import BaseModel

from generator.runtime import (
    APIError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorDetail,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    SyncAPIClient,
    UnprocessableEntityError,
)
from generator.runtime._errors import make_status_error
from tests.runtime.runtime_helpers import BASE_URL, Script, Sleeps

BENTLEY_BODY = {
    "error": {
        "code": "InvalidiTwinsRequest",
        "message": "Cannot create iTwin.",
        "target": "body",
        "details": [
            {
                "code": "MissingRequiredProperty",
                "message": "displayName is missing.",
                "target": "displayName",
            },
            {"code": "InvalidValue", "message": "class is invalid.", "target": "class"},
        ],
    }
}

COGNITE_BODY = {
    "error": {
        "code": 400,
        "message": "Ids not found",
        "missing": [{"externalId": "pump-1"}, {"id": 42}],
        "duplicated": [{"externalId": "pump-2"}],
    }
}


def _response(status: int, **kwargs: object) -> httpx.Response:
    return httpx.Response(status, request=httpx.Request("GET", "https://x/y"), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (599, InternalServerError),
        (402, APIStatusError),
        (405, APIStatusError),
        (410, APIStatusError),
        (418, APIStatusError),
    ],
)
def test_every_status_raises_its_class_through_the_client(
    status: int, cls: type[APIStatusError]
) -> None:
    script = Script([httpx.Response(status, json=BENTLEY_BODY)])
    client = SyncAPIClient(
        base_url=BASE_URL, http_client=script.sync_client(), max_retries=0, sleep=Sleeps()
    )
    with pytest.raises(APIStatusError) as caught:
        client._request("GET", "/things")
    error = caught.value
    assert type(error) is cls
    assert isinstance(error, APIError)
    assert error.status_code == status
    assert error.code == "InvalidiTwinsRequest"
    assert error.message == "Cannot create iTwin."
    assert error.response.status_code == status
    assert error.body == BENTLEY_BODY


def test_bentley_envelope() -> None:
    error = make_status_error(_response(422, json=BENTLEY_BODY))
    assert isinstance(error, UnprocessableEntityError)
    assert error.code == "InvalidiTwinsRequest"
    assert error.message == "Cannot create iTwin."
    assert error.target == "body"
    assert error.details == (
        ErrorDetail(
            "MissingRequiredProperty",
            "displayName is missing.",
            "displayName",
            BENTLEY_BODY["error"]["details"][0],
        ),
        ErrorDetail(
            "InvalidValue",
            "class is invalid.",
            "class",
            BENTLEY_BODY["error"]["details"][1],
        ),
    )
    text = str(error)
    assert text.startswith("422 InvalidiTwinsRequest: Cannot create iTwin. (target: body)")
    assert "MissingRequiredProperty/displayName: displayName is missing." in text


def test_cognite_envelope_keeps_int_code_and_lists_missing_and_duplicated() -> None:
    error = make_status_error(_response(400, json=COGNITE_BODY))
    assert isinstance(error, BadRequestError)
    assert error.code == 400
    assert error.message == "Ids not found"
    assert error.target is None
    assert [(d.code, d.target, d.raw) for d in error.details] == [
        ("missing", "externalId=pump-1", {"externalId": "pump-1"}),
        ("missing", "id=42", {"id": 42}),
        ("duplicated", "externalId=pump-2", {"externalId": "pump-2"}),
    ]
    assert "missing/externalId=pump-1" in str(error)


def test_flat_envelope() -> None:
    error = make_status_error(_response(409, json={"code": "Conflict", "message": "exists"}))
    assert isinstance(error, ConflictError)
    assert (error.code, error.message, error.details, error.target) == (
        "Conflict",
        "exists",
        (),
        None,
    )


def test_problem_details_envelope() -> None:
    body = {
        "type": "https://errors.example.com/out-of-credit",
        "title": "You do not have enough credit.",
        "detail": "Your balance is 30, but that costs 50.",
        "instance": "/account/12345/msgs/abc",
    }
    error = make_status_error(_response(403, json=body))
    assert error.code == "https://errors.example.com/out-of-credit"
    assert error.message == "Your balance is 30, but that costs 50."
    assert error.target == "/account/12345/msgs/abc"


def test_oauth_envelope() -> None:
    body = {"error": "invalid_client", "error_description": "Client secret expired"}
    error = make_status_error(_response(401, json=body))
    assert (error.code, error.message) == ("invalid_client", "Client secret expired")


@pytest.mark.parametrize(
    ("kwargs", "expected_message", "expected_body"),
    [
        (
            {"text": "<html>Bad Gateway</html>"},
            "<html>Bad Gateway</html>",
            "<html>Bad Gateway</html>",
        ),
        ({"text": "   "}, "Bad Gateway", "   "),
        ({"content": b""}, "Bad Gateway", None),
        ({"content": b"\xff\xfe\x00garbage"}, None, None),
        ({"json": ["not", "an", "object"]}, "Bad Gateway", ["not", "an", "object"]),
        ({"json": {"error": {"message": 12}}}, "12", {"error": {"message": 12}}),
        ({"content": b"{truncated json"}, "{truncated json", "{truncated json"),
    ],
)
def test_non_json_or_odd_bodies_never_crash(
    kwargs: dict[str, object], expected_message: str | None, expected_body: object
) -> None:
    error = make_status_error(_response(502, **kwargs))
    assert isinstance(error, InternalServerError)
    assert error.code is None
    if expected_message is not None:
        assert error.message == expected_message
    else:
        assert error.message  # something readable, whatever the bytes were
    if expected_body is not None:
        assert error.body == expected_body
    assert str(error).startswith("502")


def test_rate_limit_error_carries_retry_after() -> None:
    error = make_status_error(_response(429, json={"message": "slow down"}), retry_after=12.0)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 12.0
    assert error.message == "slow down"


# -- the server's own words -----------------------------------------------------------------------


def test_asana_list_of_errors_gives_message_and_details() -> None:
    body = {"errors": [{"message": "task: Not a recognized ID: 42", "help": "see the docs"}]}
    error = make_status_error(_response(404, json=body))
    assert isinstance(error, NotFoundError)
    assert error.message == "task: Not a recognized ID: 42"
    assert [d.message for d in error.details] == ["task: Not a recognized ID: 42"]
    assert str(error) == "404: task: Not a recognized ID: 42"  # the one detail is not repeated
    assert error.body == body


def test_several_errors_are_summarised_and_each_kept() -> None:
    body = {
        "errors": [
            {"title": "is too short", "source": {"pointer": "/data/attributes/name"}},
            {"message": "unknown field", "path": ["input", "colour"]},
        ]
    }
    error = make_status_error(_response(400, json=body))
    assert error.message == "/data/attributes/name: is too short (and 1 more)"
    assert [(d.target, d.message) for d in error.details] == [
        ("/data/attributes/name", "is too short"),
        ("input.colour", "unknown field"),
    ]
    assert "\n  - input.colour: unknown field" in str(error)


def test_fastapi_validation_details() -> None:
    body = {"detail": [{"loc": ["body", "name"], "msg": "Field required", "type": "missing"}]}
    error = make_status_error(_response(422, json=body))
    assert error.message == "body.name: Field required"
    assert error.details[0].target == "body.name"
    plain = make_status_error(_response(404, json={"detail": "Not Found"}))
    assert plain.message == "Not Found"


def test_problem_json_with_a_map_of_field_errors() -> None:
    body = {
        "type": "about:blank",
        "title": "Invalid",
        "status": 422,
        "errors": {"email": ["taken"]},
    }
    error = make_status_error(
        httpx.Response(
            422,
            json=body,
            headers={"content-type": "application/problem+json"},
            request=httpx.Request("POST", BASE_URL),
        )
    )
    assert error.message == "Invalid"
    assert [(d.target, d.message) for d in error.details] == [("email", "taken")]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"error": {"message": "nested"}}, "nested"),
        ({"message": "flat"}, "flat"),
        ({"fault": {"faultstring": "Invalid ApiKey", "detail": {"code": 1}}}, "Invalid ApiKey"),
        ({"status": "error", "payload": {"reason": "quota exceeded"}}, "quota exceeded"),
        ({"result": {"errorCode": "E42", "errorText": "no such account"}}, "no such account"),
        ({"failure": {"failureReason": "locked", "failureId": "f1"}}, "locked"),
        ({"status": "error"}, "Bad Request"),  # nothing to read: the status text
    ],
)
def test_a_declared_error_schemas_message_is_found(body: object, message: str) -> None:
    assert make_status_error(_response(400, json=body)).message == message


def test_a_body_refused_before_sending_is_an_api_error_and_a_value_error() -> None:
    class Job(BaseModel):
        name: str

    script = Script([])
    client = SyncAPIClient(base_url=BASE_URL, http_client=script.sync_client())
    with pytest.raises(APIError) as caught:
        client._request("POST", "/jobs", json_body={"name": 7}, body_type=Job)
    assert isinstance(caught.value, RequestValidationError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.errors[0]["loc"] == ("name",)
    assert "does not match Job" in caught.value.message
    with pytest.raises(RequestValidationError, match="'job_id'"):
        client._request("GET", "/jobs/{job_id}", path_params={})
    assert script.requests == []
