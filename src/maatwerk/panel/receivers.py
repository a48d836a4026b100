"""The panel listens to the surveys app: a completed response marks the invitation answered."""

from django.dispatch import receiver

from maatwerk.surveys.signals import response_completed


@receiver(response_completed, dispatch_uid="maatwerk-panel-answered")
def invitation_answered(sender, response=None, survey=None, client=None, invitation_token="", **kw):
    from .actions import mark_answered

    if survey is not None:
        mark_answered(survey=survey, client=client, token=invitation_token or "")
