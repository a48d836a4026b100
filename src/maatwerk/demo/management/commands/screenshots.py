"""`maatwerk screenshots`: picture every main page of every demo role (see demo/screenshots.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from maatwerk.demo.screenshots import PAGES, take_screenshots


class Command(BaseCommand):
    help = (
        "Maakt schermafbeeldingen van de hoofdpagina's van elke demorol, 1280 en 375 pixels "
        "breed, uit een wegwerp-demodatabase. Nodig: Debian's chromium."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out",
            type=Path,
            default=Path(settings.PROJECT_DIR) / "docs" / "screenshots",
            help="map voor de PNG-bestanden (standaard docs/screenshots)",
        )
        parser.add_argument(
            "--role", action="append", choices=list(PAGES), help="alleen deze rol (herhaalbaar)"
        )

        parser.add_argument(
            "--server",
            metavar="URL",
            help="een draaiende demo fotograferen in plaats van een wegwerp-demo te maken",
        )

    def handle(self, *args, out, role, server, **options):
        try:
            problems, notes = take_screenshots(out, role, base_url=server, say=self.stdout.write)
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        for note in notes:
            self.stdout.write(f"Opgemerkt: {note}")
        for problem in problems:
            self.stderr.write(f"Let op: {problem}")
        if problems:
            raise CommandError(f"{len(problems)} pagina('s) niet gelukt.")
        self.stdout.write(self.style.SUCCESS(f"Klaar: de afbeeldingen staan in {out}."))
