"""`maatwerk panel ...`: run the client panel's due work from cron or by hand.

- `maatwerk panel reminders`: start the one reminder of every sent panel survey whose waiting
  time has passed (run it daily; a plan never gets a second reminder).
- `maatwerk panel dispatch ID`: run (or resume) the dispatch of a plan here, printing totals.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from maatwerk.panel import actions, tasks
from maatwerk.panel.models import PanelSurvey


class Command(BaseCommand):
    help = "Klantpanel: herinneringen starten en het versturen (opnieuw) uitvoeren."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser("reminders", help="herinneringen starten die aan de beurt zijn")
        dispatch = sub.add_parser("dispatch", help="het versturen van een panelonderzoek uitvoeren")
        dispatch.add_argument("plan", type=int, help="id van het panelonderzoek")

    def handle(self, *args, subcommand, **options):
        if subcommand == "reminders":
            due = PanelSurvey.objects.filter(
                status=PanelSurvey.Status.SENT,
                reminder_started_at__isnull=True,
                reminder_due_at__lte=timezone.now(),
                expires_at__gt=timezone.now(),
            )
            for plan in due:
                actions.start_reminders(plan=plan, user=None)
                self.stdout.write(f"Herinnering gestart: panelonderzoek {plan.pk}")
            return
        plan = PanelSurvey.objects.filter(pk=options["plan"]).first()
        if plan is None:
            raise CommandError(f"Panelonderzoek {options['plan']} bestaat niet.")
        if plan.status == PanelSurvey.Status.DRAFT:
            raise CommandError("Dit panelonderzoek is nog een concept; verstuur het op de pagina.")
        try:
            totals = tasks.run_invitations(plan.pk)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Panelonderzoek {plan.pk}: {totals}")
