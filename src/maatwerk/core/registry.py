"""One shape for every registry that apps fill: timeline kinds, the menu, agenda plugins,
call-list sources, starting texts, and the ones to come.

A registry belongs to the lowest layer that reads it, so that every app can reach it without
importing another capability. When a registry is shared by capabilities, ``core`` owns it; an
app adds its items from its own ``AppConfig.ready()``. For example, a text-source registry for
an ``insight`` app that reads texts from feedback, surveys and letters::

    # maatwerk/core/text_sources.py: the interface, owned by core
    from maatwerk.core.registry import Registry

    @dataclass(frozen=True)
    class TextSource:
        label: Promise
        texts: Callable[[date, date], Iterable[str]]

    registry: Registry[TextSource] = Registry("text source")

    # maatwerk/feedback/apps.py: a capability registers its own source
    class FeedbackConfig(AppConfig):
        def ready(self):
            from maatwerk.core import text_sources
            from .queries import texts_between

            text_sources.registry.register(
                "feedback", text_sources.TextSource(_("Reacties"), texts_between)
            )

    # maatwerk/insight/queries.py: the owner of the feature reads them all
    for key, source in text_sources.registry.items(): ...

``register`` also works as a decorator (``@registry.register("feedback")``). A key registered
twice is a mistake (two apps claiming one name) and raises at start-up; an unknown key raises a
``LookupError`` that names the registry. Tests add an item for a while with ``registered``.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar, overload

T = TypeVar("T")

_NO_ITEM = object()


def dotted_name(obj) -> str:
    """``module.QualifiedName`` of a function or class: the key for registries of callables."""
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', repr(obj))}"


class Registry(Generic[T]):
    """Items of type ``T`` by key, in the order they were registered."""

    def __init__(self, name: str):
        self.name = name  # what one item is called, for error messages: "timeline kind"
        self._items: dict[str, T] = {}

    @overload
    def register(self, key: str) -> Callable[[T], T]: ...

    @overload
    def register(self, key: str, item: T) -> T: ...

    def register(self, key, item=_NO_ITEM):
        """Add ``item`` under ``key`` and return it; without an item, a decorator that does."""
        if item is _NO_ITEM:
            return lambda decorated: self.register(key, decorated)
        if key in self._items:
            raise ValueError(f"{self.name[:1].upper()}{self.name[1:]} {key!r} is registered twice.")
        self._items[key] = item
        return item

    def get(self, key: str) -> T:
        try:
            return self._items[key]
        except KeyError:
            raise LookupError(f"Unknown {self.name} {key!r}; register it first.") from None

    def items(self) -> list[tuple[str, T]]:
        return list(self._items.items())

    def values(self) -> list[T]:
        return list(self._items.values())

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def unregister(self, key: str) -> T:
        """Take an item off again: for tests (prefer ``registered``)."""
        self.get(key)
        return self._items.pop(key)

    @contextmanager
    def registered(self, key: str, item: T) -> Iterator[T]:
        """``item`` is registered inside the ``with`` block only: for tests."""
        self.register(key, item)
        try:
            yield item
        finally:
            self.unregister(key)
