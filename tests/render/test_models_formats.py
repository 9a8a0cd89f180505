"""Typed string formats keep working when a spec also constrains their text: a UUID or a date
with `minLength`/`maxLength`/`pattern` (SendGrid's 36-character ids) parses as its type."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from uuid import UUID

import pydantic
import pytest

from tests.render.helpers import imported, render_into, write_spec
from tests.robustness.support import minimal

SCHEMAS = {
    "Contact": {
        "type": "object",
        "required": ["id", "seen"],
        "properties": {
            "id": {"type": "string", "format": "uuid", "minLength": 36, "maxLength": 36},
            "seen": {"type": "string", "format": "date-time", "pattern": "^\\d{4}-"},
            "day": {"type": "string", "format": "date", "maxLength": 10},
            "code": {"type": "string", "minLength": 2, "maxLength": 3},
        },
    }
}


def test_constrained_formats_parse_and_plain_strings_stay_constrained(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, minimal({}, SCHEMAS))
    render_into(spec, tmp_path / "out", "formats")
    with imported(tmp_path / "out" / "client" / "src", "formats") as package:
        contact = package.models.Contact.model_validate(
            {
                "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
                "seen": "2024-06-10T06:13:20Z",
                "day": "2024-06-10",
                "code": "abc",
            }
        )
        assert isinstance(contact.id, UUID)
        assert contact.seen == dt.datetime(2024, 6, 10, 6, 13, 20, tzinfo=dt.UTC)
        assert contact.day == dt.date(2024, 6, 10)
        with pytest.raises(pydantic.ValidationError):  # the plain string keeps its lengths
            package.models.Contact.model_validate(
                {"id": str(contact.id), "seen": "2024-06-10T06:13:20Z", "code": "abcd"}
            )
