"""API: the open client feedback of the token's staff member (/api/reacties)."""

from datetime import date, datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import paginate

from maatwerk.access.rules import staff_of
from maatwerk.api import schemas
from maatwerk.api.errors import ApiError
from maatwerk.api.pagination import Pagination
from maatwerk.clients.file_access import find

from . import queries, rules
from .models import FeedbackItem

router = Router(tags=["reacties"])
ERRORS = {401: schemas.ErrorOut, 403: schemas.ErrorOut, 422: schemas.ValidationErrorOut}


class FeedbackOut(Schema):
    id: int
    kind: str
    status: str
    text: str
    client_id: int
    client_name: str
    office: str
    submitted_at: datetime
    deadline: date | None
    overdue: bool

    @staticmethod
    def resolve_client_name(item) -> str:
        return item.client.full_name

    @staticmethod
    def resolve_office(item) -> str:
        return item.office.name

    @staticmethod
    def resolve_overdue(item) -> bool:
        return item.is_overdue()


def _may_answer(request):
    if not request.auth.has_perm("feedback.answer_feedback"):
        raise ApiError(403, _("Je mag geen reacties van cliënten behandelen."), "forbidden")


@router.get("/reacties", response={200: list[FeedbackOut], **ERRORS})
@paginate(Pagination)
def list_open_feedback(request: HttpRequest):
    """Open reacties, klachten en suggesties waarvan jij de eigenaar bent, de eerste datum eerst."""
    _may_answer(request)
    return queries.open_items(queries.owned_items(staff_of(request.auth))).order_by(
        "deadline", "pk"
    )


@router.get("/reacties/{int:id}", response={200: FeedbackOut, 404: schemas.ErrorOut, **ERRORS})
def get_feedback(request: HttpRequest, id: int):
    """Eén reactie: voor de eigenaar en de managers van de vestiging."""
    _may_answer(request)
    item = find(FeedbackItem.objects.select_related("client", "office"), id)
    if item is None or not rules.may_view_item(request.auth, item):
        # Someone else's item does not exist for you.
        raise ApiError(404, _("Deze reactie bestaat niet."), "not_found")
    return item
