"""A Connexion (spec-first) implementation of `pets.yaml`: Connexion routes and validates
requests from the spec itself, so it is an implementation independent of specgen's."""

from __future__ import annotations

import copy
import warnings
from typing import Any

import yaml

from .helpers import PETS


def bearer_info(token: str) -> dict[str, str] | None:
    return {"sub": "someone"} if token else None


def connexion_app(*defects: str) -> Any:
    with warnings.catch_warnings():  # starlette's test client, imported by connexion, warns
        warnings.simplefilter("ignore")
        import connexion
        from connexion.resolver import Resolver

    pets: dict[int, dict[str, Any]] = {}

    def list_pets(limit: int) -> Any:
        return list(pets.values())[:limit], 200, {"X-Total-Count": str(len(pets))}

    def create_pet(body: dict[str, Any]) -> Any:
        pet = {"id": len(pets) + 1, **body}
        pets[pet["id"]] = pet
        return pet, 201

    def get_pet(petId: int) -> Any:  # noqa: N803 - Connexion passes the spec's name
        if petId not in pets:
            return {"message": "no such pet"}, 404
        pet = pets[petId]
        return {**pet, "id": str(pet["id"])} if "off-schema" in defects else pet

    def update_pet(petId: int, body: dict[str, Any]) -> Any:  # noqa: N803
        if petId not in pets:
            return {"message": "no such pet"}, 404
        pets[petId].update(body)
        return pets[petId]

    def delete_pet(petId: int) -> Any:  # noqa: N803
        if petId not in pets:
            return {"message": "no such pet"}, 404
        del pets[petId]
        return None, 204

    def get_health() -> Any:
        return {"status": "ok"}

    handlers = {"listPets": list_pets, "createPet": create_pet, "getPet": get_pet,
                "updatePet": update_pet, "deletePet": delete_pet, "getHealth": get_health}  # fmt: skip
    spec = copy.deepcopy(yaml.safe_load(PETS.read_text()))
    # How Connexion checks a bearer token (the spec file itself stays as verify reads it).
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    scheme["x-bearerInfoFunc"] = f"{__name__}.bearer_info"
    from connexion.options import SwaggerUIOptions

    app = connexion.AsyncApp(__name__, swagger_ui_options=SwaggerUIOptions(swagger_ui=False))
    resolver = Resolver(function_resolver=lambda name: handlers[name.rsplit(".", 1)[-1]])
    app.add_api(spec, resolver=resolver)
    return app
