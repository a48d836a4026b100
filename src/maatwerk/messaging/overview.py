"""The messaging app's part of the two first screens (core.client_overview): new answers and
messages waiting for an answer on the client's home page; open messages, follow-ups and the
last written contact in the adviser's summary."""

from datetime import timedelta

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maatwerk.core.client_overview import Fact, Link, NowItem

from .models import FollowUp, Message, Thread

# An answer counts as new on the client's home page for this long (there is no "read" mark).
NEW_FOR = timedelta(days=14)
SHOWN = 3  # threads named on the home page card; the rest are one click away


def _day(value) -> str:
    return formats.date_format(value, "j F Y")


def now_for_client(client) -> list[NowItem]:
    since = timezone.now() - NEW_FOR
    waiting = list(
        Thread.objects.filter(client=client, reply_due__isnull=False).order_by("reply_due", "pk")
    )
    answered = list(
        Thread.objects.filter(
            client=client, reply_due__isnull=True, last_message_at__gte=since
        ).order_by("-last_message_at", "-pk")
    )
    if not waiting and not answered:
        return []
    lines = []
    if answered:
        lines.append(
            ngettext(
                "U heeft %(count)d nieuw antwoord van ons.",
                "U heeft %(count)d nieuwe antwoorden van ons.",
                len(answered),
            )
            % {"count": len(answered)}
        )
    if waiting:
        lines.append(
            ngettext(
                "Wij antwoorden uiterlijk %(day)s op uw bericht.",
                "Wij antwoorden uiterlijk %(day)s op uw %(count)d berichten.",
                len(waiting),
            )
            % {"day": _day(waiting[0].reply_due), "count": len(waiting)}
        )
    links = tuple(
        Link(thread.subject, reverse("messaging:client_thread", args=[thread.pk]))
        for thread in (answered + waiting)[:SHOWN]
    )
    return [
        NowItem(
            "messages",
            _("Berichten"),
            tuple(lines),
            links + (Link(_("Alle berichten"), reverse("messaging:client_inbox")),),
            badge=_("Nieuw antwoord") if answered else _("Wacht op ons antwoord"),
            tone="success" if answered else "neutral",
        )
    ]


def facts_for_staff(client) -> list[Fact]:
    today = timezone.localdate()
    facts = []
    waiting = list(
        Thread.objects.filter(client=client, reply_due__isnull=False).order_by("reply_due", "pk")
    )
    if waiting:
        oldest = waiting[0]
        late = oldest.reply_due < today
        facts.append(
            Fact(
                "messages",
                ngettext(
                    "%(count)d bericht wacht op antwoord, uiterlijk %(day)s",
                    "%(count)d berichten wachten op antwoord, het eerste uiterlijk %(day)s",
                    len(waiting),
                )
                % {"count": len(waiting), "day": _day(oldest.reply_due)},
                reverse("messaging:staff_thread", args=[oldest.pk]),
                badge=_("te laat") if late else "",
                tone="danger" if late else "",
            )
        )
    else:
        facts.append(Fact("messages", _("Geen berichten die op antwoord wachten")))
    follow_ups = list(
        FollowUp.objects.filter(client=client, done_at__isnull=True).order_by("due", "pk")
    )
    if follow_ups:
        first = follow_ups[0]
        late = first.due < today
        facts.append(
            Fact(
                "follow_ups",
                ngettext(
                    "%(count)d open (%(kind)s), uiterlijk %(day)s",
                    "%(count)d open, de eerste (%(kind)s) uiterlijk %(day)s",
                    len(follow_ups),
                )
                % {
                    "count": len(follow_ups),
                    "kind": first.get_kind_display(),
                    "day": _day(first.due),
                },
                reverse("messaging:staff_thread", args=[first.thread_id]),
                badge=_("te laat") if late else "",
                tone="danger" if late else "",
            )
        )
    else:
        facts.append(Fact("follow_ups", _("Geen open vervolgtaken")))
    last_reply = (
        Message.objects.filter(thread__client=client, sender=Message.Sender.STAFF)
        .select_related("thread")
        .order_by("-sent_at", "-pk")
        .first()
    )
    if last_reply is not None:
        facts.append(
            Fact(
                "last_contact",
                _("%(day)s: bericht van %(name)s over '%(subject)s'")
                % {
                    "day": _day(timezone.localtime(last_reply.sent_at)),
                    "name": last_reply.author_name,
                    "subject": last_reply.thread.subject,
                },
                reverse("messaging:staff_thread", args=[last_reply.thread_id]),
                at=last_reply.sent_at,
            )
        )
    return facts


def home_texts() -> str:
    """The home page card's texts with example values, for the plain-language check."""
    return "\n".join(
        [
            _("Berichten"),
            ngettext(
                "U heeft %(count)d nieuw antwoord van ons.",
                "U heeft %(count)d nieuwe antwoorden van ons.",
                2,
            )
            % {"count": 2},
            ngettext(
                "Wij antwoorden uiterlijk %(day)s op uw bericht.",
                "Wij antwoorden uiterlijk %(day)s op uw %(count)d berichten.",
                2,
            )
            % {"day": "7 december", "count": 2},
            _("Alle berichten"),
            _("Nieuw antwoord"),
            _("Wacht op ons antwoord"),
        ]
    )
