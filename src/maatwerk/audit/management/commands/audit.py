from django.core.management.base import BaseCommand, CommandError

from maatwerk.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Work with the audit log. `maatwerk audit verify` checks the hash chain."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sub.add_parser("verify", help="Detect edited, deleted or reordered audit rows.")

    def handle(self, *args, subcommand, **options):
        result = verify_chain()
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"Auditlog NIET in orde: {len(result.problems)} probleem/problemen "
                f"in {result.checked} rijen."
            )
        self.stdout.write(f"Auditlog in orde: {result.checked} rijen gecontroleerd.")
