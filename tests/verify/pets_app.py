"""A FastAPI implementation of `pets.yaml` that conforms to it, unless defects are seeded.

Each defect is one way real servers drift from their documentation; `verify` must find each
one with the check named beside it, and nothing on the app without defects.
"""

from __future__ import annotations

import contextlib
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from generator.diff.prove_calls import serve

DEFECTS = {
    "off-schema": "shape",  # GET /pets/{petId} answers the id as a string
    "server-error": "server-error",  # GET /pets crashes on a valid request
    "refuses-valid": "valid-refused",  # POST /pets wants an `owner` the spec does not have
    "html": "declared",  # GET /health answers HTML where JSON is declared
    "bytes": "declared",  # PUT /pets/{petId} answers application/octet-stream
    "malformed-token": "auth",  # a `Bearer` without a token crashes the auth check
    "no-auth": "auth",  # DELETE /pets/{petId} does not check credentials
    "accepts-invalid": "negative",  # POST /pets takes any body
    "missing-header": "shape",  # GET /pets leaves out the required X-Total-Count
    "undead": "stateful",  # DELETE /pets/{petId} answers 204 and deletes nothing
}
TAGS = ("dog", "cat", "bird")


def pets_app(*defects: str) -> FastAPI:
    unknown = set(defects) - set(DEFECTS)
    assert not unknown, unknown
    seeded = set(defects)
    app = FastAPI()
    pets: dict[int, dict[str, Any]] = {}
    counter = iter(range(1, 10**6))

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"message": message}, status)

    def refused(request: Request) -> JSONResponse | None:
        header = request.headers.get("authorization")
        if header is None:
            return error(401, "no credentials")
        if "malformed-token" in seeded:
            scheme, token = header.split(" ")  # crashes on "Bearer"
        else:
            scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return error(401, "malformed credentials")
        return None

    def new_pet(body: Any) -> str | None:
        """Why `body` is not a NewPet (None: it is)."""
        if "accepts-invalid" in seeded:
            return None
        if not isinstance(body, dict):
            return "the body must be an object"
        if set(body) - {"name", "tag"}:
            return "unknown properties"
        name = body.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 40:
            return "name must be a string of 1 to 40 characters"
        if "tag" in body and body["tag"] not in TAGS:
            return "tag must be dog, cat or bird"
        if "refuses-valid" in seeded and "owner" not in body:
            return "owner is required"
        return None

    def pet_id(raw: str) -> int | None:
        return int(raw) if raw.isdigit() else None

    async def json_body(request: Request) -> Any:
        try:
            return await request.json()
        except ValueError:
            return None

    @app.get("/health")
    async def health() -> Response:
        if "html" in seeded:
            return HTMLResponse("<html><body>ok</body></html>")
        return JSONResponse({"status": "ok"})

    @app.get("/pets")
    async def list_pets(request: Request) -> Response:
        if (answer := refused(request)) is not None:
            return answer
        limit = request.query_params.get("limit", "")
        if not limit.isdigit() or not 1 <= int(limit) <= 100:
            return error(422, "limit must be an integer from 1 to 100")
        if "server-error" in seeded:
            return error(500, "Internal Server Error")
        items = list(pets.values())[: int(limit)]
        headers = {} if "missing-header" in seeded else {"X-Total-Count": str(len(pets))}
        return JSONResponse(items, headers=headers)

    @app.post("/pets")
    async def create_pet(request: Request) -> Response:
        if (answer := refused(request)) is not None:
            return answer
        body = await json_body(request)
        problem = new_pet(body)
        if problem is not None:
            return error(422, problem)
        pet = {"id": next(counter), "name": str(body.get("name", "x")) if isinstance(body, dict)
               else "x"}  # fmt: skip
        if isinstance(body, dict) and body.get("tag") in TAGS:
            pet["tag"] = body["tag"]
        pets[pet["id"]] = pet
        return JSONResponse(pet, 201)

    @app.get("/pets/{raw_id}")
    async def get_pet(raw_id: str, request: Request) -> Response:
        if (answer := refused(request)) is not None:
            return answer
        found = pets.get(pet_id(raw_id) or -1)
        if pet_id(raw_id) is None:
            return error(422, "petId must be an integer")
        if found is None:
            return error(404, "no such pet")
        if "off-schema" in seeded:
            return JSONResponse({**found, "id": str(found["id"])})
        return JSONResponse(found)

    @app.put("/pets/{raw_id}")
    async def update_pet(raw_id: str, request: Request) -> Response:
        if (answer := refused(request)) is not None:
            return answer
        if pet_id(raw_id) is None:
            return error(422, "petId must be an integer")
        body = await json_body(request)
        problem = new_pet(body)
        if problem is not None:
            return error(422, problem)
        found = pets.get(pet_id(raw_id) or -1)
        if found is None:
            return error(404, "no such pet")
        found.update(body)
        if "bytes" in seeded:
            return Response(repr(found).encode(), media_type="application/octet-stream")
        return JSONResponse(found)

    @app.delete("/pets/{raw_id}")
    async def delete_pet(raw_id: str, request: Request) -> Response:
        if "no-auth" not in seeded and (answer := refused(request)) is not None:
            return answer
        if pet_id(raw_id) is None:
            return error(422, "petId must be an integer")
        if pet_id(raw_id) not in pets:
            return error(404, "no such pet")
        if "undead" not in seeded:
            del pets[pet_id(raw_id) or -1]
        return Response(status_code=204)

    return app


def served(app: Any) -> contextlib.AbstractContextManager[str]:
    """`app` on 127.0.0.1 (a port the OS picks), in a thread; its base URL. The product's own
    loopback server (the one `diff --prove` serves its mocks with)."""
    return serve(app)
