from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from maatwerk.api import actions
from maatwerk.api.models import ApiToken


def _expiry(value: str) -> datetime:
    """A date (valid until the end of that day) or a date and time, in the local time zone."""
    day = parse_date(value)
    moment = datetime.combine(day, time.max) if day is not None else parse_datetime(value)
    if moment is None:
        raise ValueError(value)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = (
        "Manage API tokens. `create USERNAME --name NAME` prints a new token once; "
        "`revoke ID` revokes one; `list` shows them (never the token itself)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        create = sub.add_parser("create", help="Make a token for a staff member.")
        create.add_argument("username")
        create.add_argument("--name", required=True, help="What the token is for.")
        expiry = create.add_mutually_exclusive_group()
        expiry.add_argument("--expires", help="Date (YYYY-MM-DD) or date and time it expires.")
        expiry.add_argument("--days", type=int, help="Expire after this many days.")
        revoke = sub.add_parser("revoke", help="Revoke a token by its id.")
        revoke.add_argument("id", type=int)
        listing = sub.add_parser("list", help="List tokens.")
        listing.add_argument("--user", help="Only this user's tokens.")

    def handle(self, *args, subcommand, **options):
        return getattr(self, f"handle_{subcommand}")(**options)

    def handle_create(self, *, username, name, expires=None, days=None, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Gebruiker {username!r} bestaat niet.")
        expires_at = None
        if days is not None:
            if days < 1:
                raise CommandError("--days moet minstens 1 zijn.")
            expires_at = timezone.now() + timedelta(days=days)
        elif expires:
            try:
                expires_at = _expiry(expires)
            except ValueError:
                raise CommandError(f"Ongeldige datum: {expires!r}.") from None
        try:
            token, secret = actions.create_token(user=user, name=name, expires_at=expires_at)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stderr.write(
            f"API-sleutel {token.pk} ({token.name}) voor {user.username} aangemaakt. "
            "Bewaar de sleutel nu: hij wordt niet opgeslagen en is niet nog eens te tonen."
        )
        self.stdout.write(secret)

    def handle_revoke(self, *, id, **options):
        token = ApiToken.objects.filter(pk=id).first()
        if token is None:
            raise CommandError(f"API-sleutel {id} bestaat niet.")
        if not actions.revoke_token(token=token):
            self.stdout.write(f"API-sleutel {id} was al ingetrokken.")
            return
        self.stdout.write(f"API-sleutel {id} ({token.name}) is ingetrokken.")

    def handle_list(self, *, user=None, **options):
        tokens = ApiToken.objects.select_related("user").order_by("pk")
        if user:
            tokens = tokens.filter(user__username=user)
        for token in tokens:
            state = "ingetrokken" if token.revoked else "verlopen" if token.is_expired else "actief"
            used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "nooit"
            self.stdout.write(
                f"{token.pk}\t{token.user.username}\t{token.name}\t{state}\t"
                f"aangemaakt {token.created_at:%Y-%m-%d %H:%M}\tgebruikt {used}"
            )
