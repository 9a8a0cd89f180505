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


def test_a_schema_named_file_lives_beside_uploaded_files(tmp_path: Path) -> None:
    """Multipart models type binary parts as the runtime's File, imported under a private
    name, so a spec's own `File` schema keeps its name and both work."""
    upload = {
        "post": {
            "operationId": "upload",
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["data"],
                            "properties": {
                                "data": {"type": "string", "format": "binary"},
                                "meta": {"$ref": "#/components/schemas/File"},
                            },
                        }
                    }
                },
            },
            "responses": {"204": {"description": "stored"}},
        }
    }
    schemas = {"File": {"type": "object", "properties": {"name": {"type": "string"}}}}
    spec = write_spec(tmp_path, minimal({"/files": upload}, schemas))
    render_into(spec, tmp_path / "out", "files")
    source = (tmp_path / "out" / "client" / "src" / "files" / "models.py").read_text()
    assert "File as _File" in source and "class File(" in source
    with imported(tmp_path / "out" / "client" / "src", "files") as package:
        assert set(package.models.File.model_fields) == {"name"}
        bodies = [
            m for m in vars(package.models).values() if "data" in getattr(m, "model_fields", {})
        ]
        assert len(bodies) == 1
        made = bodies[0](data=b"bytes", meta=package.models.File(name="a.txt"))
        assert made.meta.name == "a.txt"
