"""A FastAPI tutorial-style app (pydantic models, OAuth2 bearer, trailing-slash collection)
verified against the spec FastAPI itself generates for it.

No `from __future__ import annotations`: FastAPI reads the local `User` alias at definition."""

from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, UploadFile
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel, Field

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such item."}}


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    description: str | None = None
    price: float = Field(gt=0)
    tags: list[str] = []


class StoredItem(Item):
    id: int


def tutorial_app(*defects: str) -> FastAPI:
    app = FastAPI(title="Items")
    oauth2 = OAuth2PasswordBearer(tokenUrl="token")
    items: dict[int, StoredItem] = {}
    declared = {} if "undeclared-404" in defects else NOT_FOUND

    async def user(token: Annotated[str, Depends(oauth2)]) -> str:
        # OAuth2PasswordBearer takes `Authorization: Bearer` with no token as an empty one.
        if not token and "empty-token" not in defects:
            raise HTTPException(401, "Not authenticated", {"WWW-Authenticate": "Bearer"})
        return token

    User = Annotated[str, Depends(user)]

    @app.get("/items/", response_model=list[StoredItem])
    async def read_items(_: User, limit: Annotated[int, Query(ge=1, le=100)] = 10) -> Any:
        return list(items.values())[:limit]

    @app.post("/items/", response_model=StoredItem, status_code=201)
    async def create_item(item: Item, _: User) -> Any:
        stored = StoredItem(id=len(items) + 1, **item.model_dump())
        items[stored.id] = stored
        return stored

    @app.get("/items/{item_id}", response_model=StoredItem, responses=declared)
    async def read_item(item_id: int, _: User) -> Any:
        if item_id not in items:
            raise HTTPException(404, "Item not found")
        return items[item_id]

    @app.delete("/items/{item_id}", status_code=204, responses=declared)
    async def delete_item(item_id: int, _: User) -> None:
        if item_id not in items:
            raise HTTPException(404, "Item not found")
        del items[item_id]

    @app.post("/files/")
    async def upload(file: Annotated[UploadFile, File()], note: Annotated[str, Form()]) -> Any:
        return {"filename": file.filename, "size": len(await file.read()), "note": note}

    return app
