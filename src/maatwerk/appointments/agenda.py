"""The agenda plugin interface: how Maatwerk asks an agenda system for free slots and bookings.

An office uses the built-in agenda (Maatwerk's own availability tables) unless its
``OfficeAgenda.plugin`` names another. A plugin for an external system subclasses
``AgendaPlugin`` and registers itself::

    @register("acme")
    class AcmeAgenda(AgendaPlugin):
        verbose_name = _("Acme-agenda")
        ...

Every page, the API and other apps go through ``maatwerk.appointments.actions`` and
``queries``, which call the office's plugin: nobody books around it. Plugins are called inside
the action's transaction; ``book`` and ``move`` raise ``SlotTaken`` when the time is gone, so
the caller can offer the next free slots. The action records the timeline event; a plugin only
keeps its agenda (and the ``Appointment`` row) right.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from maatwerk.clients.models import Client
from maatwerk.core.registry import Registry
from maatwerk.organisation.models import Office, StaffMember

from .models import Appointment, AppointmentType, OfficeAgenda
from .slots import Slot

DEFAULT_PLUGIN = "builtin"


class SlotTaken(ValidationError):
    """The time asked for is not (or no longer) free. ``alternatives``: the next free slots."""

    def __init__(self, message, alternatives: list[Slot] = ()):
        super().__init__(message, code="slot_taken")
        self.alternatives = list(alternatives)


@dataclass(frozen=True)
class Booking:
    """What a booking asks the agenda for."""

    client: Client
    office: Office
    kind: AppointmentType
    starts_at: datetime
    booked_by: StaffMember | None = None
    override_reason: str = ""
    submission_token: object = None
    prefer_staff: tuple[int, ...] = ()  # e.g. the client's contact person first
    only_staff: tuple[int, ...] = ()  # when set, nobody else may be booked (practice accounts)


class AgendaPlugin(ABC):
    """One agenda system. Instances are stateless; one is kept per registered identifier."""

    identifier: str = ""
    verbose_name: str = ""

    def offices(self) -> QuerySet[Office]:
        """The offices whose appointments this plugin books."""
        offices = Office.objects.filter(is_active=True)
        chosen = OfficeAgenda.objects.exclude(plugin=self.identifier).values("office")
        if self.identifier == DEFAULT_PLUGIN:
            return offices.exclude(pk__in=chosen)
        return offices.filter(agenda__plugin=self.identifier)

    @abstractmethod
    def products(self, office: Office) -> list[AppointmentType]:
        """The kinds of appointment that can be booked at this office."""

    @abstractmethod
    def free_slots(
        self,
        office: Office,
        kind: AppointmentType,
        first_day: date,
        last_day: date,
        *,
        not_before: datetime,
        prefer_staff: tuple[int, ...] = (),
        exclude: Appointment | None = None,
    ) -> list[Slot]:
        """Free start times in the days given (inclusive), earliest first. ``exclude``: an
        appointment being moved, whose own time counts as free."""

    @abstractmethod
    def book(self, booking: Booking) -> Appointment:
        """Reserve the time and save the Appointment; raise SlotTaken when it is gone."""

    @abstractmethod
    def cancel(self, appointment: Appointment) -> None:
        """Free the time (the caller marks the appointment cancelled)."""

    @abstractmethod
    def move(self, appointment: Appointment, starts_at: datetime) -> Appointment:
        """Move to a new start at the same office; raise SlotTaken when it is gone."""


class PluginRegistry(Registry[AgendaPlugin]):
    """Plugins register with a class decorator (``@register("acme")``); one instance is kept."""

    def __call__(self, identifier: str):
        def decorator(cls: type[AgendaPlugin]) -> type[AgendaPlugin]:
            if not issubclass(cls, AgendaPlugin):
                raise TypeError(f"{cls.__name__} must subclass AgendaPlugin.")
            self.register(identifier, cls())
            cls.identifier = identifier
            return cls

        return decorator

    def choices(self) -> list[tuple[str, str]]:
        return [(key, str(plugin.verbose_name)) for key, plugin in sorted(self.items())]


registry = PluginRegistry("agenda plugin")
register = registry


def plugin_for(office: Office) -> AgendaPlugin:
    identifier = (
        OfficeAgenda.objects.filter(office=office).values_list("plugin", flat=True).first()
        or DEFAULT_PLUGIN
    )
    return registry.get(identifier)
