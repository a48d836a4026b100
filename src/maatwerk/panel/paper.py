"""Panel invitations by letter, for members without an e-mail address: the personal code, the
letter's text, and the checks a code must pass before answers are taken (docs/adr/0035).

A code is 8 characters from an alphabet without look-alikes (``PAPER_CODE_ALPHABET``), unique
across all invitations (a database constraint), and used once."""

import secrets
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PAPER_CODE_ALPHABET, PAPER_CODE_LENGTH, PanelSurvey, PaperCode

NOTIFICATION_KIND = "panel.invitation"


def new_code() -> str:
    return "".join(secrets.choice(PAPER_CODE_ALPHABET) for _i in range(PAPER_CODE_LENGTH))


def normalise(typed: str) -> str:
    """What a person typed, as a code: capitals, without spaces or dashes (a letter prints it
    as ABCD-EFGH for reading)."""
    return "".join(ch for ch in (typed or "").upper() if ch not in " -\t")


def printed(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def _question_lines(structure) -> list[str]:
    """The questions as they are printed, with a box per answer to tick."""
    from maatwerk.surveys import logic
    from maatwerk.surveys.models import Question

    lines = []
    for number, question in enumerate(logic.all_shown_questions(structure, {}), start=1):
        text = logic.localised(question, "text")
        optional = "" if question.required else " " + _("(niet verplicht)")
        lines.append(f"{number}. {text}{optional}")
        if question.has_options:
            lines += [f"   [ ] {option.label}" for option in question.option_list]
        elif question.kind == Question.Kind.YES_NO:
            lines += ["   [ ] " + _("ja"), "   [ ] " + _("nee")]
        elif question.kind in (Question.Kind.SCALE5, Question.Kind.SCALE10):
            low, high = (1, 5) if question.kind == Question.Kind.SCALE5 else (0, 10)
            lines.append("   " + "  ".join(f"[ ] {n}" for n in range(low, high + 1)))
        else:
            lines.append("   ______________________________________________")
        lines.append("")
    return lines


def letter(plan: PanelSurvey, client, code: str) -> tuple[str, str]:
    """Subject and text of the invitation letter (rendered in the client's language by the
    caller)."""
    from maatwerk.surveys import logic

    return letter_text(
        first_name=client.first_name,
        title=logic.localised(plan.survey, "title"),
        topic=plan.topic.name,
        until=timezone.localtime(plan.expires_at).strftime("%d-%m-%Y"),
        code=code,
        questions=_question_lines(logic.load(plan.survey)),
    )


def letter_text(*, first_name, title, topic, until, code, questions) -> tuple[str, str]:
    subject = _("Uitnodiging klantpanel: vragenlijst over %(topic)s") % {"topic": topic}
    paragraphs = [
        _("Beste %(name)s,") % {"name": first_name},
        _(
            "U doet mee aan ons klantpanel. Daarom vragen wij u een korte vragenlijst in te "
            "vullen: '%(title)s'. Dat kan tot %(date)s."
        )
        % {"title": title, "date": until},
        _("Uw persoonlijke code is: %(code)s") % {"code": printed(code)},
        _("U kunt op twee manieren meedoen:"),
        "\n".join(
            [
                _(
                    "- Op papier: zet een kruisje bij uw antwoorden hieronder. Schrijf uw "
                    "geboortedatum bij uw code en stuur de brief terug. Een medewerker neemt uw "
                    "antwoorden over."
                ),
                _(
                    "- Op een tablet in ons kantoor: vraag ernaar aan de balie. U typt daar uw "
                    "code en uw geboortedatum, en vult de vragen zelf in."
                ),
            ]
        ),
        _(
            "U kunt de code één keer gebruiken. Meedoen is vrijwillig. Het heeft geen invloed op "
            "uw uitkering."
        ),
        "\n".join(
            [
                _("Code: %(code)s") % {"code": printed(code)},
                _("Uw geboortedatum: ____-____-________"),
                "",
                *questions,
            ]
        ),
    ]
    return subject, "\n\n".join(p.rstrip() for p in paragraphs)


# --- checks before answers are taken ---------------------------------------------------------

# Form field names (kept apart from the survey's question codes, which are slugs like q1).
CODE, BORN = "paper_code", "paper_born"


@dataclass(frozen=True)
class CodeCheck:
    paper_code: PaperCode | None
    problem: str = ""  # a Dutch sentence for the field ``field``; empty when the code is good
    field: str = CODE


def check(plan: PanelSurvey, typed: str, born) -> CodeCheck:
    """Is ``typed`` a usable code for this panel round, for the member born on ``born`` (the
    date of birth is the second thing only the member knows: written on the returned letter,
    or typed at the tablet)? Locks the code row: call it inside the transaction that uses it."""
    code = normalise(typed)
    unknown = CodeCheck(None, _("Deze code kennen we niet. Kijk of de code goed is overgenomen."))
    if len(code) != PAPER_CODE_LENGTH or set(code) - set(PAPER_CODE_ALPHABET):
        return unknown
    found = (
        PaperCode.objects.select_for_update()
        .select_related("invitation__client", "invitation__plan__survey")
        .filter(code=code)
        .first()
    )
    if found is None:
        return unknown
    invitation = found.invitation
    if invitation.plan_id != plan.pk:
        return CodeCheck(
            found,
            _(
                "Deze code hoort bij een ander panelonderzoek. Gebruik de code uit de brief over "
                "dit onderzoek."
            ),
        )
    if invitation.client.date_of_birth != born:
        return CodeCheck(
            found,
            _(
                "Deze code hoort bij een ander panellid: de geboortedatum past er niet bij. Kijk "
                "of code en geboortedatum goed zijn overgenomen."
            ),
            BORN,
        )
    if found.used_at is not None or invitation.answered_at is not None:
        return CodeCheck(found, _("Deze code is al gebruikt. De antwoorden zijn al binnen."))
    if not plan.survey.is_published or (plan.expires_at and plan.expires_at <= timezone.now()):
        return CodeCheck(
            found, _("Dit panelonderzoek is gesloten. Er kunnen geen antwoorden meer bij.")
        )
    return CodeCheck(found)
