from django.utils.translation import gettext_lazy as _

from maatwerk.timeline.kinds import register

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
    _("Reactie gestuurd"),
    _("U stuurde ons een reactie (soort: {kind})."),
)
register(
    "feedback.owner_assigned",
    _("Reactie in behandeling genomen"),
    _("{staff_name} ({job_title}) behandelt uw reactie. U krijgt uiterlijk {deadline} antwoord."),
)
register(
    "feedback.in_progress",
    _("Reactie in behandeling"),
    _("{staff_name} ({job_title}) is bezig met uw reactie."),
)
register(
    "feedback.answered",
    _("Antwoord op uw reactie"),
    _("{staff_name} ({job_title}) heeft uw reactie beantwoord."),
)
register(
    "feedback.deadline_changed",
    _("Nieuwe datum voor antwoord"),
    _("U krijgt uiterlijk {deadline} antwoord op uw reactie."),
)
# Input that a staff member recorded on the client's behalf: the client reads how it came in,
# staff also read who typed it.
register(
    "feedback.received_via",
    _("Reactie gegeven"),
    _("U gaf ons {how} een reactie (soort: {kind})."),
    visible_to_staff=False,
)
register(
    "feedback.entered_by_staff",
    _("Reactie vastgelegd namens de cliënt"),
    _("{staff_name} legde een reactie vast die {how} binnenkwam (soort: {kind})."),
    visible_to_client=False,
)
