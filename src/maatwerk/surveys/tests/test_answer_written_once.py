"""An answer row is written once: the database refuses an UPDATE; a response that is removed
takes its answers with it (docs/adr/0029). Runs on SQLite and on PostgreSQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from maatwerk.surveys import actions
from maatwerk.surveys.models import Answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def response(survey, client_record):
    response = actions.start_response(survey=survey, client=client_record)
    first = survey.pages.order_by("order").first()
    answers = {"v1": 2, "v2": "online", "v3": "nee"}
    actions.save_answers(response=response, page=first, answers=answers)
    actions.complete(response=response)
    return response


def test_the_database_refuses_to_change_an_answer(response):
    answer = Answer.objects.filter(response=response, value__isnull=False).first()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Answer.objects.filter(pk=answer.pk).update(value=5)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE surveys_answer SET office_id = NULL")
    assert Answer.objects.get(pk=answer.pk).value == answer.value


def test_answers_can_still_be_deleted_with_their_response(response):
    assert Answer.objects.filter(response=response).exists()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM surveys_answer WHERE response_id = %s", [response.pk])
    assert not Answer.objects.filter(response=response).exists()
