"""Results with the min-10 rule (more in test_disclosure.py), and exports without names or
BSNs, safe for spreadsheets."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from maatwerk.audit.models import AuditEntry
from maatwerk.core.tests import factories
from maatwerk.surveys import actions
from maatwerk.surveys.results import summarise

TOO_FEW = "Te weinig reacties"


def _answer(survey, client, v1, v3="nee", v5=None):
    response = actions.start_response(survey=survey, client=client)
    pages = list(survey.pages.order_by("order"))
    actions.save_answers(
        response=response, page=pages[0], answers={"v1": v1, "v2": "online", "v3": v3}
    )
    if v3 == "ja":
        actions.save_answers(
            response=response, page=pages[1], answers={"v4": ["cv", "scholing"], "v5": v5}
        )
    return actions.complete(response=response)


@pytest.fixture
def answered(survey, adviser, office):
    other_office = factories.OfficeFactory()
    clients = [factories.make_client(contact_person=adviser) for _ in range(12)]
    far_adviser = factories.make_staff(offices=[other_office])
    elsewhere = [factories.make_client(contact_person=far_adviser) for _ in range(3)]
    for i, client in enumerate(clients):
        _answer(survey, client, v1=1 + i % 5, v3="ja" if i < 9 else "nee", v5="=HYPERLINK(1)")
    for client in elsewhere:
        _answer(survey, client, v1=5)
    survey.other_office = other_office
    survey.clients = clients + elsewhere
    return survey


def test_min_ten_rule(answered, office):
    summary = summarise(answered)
    # Results move in steps of ten per office: 12 at this office show as 10, the 3 elsewhere wait.
    assert summary.respondents == 10 and not summary.suppressed
    by_code = {r.question.code: r for r in summary.questions}
    assert by_code["v1"].respondents == 10 and not by_code["v1"].suppressed
    # Released at the tenth answer: the first ten clients' scores.
    assert by_code["v1"].mean == pytest.approx(sum(1 + i % 5 for i in range(10)) / 10)
    assert by_code["v4"].respondents == 0 and by_code["v4"].suppressed  # 9 said ja
    assert by_code["v4"].lines == []
    # A filtered subgroup of 3: everything suppressed.
    small = summarise(answered, office=answered.other_office)
    assert small.suppressed and all(r.suppressed for r in small.questions)
    own = summarise(answered, office=office)
    assert own.respondents == 10 and not own.questions[0].suppressed


def test_results_page(login, answered, onderzoeker, manager):
    page = login(manager.user).get(reverse("surveys:results", args=[answered.pk]))
    assert page.status_code == 200
    assert TOO_FEW in page.text and "10 reacties" in page.text
    assert "=HYPERLINK" not in page.text  # open answers only for researchers
    filtered = login(manager.user).get(
        reverse("surveys:results", args=[answered.pk]),
        {"vestiging": answered.other_office.pk},
    )
    assert filtered.text.count(TOO_FEW) >= 6
    assert "gemiddeld" not in filtered.text


def test_min_group_is_a_setting(answered, settings):
    settings.VOICE_MIN_GROUP_SIZE = 16
    assert summarise(answered).suppressed


def test_html_in_open_answers_is_escaped_on_the_results_page(login, survey, onderzoeker, adviser):
    for _ in range(10):
        _answer(survey, factories.make_client(contact_person=adviser), 3, "ja", "<b>vet</b>")
    page = login(onderzoeker.user).get(reverse("surveys:results", args=[survey.pk]))
    assert "&lt;b&gt;vet&lt;/b&gt;" in page.text and "<b>vet</b>" not in page.text


def _export(web, survey, file_format, key=""):
    return web.post(
        reverse("surveys:export", args=[survey.pk]), {"file_format": file_format, "link_key": key}
    )


def test_csv_export_is_pseudonymous_and_formula_safe(login, answered, onderzoeker):
    web = login(onderzoeker.user)
    response = _export(web, answered, "csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    for client in answered.clients:
        assert client.bsn not in text and client.surname not in text
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, data = rows[0], rows[1:]
    assert len(data) == 15
    assert header[:5] == ["respondent", "soort", "ingevuld_op", "vestiging", "regio"]
    assert "v4_cv" in header and "v4_solliciteren" in header
    assert data[0][header.index("v5")] == "'=HYPERLINK(1)"
    again = list(
        csv.reader(
            io.StringIO(_export(web, answered, "csv").content.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert [r[0] for r in again[1:]] == [r[0] for r in data]  # stable per key
    keyed = list(
        csv.reader(
            io.StringIO(_export(web, answered, "csv", "panel-2026").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert keyed[1][0] != data[0][0]
    assert AuditEntry.objects.filter(action="surveys.exported").count() == 3


def test_excel_export_has_codebook(login, answered, onderzoeker):
    response = _export(login(onderzoeker.user), answered, "xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["antwoorden", "codeboek"]
    values = [c for row in book["antwoorden"].iter_rows(values_only=True) for c in row]
    assert "'=HYPERLINK(1)" in values
    for client in answered.clients:
        assert client.bsn not in values and client.surname not in values
    codes = [row[0] for row in book["codeboek"].iter_rows(values_only=True)]
    assert "v4_cv" in codes and "v1" in codes


def test_codebook_csv(login, answered, onderzoeker):
    text = _export(login(onderzoeker.user), answered, "codebook").content.decode("utf-8-sig")
    assert "Hoe tevreden bent u?" in text and "telefoon;Telefoon" in text


def test_export_bad_input(login, answered, onderzoeker):
    page = _export(login(onderzoeker.user), answered, "pdf", "sleutel met spaties")
    assert page.status_code == 200 and "Kies een bestand." in page.text


def test_tallies_match_the_answer_rows(answered):
    from django.db.models import Count

    from maatwerk.surveys import tallies
    from maatwerk.surveys.models import Answer, Tally

    def counts():
        return {
            (t.question_id, t.office_key, t.option_key, t.value_key, t.is_primary): t.count
            for t in Tally.objects.filter(survey=answered)
        }

    kept = counts()
    assert sum(kept.values()) == Answer.objects.filter(survey=answered).count()
    tallies.rebuild(answered.pk)
    assert counts() == kept
    by_question = dict(
        Answer.objects.filter(survey=answered, is_primary=True)
        .values_list("question__code")
        .annotate(n=Count("*"))
    )
    assert by_question["v1"] == 15 and by_question["v4"] == 9
