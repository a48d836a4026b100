from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from maatwerk.clients.queries import open_benefit_without_contact_person


class Command(BaseCommand):
    help = (
        "Work with clients. `maatwerk clients check` lists every real client with a running "
        "benefit and no contact person (exit 1 if any): a nightly check for operations."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser(
            "check", help="List real clients with a running benefit and no contact person."
        )

    def handle(self, *args, subcommand, **options):
        missing = list(open_benefit_without_contact_person(timezone.localdate()))
        # Numbers and offices only: this output lands in operations' logs, names do not belong
        # there. The office manager's list shows who they are.
        for client in missing:
            self.stdout.write(f"cliënt {client.pk}: {client.office.name}")
        if missing:
            raise CommandError(
                f"{len(missing)} cliënt(en) met een lopende uitkering zonder vaste "
                "contactpersoon. Zie 'Cliënten zonder vaste contactpersoon'."
            )
        self.stdout.write("Elke cliënt met een lopende uitkering heeft een vaste contactpersoon.")
