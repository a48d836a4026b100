"""Limit/offset pagination with bounds, so no request can ask for everything at once."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 25
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Hoeveel per pagina.")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Hoeveel overslaan.")

    class Output(Schema):
        items: list[Any]
        count: int

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
