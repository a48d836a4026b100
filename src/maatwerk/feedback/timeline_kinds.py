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
