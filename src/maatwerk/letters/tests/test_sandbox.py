"""The template language: what an editor may write, and what is refused on saving."""

import pytest
from django.core.exceptions import ValidationError

from maatwerk.letters import sandbox, values
from maatwerk.letters.models import LetterTemplate, TemplateVersion

from .helpers import BODY, write

pytestmark = pytest.mark.django_db


def problems(text):
    return sandbox.problems_in(text, max_length=sandbox.MAX_BODY_LENGTH)


def test_every_listed_variable_renders_from_demo_values():
    text = " ".join(f"{{{{ {name} }}}}" for name in sandbox.VARIABLES)
    assert problems(text) == []
    assert "Fatima" in sandbox.render_text(text, values.demo())


def test_if_comment_and_the_few_filters_are_allowed():
    text = (
        "{% if client.first_name %}Beste {{ client.first_name|capfirst }}{% else %}Beste heer, "
        "mevrouw{% endif %}{% comment %}notitie{% endcomment %} {{ office.phone|default:'088' }}"
    )
    assert problems(text) == []
    assert sandbox.render_text(text, values.demo()).startswith("Beste Fatima")


@pytest.mark.parametrize(
    "text, says",
    [
        ('{% include "/etc/passwd" %}', "{% include %} mag niet"),
        ('{% extends "base.html" %}', "{% extends %} mag niet"),
        ("{% load static %}", "{% load %} mag niet"),
        ('{% ssi "/etc/passwd" %}', "{% ssi %} mag niet"),
        ("{% debug %}", "{% debug %} mag niet"),
        ('{% url "admin:index" %}', "{% url %} mag niet"),
        ("{% csrf_token %}", "{% csrf_token %} mag niet"),
        ("{% for x in client %}{% endfor %}", "{% for %} mag niet"),
        ("{{ settings.SECRET_KEY }}", "{{ settings.SECRET_KEY }} bestaat niet"),
        ("{{ client.user.password }}", "{{ client.user.password }} bestaat niet"),
        ("{{ client }}", "{{ client }} bestaat niet"),
        ("{{ client.__class__ }}", "liggend streepje"),
        ("{{ request.user }}", "{{ request.user }} bestaat niet"),
        ("{{ client.first_name|safe }}", "|safe mag niet"),
        ("{{ client.first_name|default:office.secret }}", "{{ office.secret }} bestaat niet"),
        ("{% if client.nope %}x{% endif %}", "{{ client.nope }} bestaat niet"),
        ("{% if client.first_name %}", "niet afgesloten"),
        ("{{ client.first_name", "zonder goede afsluiting"),
        ("{{ }}", "lege"),
    ],
)
def test_forbidden_or_broken_templates_get_a_clear_dutch_error(text, says):
    found = problems(text)
    assert found, text
    assert any(says in problem for problem in found), found


def test_a_huge_template_is_refused_before_parsing():
    found = problems("a" * (sandbox.MAX_BODY_LENGTH + 1))
    assert found == ["De tekst is te lang: 20.001 tekens. Het maximum is 20.000."]


def test_validate_names_the_field():
    with pytest.raises(ValidationError) as caught:
        sandbox.validate("{{ settings.DEBUG }}", '{% include "x.html" %}')
    assert set(caught.value.message_dict) == {"subject", "body"}


def test_nothing_is_saved_for_a_bad_template(editor):
    for body in ['{% include "/etc/passwd" %}', "{{ settings.SECRET_KEY }}", "x" * 20_001]:
        with pytest.raises(ValidationError):
            write(editor, body=body)
    assert not LetterTemplate.objects.exists()
    assert not TemplateVersion.objects.exists()


def test_html_is_escaped_both_in_the_text_and_in_values():
    html = sandbox.to_html(
        sandbox.render_text(
            "<script>x</script> {{ client.first_name }}", {"client": {"first_name": "<b>"}}
        )
    )
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;" in html


def test_paragraphs_and_lists():
    html = sandbox.to_html("Een.\nTwee.\n\nDoe dit:\n- solliciteer\n- kom langs\nKlaar.")
    assert html.count("<p") == 3 and html.count("<li>") == 2
    assert "Een.<br>Twee." in html


def test_values_are_plain_data_without_model_instances(client_record):
    filled = values.for_client(client_record)

    def plain(value):
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        return isinstance(value, str)

    assert plain(filled)
    assert filled["client"]["first_name"] == client_record.first_name
    rendered = sandbox.render_text(BODY, filled)
    assert client_record.first_name in rendered
