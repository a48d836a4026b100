"""Every form control carries its NL Design System (Utrecht) classes, the ``--html-*`` modifier
included: that modifier is what draws a checked radio button as checked (ADR 0036). Django's own
widgets get them from the form renderer; controls written out by hand in a template are checked
here by reading the templates. tests/browser/test_form_controls.py shows the result on screen."""

import re
from pathlib import Path

from django import forms

import maatwerk
from maatwerk.core.forms import UTRECHT_CLASSES


class EveryControl(forms.Form):
    channel = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    topics = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple)
    agree = forms.BooleanField()
    day = forms.ChoiceField(choices=[("1", "maandag")])
    story = forms.CharField(widget=forms.Textarea(attrs={"class": "utrecht-textarea"}))
    name = forms.CharField()
    start = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}))
    email = forms.EmailField()
    token = forms.CharField(widget=forms.HiddenInput)


def classes_of(html: str, name: str) -> list[list[str]]:
    """The class lists of every element with ``name="<name>"`` in ``html``."""
    found = []
    for tag in re.findall(rf'<(?:input|select|textarea)[^>]*name="{name}"[^>]*>', html):
        match = re.search(r'class="([^"]*)"', tag)
        found.append(match.group(1).split() if match else [])
    return found


def test_the_renderer_gives_every_control_its_utrecht_classes():
    html = str(EveryControl().as_div())
    expected = {
        "channel": "radio",
        "topics": "checkbox",
        "agree": "checkbox",
        "day": "select",
        "story": "textarea",
        "name": "textbox",
        "start": "textbox",
        "email": "textbox",
    }
    for name, kind in expected.items():
        found = classes_of(html, name)
        assert found, name
        for classes in found:
            assert classes == UTRECHT_CLASSES[kind].split(), (name, classes)
    assert classes_of(html, "token") == [[]]


def test_a_radio_group_keeps_its_classes_off_the_wrapper_and_on_each_option():
    form = EveryControl()
    html = str(form["channel"])
    assert '<div id="id_channel">' in html
    assert [radio.tag().count("utrecht-radio-button--html-input") for radio in form["channel"]] == [
        1,
        1,
    ]


HAND_WRITTEN = re.compile(r"<(input|select|textarea)\b[^>]*>", re.IGNORECASE)
REQUIRED_MODIFIER = {
    "radio": "utrecht-radio-button--html-input",
    "checkbox": "utrecht-checkbox--html-input",
    "select": "utrecht-select--html-select",
    "textarea": "utrecht-textarea--html-textarea",
    "textbox": "utrecht-textbox--html-input",
}


def control_of(tag: str) -> str | None:
    element = tag[1:].split(maxsplit=1)[0].lower()
    if element in ("select", "textarea"):
        return element
    kind = re.search(r'type="([^"]+)"', tag)
    kind = kind.group(1) if kind else "text"
    if kind in ("radio", "checkbox"):
        return kind
    return None if kind in ("hidden", "submit", "button", "file") else "textbox"


def test_controls_written_out_in_templates_have_the_utrecht_modifier():
    root = Path(maatwerk.__file__).parent
    missing = []
    for template in root.glob("*/templates/**/*.html"):
        for tag in HAND_WRITTEN.finditer(template.read_text()):
            kind = control_of(tag.group(0))
            if kind and REQUIRED_MODIFIER[kind] not in tag.group(0):
                missing.append(f"{template.relative_to(root)}: {tag.group(0)[:80]}")
    assert not missing, "\n".join(missing)
