"""The timeline and the status page tell the same story: one set of status words (those of
``FeedbackItem.Status``) and one way to write a date ("15 december 2026")."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from maatwerk.core.dates import long_date
from maatwerk.feedback.models import FeedbackItem
from maatwerk.timeline import kinds
from maatwerk.timeline.kinds import Voice

from .helpers import submit

Status = FeedbackItem.Status

# The one kind that puts a reaction in each status (a reaction typed in by staff for the client
# arrives as "feedback.received_via" instead of "feedback.submitted").
KINDS_FOR = {
    Status.RECEIVED: {"feedback.submitted", "feedback.received_via"},
    Status.IN_PROGRESS: {"feedback.in_progress"},
    Status.ANSWERED: {"feedback.answered"},
}
DAY_MONTH_YEAR = re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b")


def _texts(kind: kinds.EventKind) -> str:
    return " ".join(
        str(text)
        for text in (kind.label, kind.staff_label, kind.summary, kind.staff_summary)
        if text
    ).lower()


def test_each_status_word_belongs_to_the_kind_that_sets_it():
    feedback_kinds = [k for k in kinds.all_kinds() if k.code.startswith("feedback.")]
    with translation.override("nl"):
        for status, codes in KINDS_FOR.items():
            for code in codes:
                assert str(status.label) in str(kinds.get(code).label).lower()
            for kind in feedback_kinds:
                # "in behandeling genomen" is the moment the status becomes "in behandeling".
                if str(status.label) in _texts(kind):
                    assert kind.code in codes, f"{kind.code} says '{status.label}'"


@pytest.mark.django_db
def test_timeline_and_status_page_agree_after_sending(login, client_record, adviser):
    item = submit(client_record)
    web = login(client_record.user)
    status_page = web.get(reverse("feedback:client_item", args=[item.pk])).text
    home = web.get(reverse("portal:home")).text
    assert item.status == Status.RECEIVED and "Ontvangen" in status_page
    assert "Reactie ontvangen" in home
    assert "in behandeling" not in home.lower() and "in behandeling" not in status_page.lower()
    # The answer date reads the same on both pages, in the long form only.
    with translation.override("nl"):
        deadline = long_date(item.deadline)
    assert deadline in status_page and deadline in home
    assert not DAY_MONTH_YEAR.search(status_page) and not DAY_MONTH_YEAR.search(home)


@pytest.mark.django_db
def test_the_adviser_reads_the_same_words_about_the_client(login, client_record, adviser):
    item = submit(client_record)
    web = login(adviser.user)
    client_file = web.get(reverse("clients:file", args=[client_record.pk])).text
    staff_page = web.get(reverse("feedback:staff_item", args=[item.pk])).text
    assert "Reactie ontvangen" in client_file and "in behandeling" not in client_file.lower()
    assert f"{client_record.first_name} stuurde een reactie" in client_file
    with translation.override("nl"):
        deadline = long_date(item.deadline)
    assert deadline in client_file and deadline in staff_page
    assert not DAY_MONTH_YEAR.search(client_file) and not DAY_MONTH_YEAR.search(staff_page)
    event = client_record.timeline_events.get(kind="feedback.owner_assigned")
    assert event.data["deadline"] == {"date": item.deadline.isoformat()}  # data, shown in words
    assert deadline in event.summary_in(Voice.STAFF)
