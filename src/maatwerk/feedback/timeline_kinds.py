"""The feedback kinds speak the status words of ``FeedbackItem.Status`` (ontvangen, in
behandeling, beantwoord), so the timeline and the status page never contradict each other."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

from .models import FeedbackItem

Status = FeedbackItem.Status


def _status_label(status: Status):
    """ "Reactie ontvangen": the label of a kind that puts a reaction in ``status``."""
    return format_lazy(_("Reactie {status}"), status=status.label)


# Client-only: a compliment can be anonymous, and this event's minute and name would give the
# client away to the colleague it names, who can read the client's timeline.
register(
    "compliment.given",
    _("Compliment"),
    _("U gaf een compliment aan {staff_name} ({job_title})."),
    visible_to_staff=False,
)
register(
    "feedback.submitted",
    _status_label(Status.RECEIVED),
    _("U stuurde ons een reactie (soort: {kind}). Wij hebben uw reactie ontvangen."),
    staff_summary=_("{first_name} stuurde een reactie (soort: {kind})."),
)
# Recorded when the reaction comes in (an owner is chosen at once) and when the owner changes:
# it names who will handle it, not a status, so it cannot say "in behandeling" too early.
register(
    "feedback.owner_assigned",
    _("Behandelaar van uw reactie"),
    _(
        "{staff_name} ({job_title}) gaat uw reactie behandelen. "
        "U krijgt uiterlijk {deadline:date} antwoord."
    ),
    staff_label=_("Behandelaar van de reactie"),
    staff_summary=_(
        "{staff_name} ({job_title}) is de behandelaar van de reactie van {first_name}. "
        "Antwoord uiterlijk {deadline:date}."
    ),
)
register(
    "feedback.in_progress",
    _status_label(Status.IN_PROGRESS),
    _("{staff_name} ({job_title}) is bezig met uw reactie. Uw reactie is in behandeling."),
    staff_summary=_(
        "{staff_name} ({job_title}) heeft de reactie van {first_name} in behandeling genomen."
    ),
)
register(
    "feedback.answered",
    _status_label(Status.ANSWERED),
    _("{staff_name} ({job_title}) heeft uw reactie beantwoord."),
    staff_summary=_("{staff_name} ({job_title}) heeft de reactie van {first_name} beantwoord."),
)
register(
    "feedback.deadline_changed",
    _("Nieuwe datum voor antwoord"),
    _("U krijgt uiterlijk {deadline:date} antwoord op uw reactie."),
    staff_summary=_("{first_name} krijgt uiterlijk {deadline:date} antwoord op de reactie."),
)
# Input that a staff member recorded on the client's behalf: the client reads how it came in,
# staff also read who typed it.
register(
    "feedback.received_via",
    _status_label(Status.RECEIVED),
    _("U gaf ons {how} een reactie (soort: {kind}). Wij hebben uw reactie ontvangen."),
    visible_to_staff=False,
)
register(
    "feedback.entered_by_staff",
    _("Reactie vastgelegd namens de cliënt"),
    staff_summary=_(
        "{staff_name} legde een reactie van {first_name} vast die {how} binnenkwam (soort: {kind})."
    ),
    visible_to_client=False,
)
