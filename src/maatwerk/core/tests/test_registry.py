"""The one registry shape: register (also as a decorator), get, items in order, no doubles."""

import pytest

from maatwerk.core.registry import Registry, dotted_name


def test_items_come_back_by_key_and_in_registration_order():
    colours: Registry[str] = Registry("colour")
    assert colours.register("sky", "blue") == "blue"
    colours.register("grass", "green")
    colours.register("blood", "red")
    assert colours.get("grass") == "green"
    assert colours.items() == [("sky", "blue"), ("grass", "green"), ("blood", "red")]
    assert colours.values() == ["blue", "green", "red"]
    assert "sky" in colours and "sea" not in colours
    assert len(colours) == 3


def test_register_as_a_decorator_returns_the_decorated_object():
    handlers: Registry = Registry("handler")

    @handlers.register("greet")
    def greet():
        return "hallo"

    assert handlers.get("greet") is greet
    assert greet() == "hallo"


def test_a_key_registered_twice_is_refused_and_the_first_item_kept():
    colours: Registry[str] = Registry("colour")
    colours.register("sky", "blue")
    with pytest.raises(ValueError, match=r"^Colour 'sky' is registered twice\.$"):
        colours.register("sky", "grey")
    assert colours.get("sky") == "blue"


def test_an_unknown_key_names_the_registry():
    kinds: Registry[str] = Registry("timeline kind")
    with pytest.raises(LookupError, match=r"Unknown timeline kind 'missing'"):
        kinds.get("missing")
    with pytest.raises(LookupError, match="Unknown timeline kind"):
        kinds.unregister("missing")


def test_registered_holds_only_inside_the_block_even_when_it_fails():
    colours: Registry[str] = Registry("colour")
    with colours.registered("sky", "blue") as item:
        assert item == "blue" and colours.get("sky") == "blue"
    assert "sky" not in colours
    with pytest.raises(RuntimeError), colours.registered("sky", "blue"):
        raise RuntimeError
    assert "sky" not in colours
    colours.register("sky", "grey")  # the key is free again


def test_unregister_frees_the_key():
    colours: Registry[str] = Registry("colour")
    colours.register("sky", "blue")
    assert colours.unregister("sky") == "blue"
    assert colours.items() == []


def test_callables_are_keyed_by_their_dotted_name():
    assert dotted_name(dotted_name) == "maatwerk.core.registry.dotted_name"
    assert dotted_name(Registry) == "maatwerk.core.registry.Registry"
