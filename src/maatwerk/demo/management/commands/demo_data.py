"""`maatwerk demo_data`: fill an empty database with realistic, made-up Dutch demo data."""

import argparse
import sys

from django.core.management.base import BaseCommand, CommandError

from maatwerk.demo import loader
from maatwerk.demo.journey import KindMismatch
from maatwerk.demo.logins import logins_text


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("moet 1 of meer zijn")
    return number


class Command(BaseCommand):
    help = (
        "Vult een lege database met verzonnen demogegevens: vestigingen, medewerkers, cliënten "
        "en hun tijdlijn. Dezelfde --seed geeft dezelfde gegevens."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=positive, default=200, help="aantal cliënten")
        parser.add_argument("--seed", type=int, default=1, help="startgetal voor het toeval")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="niets doen (en de log-ins tonen) als de database al gegevens heeft",
        )
        parser.add_argument(
            "--batch-size", type=positive, default=loader.BATCH_SIZE, help=argparse.SUPPRESS
        )

    def handle(self, *args, clients, seed, if_empty, batch_size, **options):
        if not loader.is_empty():
            if if_empty:
                self.stdout.write("De database heeft al gegevens; er is niets toegevoegd.\n")
                self.print_logins()
                return
            raise CommandError(
                "De database heeft al cliënten of medewerkers. demo_data vult alleen een lege "
                "database, zodat er nooit dubbele gegevens ontstaan. Begin met een lege database, "
                "of gebruik --if-empty om in dat geval niets te doen."
            )
        try:
            result = loader.load(
                clients=clients, seed=seed, batch_size=batch_size, progress=self.stderr.write
            )
        except KindMismatch as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogegevens geladen: {loader.dutch_number(result.clients)} cliënten, "
                f"{loader.dutch_number(result.events)} tijdlijngebeurtenissen, "
                f"{result.staff} medewerkers op {result.offices} vestigingen "
                f"in {result.seconds:.0f} seconden.\n"
            )
        )
        self.print_logins()

    def print_logins(self):
        """The log-ins come last: the e-mails the load sent are printed to the console as they
        go (demo mode) and the task log to stderr, and they must not push the log-ins away."""
        for stream in (sys.stdout, sys.stderr, self.stderr):
            stream.flush()
        self.stdout.write("\n" + logins_text())
        self.stdout.flush()
