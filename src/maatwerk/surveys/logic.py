"""The rules of a questionnaire, without the database: which pages and questions are shown
(skip logic), and what a valid answer to each question type is.

Both the client's page form and the tablet's JSON sync validate through ``normalise``, so an
answer is checked the same way whatever the channel.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from .models import Option, Page, Question, Survey

YES, NO = "ja", "nee"
SCALES = {"scale5": (1, 5), "scale10": (0, 10)}
MAX_TEXT = 2000


def localised(obj, name: str) -> str:
    """The English text when the page is in English and one was written, else the Dutch."""
    if (get_language() or "nl").startswith("en"):
        english = getattr(obj, f"{name}_en", "")
        if english:
            return english
    return getattr(obj, name)


# What the ends of a scale mean when the question does not say: fits "hoe tevreden" and "hoe
# waarschijnlijk" alike. A question's own words are better (``Question.low_label``).
DEFAULT_LOW = gettext_lazy("helemaal niet")
DEFAULT_HIGH = gettext_lazy("heel erg")


def scale_ends(question) -> tuple[str, str]:
    """The meaning of a scale's lowest and highest number, in the page's language."""
    low = localised(question, "low_label") or str(DEFAULT_LOW)
    high = localised(question, "high_label") or str(DEFAULT_HIGH)
    return low, high


@dataclass
class Structure:
    """A survey with its pages, questions and options, loaded in three queries."""

    survey: Survey
    pages: list[Page]
    questions: list[Question]
    by_id: dict[int, Question] = field(default_factory=dict)
    by_code: dict[str, Question] = field(default_factory=dict)

    def questions_on(self, page: Page) -> list[Question]:
        return [q for q in self.questions if q.page_id == page.pk]

    def page_index(self, page: Page) -> int:
        return next(i for i, p in enumerate(self.pages) if p.pk == page.pk)


def load(survey: Survey) -> Structure:
    pages = list(survey.pages.order_by("order", "pk"))
    questions = list(survey.questions.order_by("page__order", "page_id", "order", "pk"))
    options: dict[int, list[Option]] = {}
    for option in Option.objects.filter(question__survey=survey).order_by("order", "pk"):
        options.setdefault(option.question_id, []).append(option)
    for question in questions:
        question.option_list = options.get(question.pk, [])
    structure = Structure(survey, pages, questions)
    structure.by_id = {q.pk: q for q in questions}
    structure.by_code = {q.code: q for q in questions}
    return structure


def matches(question: Question, answer, expected: str) -> bool:
    """Does an earlier answer equal the value a condition names? (For multiple choice: was the
    option one of those chosen.)"""
    if answer is None:
        return False
    if isinstance(answer, list):
        return expected in answer
    return str(answer) == expected


def is_shown(item, structure: Structure, answers: dict) -> bool:
    """A page or question with a condition is shown only when the earlier answer matches, and
    that earlier question is itself shown.

    Walked as a loop, not recursively: the builder refuses conditions that point forward or
    round in a circle, but a corrupt stored chain must not crash a client's page. A chain that
    comes back to a question already seen counts as "not shown".
    """
    seen: set[int] = {item.pk} if isinstance(item, Question) else set()
    current = item
    while current.show_if_question_id:
        condition = structure.by_id.get(current.show_if_question_id)
        if condition is None:
            return True
        if condition.pk in seen:
            return False
        if not matches(condition, answers.get(condition.code), current.show_if_value):
            return False
        seen.add(condition.pk)
        current = condition
    return True


def shown_pages(structure: Structure, answers: dict) -> list[Page]:
    return [page for page in structure.pages if is_shown(page, structure, answers)]


def shown_questions(structure: Structure, page: Page, answers: dict) -> list[Question]:
    if not is_shown(page, structure, answers):
        return []
    return [q for q in structure.questions_on(page) if is_shown(q, structure, answers)]


def all_shown_questions(structure: Structure, answers: dict) -> list[Question]:
    return [
        q
        for page in shown_pages(structure, answers)
        for q in shown_questions(structure, page, answers)
    ]


def condition_values(question: Question) -> list[tuple[str, str]]:
    """The values a condition on this question may name: (value, label)."""
    if question.has_options:
        return [(o.code, o.label) for o in question.option_list]
    if question.kind == Question.Kind.YES_NO:
        return [(YES, _("Ja")), (NO, _("Nee"))]
    if question.kind in SCALES:
        low, high = SCALES[question.kind]
        return [(str(n), str(n)) for n in range(low, high + 1)]
    return []


@dataclass(frozen=True)
class Problem:
    """A condition the structure cannot keep: on ``item`` (a page or question), in ``field``."""

    item: Page | Question
    field: str  # "show_if_question" or "show_if_value"
    message: str

    @property
    def key(self) -> tuple[str, int, str]:
        return (type(self.item).__name__, self.item.pk, self.field)


def _name(item) -> str:
    if isinstance(item, Question):
        return _("Vraag %(code)s") % {"code": item.code}
    return _("Pagina “%(title)s”") % {"title": item.title}


def _loops_back(item, structure: Structure) -> bool:
    seen: set[int] = set()
    current = item
    while current.show_if_question_id and current.show_if_question_id not in seen:
        seen.add(current.show_if_question_id)
        current = structure.by_id.get(current.show_if_question_id)
        if current is None:
            return False
        if current is item:
            return True
    return False


def structure_problems(structure: Structure) -> list[Problem]:
    """Every condition that breaks the rule "only an answer on an earlier page": one that points
    to the same or a later page (a client would wait for an answer not given yet), one that goes
    round in a circle, one outside the survey, and one naming an answer its question cannot have.

    Earlier is by position in the page order, so a valid structure has no circle by
    construction; a circle is named as such because that is what the researcher must undo.
    """
    position = {page.pk: index for index, page in enumerate(structure.pages)}
    problems = []
    for item in [*structure.pages, *structure.questions]:
        if not item.show_if_question_id:
            continue
        condition = structure.by_id.get(item.show_if_question_id)
        names = {"item": _name(item)}
        if condition is None:
            message = _("%(item)s hangt af van een vraag uit een andere vragenlijst.") % names
            problems.append(Problem(item, "show_if_question", message))
            continue
        names["code"] = condition.code
        own_page = item.pk if isinstance(item, Page) else item.page_id
        if position[condition.page_id] >= position[own_page]:
            if _loops_back(item, structure):
                message = _(
                    "%(item)s en vraag %(code)s hangen van elkaar af, in een kring. "
                    "Een voorwaarde mag alleen naar een vraag op een eerdere pagina wijzen."
                )
            else:
                message = _(
                    "%(item)s hangt af van vraag %(code)s, die niet op een eerdere pagina staat. "
                    "Een voorwaarde mag alleen naar een vraag op een eerdere pagina wijzen."
                )
            problems.append(Problem(item, "show_if_question", message % names))
        elif item.show_if_value not in {value for value, _label in condition_values(condition)}:
            message = _("%(item)s: kies een antwoord dat bij vraag %(code)s hoort.") % names
            problems.append(Problem(item, "show_if_value", message))
    return problems


def _empty(raw) -> bool:
    return raw is None or raw == "" or raw == [] or (isinstance(raw, str) and not raw.strip())


def normalise(question: Question, raw):
    """The stored form of one raw answer, or a ValidationError with a clear Dutch message.

    Returns None for an unanswered optional question.
    """
    if _empty(raw):
        if question.required:
            raise ValidationError(_("Beantwoord deze vraag."), code="required")
        return None
    kind = question.kind
    if kind == Question.Kind.TEXT:
        if not isinstance(raw, str):
            raise ValidationError(_("Vul hier tekst in."), code="invalid")
        text = raw.strip()
        if len(text) > MAX_TEXT:
            raise ValidationError(
                _("Gebruik maximaal %(max)s tekens.") % {"max": MAX_TEXT}, code="max_length"
            )
        return text
    if kind in SCALES:
        low, high = SCALES[kind]
        message = _("Kies een getal van %(low)s tot en met %(high)s.") % {"low": low, "high": high}
        if isinstance(raw, bool):
            raise ValidationError(message, code="invalid")
        try:
            number = int(str(raw).strip())
        except (TypeError, ValueError):
            raise ValidationError(message, code="invalid") from None
        if not low <= number <= high:
            raise ValidationError(message, code="out_of_range")
        return number
    if kind == Question.Kind.YES_NO:
        value = str(raw).strip().lower()
        if value not in (YES, NO):
            raise ValidationError(_("Kies ja of nee."), code="invalid")
        return value
    codes = [o.code for o in question.option_list]
    if kind == Question.Kind.SINGLE:
        if not isinstance(raw, str) or raw not in codes:
            raise ValidationError(_("Kies een van de antwoorden."), code="invalid_choice")
        return raw
    # Multiple choice: a list of known codes, each once, in the order of the options.
    chosen = raw if isinstance(raw, list) else [raw]
    known = set(codes)
    if any(not isinstance(code, str) or code not in known for code in chosen):
        raise ValidationError(
            _("Kies alleen uit de antwoorden die er staan."), code="invalid_choice"
        )
    chosen_set = set(chosen)
    return [code for code in codes if code in chosen_set]


def validate_all(structure: Structure, raw_answers: dict) -> tuple[dict, dict]:
    """Check a whole set of answers (an interview from a tablet). Returns (answers, errors):
    answers to the shown questions only; errors per question code."""
    answers: dict = {}
    errors: dict[str, str] = {}
    # Walk in order: a condition refers to an earlier question, so its answer is known by then.
    for page in structure.pages:
        if not is_shown(page, structure, answers):
            continue
        for question in structure.questions_on(page):
            if not is_shown(question, structure, answers):
                continue
            try:
                value = normalise(question, raw_answers.get(question.code))
            except ValidationError as error:
                errors[question.code] = error.messages[0]
                continue
            if value is not None:
                answers[question.code] = value
    unknown = set(raw_answers) - set(structure.by_code)
    for code in sorted(unknown):
        errors[code] = _("Deze vraag hoort niet bij deze vragenlijst.")
    return answers, errors


def missing_required(structure: Structure, answers: dict) -> list[Question]:
    return [
        q for q in all_shown_questions(structure, answers) if q.required and q.code not in answers
    ]


def prune(structure: Structure, answers: dict) -> dict:
    """Drop answers to questions that are no longer shown (an earlier answer changed)."""
    shown = {q.code for q in all_shown_questions(structure, answers)}
    return {code: value for code, value in answers.items() if code in shown}


def first_page_to_answer(structure: Structure, answers: dict, page_reached: int) -> Page | None:
    """Where a client goes on: the first shown page not reached yet or with a required answer
    missing. None means every shown page is done (the review page is next).

    Looking back for missing answers, not only forward from ``page_reached``, keeps a client out
    of a loop between the review page and the pages when a stored condition points forward.
    """
    missing_on = {q.page_id for q in missing_required(structure, answers)}
    for index, page in enumerate(structure.pages):
        if (index >= page_reached or page.pk in missing_on) and is_shown(page, structure, answers):
            return page
    return None
