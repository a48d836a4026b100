"""Schedule the day-before reminders that are due. Run it every 15 minutes in production
(cron or a systemd timer): ``maatwerk appointment_reminders``. It only enqueues; with
MAATWERK_TASKS_BACKEND=database the workers send, otherwise it sends right here. Running it twice
never sends a reminder twice."""

from django.core.management.base import BaseCommand

from maatwerk.appointments.tasks import due_reminders, send_reminder


class Command(BaseCommand):
    help = "Zet de herinneringen klaar die nu verstuurd moeten worden (dag vóór de afspraak)."

    def handle(self, *args, **options):
        due = due_reminders()
        for pk in due:
            send_reminder.enqueue(pk)
        self.stdout.write(f"{len(due)} herinnering(en) klaargezet.")
