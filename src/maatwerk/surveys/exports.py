"""Research exports: answers as CSV or Excel, with a codebook. No names, no BSNs: a respondent is
a pseudonymous id, an HMAC of the client id under a secret and the researcher's link key, so the
same client gets the same id only in exports made with the same key.

Practice accounts are left out. An office or region is named only where disclosure control would
show its figures (``maatwerk.core.disclosure``): a respondent of a small office is exported
without the office, so the office column never singles out a few people
(docs/adr/0028-disclosure-control.md)."""

import csv
import io
from collections import Counter

from django.conf import settings
from django.db.models import Count
from django.utils.crypto import salted_hmac

from maatwerk.core import disclosure

from . import logic
from .conf import app_settings
from .models import Question, Response, Survey
from .results import ALL, places

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value):
    """Spreadsheet programs run a cell that starts like a formula: make it plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def pseudonym(response: Response, link_key: str) -> str:
    secret = app_settings.SURVEY_PSEUDONYM_SECRET or settings.SECRET_KEY
    if response.client_id is not None:
        subject = f"client:{response.client_id}"
    else:
        subject = f"response:{response.pk}"
    return salted_hmac(
        f"maatwerk.surveys.pseudonym:{link_key}", subject, secret=secret
    ).hexdigest()[:20]


def _columns(structure) -> list[tuple[str, Question, str | None]]:
    """(column name, question, option code) per answer column; one 0/1 column per option of a
    multiple-choice question."""
    columns = []
    for question in structure.questions:
        if question.kind == Question.Kind.MULTIPLE:
            for option in question.option_list:
                columns.append((f"{question.code}_{option.code}", question, option.code))
        else:
            columns.append((question.code, question, None))
    return columns


# ``ingevoerd_door_medewerker``: 1 when a staff member typed in the client's answers (given by
# phone or on paper); answers the client typed at an office tablet are the client's own: 0.
STAFF_TYPED = ("phone", "paper")
FIXED = [
    "respondent",
    "soort",
    "ingevuld_op",
    "vestiging",
    "regio",
    "ingevoerd_door_medewerker",
]


def _completed(survey: Survey):
    return Response.objects.filter(survey=survey, completed_at__isnull=False).exclude(
        client__is_practice=True
    )


def _named_places(survey: Survey) -> set[tuple]:
    """The regions and offices in a region (``results.places``) with enough respondents to be
    named, with complementary suppression."""
    cells: Counter = Counter()
    grouped = _completed(survey).values_list("office_id", "region_id").annotate(n=Count("id"))
    for office_id, region_id, n in grouped.order_by():
        cells[office_id or 0, region_id or 0] += n
    counts, children = places(cells)
    return disclosure.visible(ALL, counts, children)


def rows(survey: Survey, link_key: str = ""):
    """Header, then one row per completed response."""
    key = link_key or f"survey-{survey.pk}"
    structure = logic.load(survey)
    columns = _columns(structure)
    yield FIXED + [name for name, _q, _o in columns]
    named = _named_places(survey)
    responses = _completed(survey).select_related("office", "region").order_by("pk")
    for response in responses.iterator(chunk_size=2000):
        kind = "interview" if response.session_id else "client"
        region_named = ("region", response.region_id) in named
        office_named = ("cell", response.office_id, response.region_id) in named
        row = [
            pseudonym(response, key),
            kind,
            response.completed_at.date().isoformat(),
            response.office.name if office_named else "",
            response.region.name if region_named else "",
            1 if response.entered_via in STAFF_TYPED else 0,
        ]
        for _name, question, option_code in columns:
            value = response.answers.get(question.code)
            if option_code is not None:
                row.append("" if value is None else int(option_code in value))
            elif value is None:
                row.append("")
            elif question.kind == Question.Kind.YES_NO:
                row.append(1 if value == logic.YES else 0)
            else:
                row.append(value)
        yield [safe(cell) for cell in row]


def codebook(survey: Survey):
    structure = logic.load(survey)
    yield ["kolom", "vraagcode", "vraag", "question", "soort", "antwoordcode", "antwoord"]
    yield ["respondent", "", "Pseudoniem (HMAC), geen naam of BSN", "", "tekst", "", ""]
    yield ["soort", "", "client of interview", "", "tekst", "", ""]
    yield ["ingevuld_op", "", "Datum van invullen", "", "datum", "", ""]
    yield ["vestiging", "", "Vestiging (leeg bij te weinig reacties)", "", "tekst", "", ""]
    yield ["regio", "", "Regio (leeg bij te weinig reacties)", "", "tekst", "", ""]
    yield [
        "ingevoerd_door_medewerker",
        "",
        "1: een medewerker vulde de antwoorden van de cliënt in (telefonisch of van papier)",
        "",
        "getal",
        "",
        "",
    ]
    for name, question, option_code in _columns(structure):
        base = [name, question.code, question.text, question.text_en, question.get_kind_display()]
        if option_code is not None:
            option = next(o for o in question.option_list if o.code == option_code)
            yield [safe(c) for c in base + ["1", f"gekozen: {option.label}"]]
            yield [safe(c) for c in base + ["0", "niet gekozen"]]
        elif question.kind == Question.Kind.SINGLE:
            for option in question.option_list:
                yield [safe(c) for c in base + [option.code, option.label]]
        elif question.kind == Question.Kind.YES_NO:
            yield [safe(c) for c in base + ["1", "ja"]]
            yield [safe(c) for c in base + ["0", "nee"]]
        elif question.kind in logic.SCALES:
            low, high = logic.SCALES[question.kind]
            yield [safe(c) for c in base + [f"{low}-{high}", "getal"]]
        else:
            yield [safe(c) for c in base + ["", "open tekst"]]


def to_csv(lines) -> tuple[bytes, int]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    count = 0
    for line in lines:
        writer.writerow(line)
        count += 1
    # A byte-order mark so spreadsheet programs read the accents right.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), max(count - 1, 0)


def to_xlsx(survey: Survey, link_key: str = "") -> tuple[bytes, int]:
    # Imported here: openpyxl brings NumPy, which a web worker needs only to export (ADR 0019).
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    answers = book.create_sheet("antwoorden")
    count = -1
    for line in rows(survey, link_key):
        answers.append(line)
        count += 1
    sheet = book.create_sheet("codeboek")
    for line in codebook(survey):
        sheet.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), max(count, 0)
