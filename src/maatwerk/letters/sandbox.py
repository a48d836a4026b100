"""The template language of the letter book: Django's, in a sandbox.

A separate ``Engine`` without loaders (so no file can be read), without Django's default
libraries (so ``include``, ``extends``, ``load``, ``debug``, ``url``, ``csrf_token``... do not
exist) and without custom libraries. Its only tags and filters are the harmless few registered
below. ``validate`` also walks the parsed tree and refuses any node or variable it does not know,
so a later change to the engine cannot quietly widen what an editor can reach. Values come only
from ``maatwerk.letters.values``: plain dicts of strings, never model instances, so
``{{ client.user.password }}`` or ``{{ settings.SECRET_KEY }}`` simply do not exist.
"""

import itertools
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template import Context, Engine, Library, TemplateSyntaxError, defaultfilters
from django.template.base import FilterExpression, Node, TextNode, Variable, VariableNode
from django.template.defaulttags import CommentNode, IfNode, TemplateLiteral, do_if
from django.template.defaulttags import comment as comment_tag
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_BODY_LENGTH = 20_000
MAX_SUBJECT_LENGTH = 200

# Every variable a letter may use, with the explanation shown to the editor.
VARIABLES = {
    "client.first_name": gettext_lazy("voornaam van de cliënt"),
    "client.full_name": gettext_lazy("volledige naam van de cliënt"),
    "client.address": gettext_lazy("adres van de cliënt (straat en huisnummer)"),
    "client.postal_code_city": gettext_lazy("postcode en plaats van de cliënt"),
    "adviser.full_name": gettext_lazy("naam van de adviseur"),
    "adviser.first_name": gettext_lazy("voornaam van de adviseur"),
    "adviser.job_title": gettext_lazy("functie van de adviseur"),
    "adviser.phone": gettext_lazy("telefoonnummer van de adviseur"),
    "adviser.email": gettext_lazy("e-mailadres van de adviseur"),
    "office.name": gettext_lazy("naam van de vestiging (werkplein)"),
    "office.address": gettext_lazy("adres van de vestiging"),
    "office.phone": gettext_lazy("telefoonnummer van de vestiging"),
    "organisation.name": gettext_lazy("naam van de organisatie"),
    "organisation.phone": gettext_lazy("algemeen telefoonnummer"),
    "organisation.website": gettext_lazy("website"),
    "organisation.portal": gettext_lazy("naam van het klantportaal"),
    "benefit.start": gettext_lazy("begindatum van de uitkering"),
    "benefit.expected_end": gettext_lazy("verwachte einddatum van de uitkering"),
    "date": gettext_lazy("datum van de brief"),
    "deadline": gettext_lazy("reageren vóór: 14 dagen na de datum van de brief"),
}
TAGS = ("if", "comment")
FILTERS = ("capfirst", "default", "lower", "upper")

register = Library()
register.tag("if", do_if)
register.tag("comment", comment_tag)
for _name in FILTERS:
    register.filter(_name, getattr(defaultfilters, _name))


class SandboxEngine(Engine):
    # Django adds its default tags (include, extends, load, debug, ...) to every engine; not here.
    default_builtins: list[str] = []


ENGINE = SandboxEngine(
    dirs=[],
    loaders=[],
    libraries={},
    builtins=["maatwerk.letters.sandbox"],
    autoescape=True,
    string_if_invalid="",
)

_UNKNOWN_TAG = re.compile(r"Invalid block tag on line \d+: '([^']+)'")
_UNKNOWN_FILTER = re.compile(r"Invalid filter: '([^']+)'")
_ALLOWED_END_TAGS = {"elif", "else", "endif", "endcomment"}


@dataclass(frozen=True)
class Problem:
    message: str


def _syntax_message(error: TemplateSyntaxError) -> str:
    text = str(error)
    if found := _UNKNOWN_TAG.search(text):
        return _(
            "De opdracht {%% %(tag)s %%} mag niet in een brief. "
            "Toegestaan zijn alleen: {%% if %%} en {%% comment %%}."
        ) % {"tag": found.group(1)}
    if found := _UNKNOWN_FILTER.search(text):
        return _("Het filter |%(filter)s mag niet in een brief. Toegestaan zijn: %(allowed)s.") % {
            "filter": found.group(1),
            "allowed": ", ".join(FILTERS),
        }
    if "Unclosed tag" in text:
        return _("Een {% if %} is niet afgesloten met {% endif %}.")
    if "Could not parse" in text or "Could not find variable" in text:
        return _(
            "Een variabele is niet goed geschreven. Schrijf bijvoorbeeld {{ client.first_name }}."
        )
    if "may not begin with underscores" in text:
        return _("Een variabele mag niet met een liggend streepje (_) beginnen.")
    if "Empty variable tag" in text:
        return _("Er staat een lege {{ }} in de tekst.")
    return _("De tekst heeft een fout in de opmaak: %(error)s") % {"error": text[:200]}


def _unknown_variable(lookups: tuple[str, ...]) -> str:
    name = ".".join(lookups)
    return _(
        "De variabele {{ %(name)s }} bestaat niet. Kies een variabele uit de lijst naast het veld."
    ) % {"name": name}


def _check_filter_expression(expression: FilterExpression, problems: list[str]) -> None:
    _check_variable(expression.var, problems)
    for function, arguments in expression.filters:
        if getattr(function, "_filter_name", function.__name__) not in FILTERS:
            problems.append(_("Dit filter mag niet in een brief: %(name)s.") % {"name": function})
        for _lookup, argument in arguments:
            _check_variable(argument, problems)


def _check_variable(variable, problems: list[str]) -> None:
    if not isinstance(variable, Variable) or variable.lookups is None:
        return  # a literal: a string or a number
    name = ".".join(variable.lookups)
    if name not in VARIABLES:
        problems.append(_unknown_variable(variable.lookups))


def _check_condition(condition, problems: list[str]) -> None:
    if condition is None:
        return
    if isinstance(condition, TemplateLiteral):
        _check_filter_expression(condition.value, problems)
        return
    for part in (getattr(condition, "first", None), getattr(condition, "second", None)):
        _check_condition(part, problems)


def _walk(nodes, problems: list[str]) -> None:
    for node in nodes:
        if isinstance(node, TextNode):
            if any(mark in node.s for mark in ("{{", "}}", "{%", "%}")):
                # Django leaves a half tag as plain text: it would end up in the letter.
                problems.append(_("Er staat een {{ of {% zonder goede afsluiting in de tekst."))
            continue
        if isinstance(node, CommentNode):
            continue
        if isinstance(node, VariableNode):
            _check_filter_expression(node.filter_expression, problems)
        elif isinstance(node, IfNode):
            for condition, nodelist in node.conditions_nodelists:
                _check_condition(condition, problems)
                _walk(nodelist, problems)
        elif isinstance(node, Node):
            problems.append(
                _("Dit onderdeel mag niet in een brief: %(name)s.") % {"name": type(node).__name__}
            )


# Letters need a few nested conditions at most. Deeper nesting or very long conditions only make
# the parser recurse (a RecursionError, and CPU on every preview keystroke): refuse them first.
_IF_TAG = re.compile(r"{%-?\s*(if|elif|endif)\b([^%]*)%}")
MAX_IF_DEPTH, MAX_CONDITION_WORDS = 8, 15


def _too_deep(text: str) -> bool:
    depth = 0
    for match in _IF_TAG.finditer(text):
        tag, condition = match.groups()
        if tag == "endif":
            depth -= 1
            continue
        depth += tag == "if"
        if depth > MAX_IF_DEPTH or len(condition.split()) > MAX_CONDITION_WORDS:
            return True
    return False


def problems_in(text: str, *, max_length: int) -> list[str]:
    """Every problem with a template text, in Dutch; empty when it may be saved."""
    if len(text) > max_length:
        return [
            _("De tekst is te lang: %(length)s tekens. Het maximum is %(max)s.")
            % {
                "length": f"{len(text):,}".replace(",", "."),
                "max": f"{max_length:,}".replace(",", "."),
            }
        ]
    if _too_deep(text):
        return [
            _(
                "De tekst heeft te veel voorwaarden in elkaar, of een te lange voorwaarde. "
                "Gebruik hoogstens %(depth)s lagen {%% if %%} en korte voorwaarden."
            )
            % {"depth": MAX_IF_DEPTH}
        ]
    problems: list[str] = []
    try:
        template = ENGINE.from_string(text)
        _walk(template.nodelist, problems)
    except TemplateSyntaxError as error:
        return [_syntax_message(error)]
    except RecursionError:  # a second guard: the depth check above should catch it first
        return [_("De tekst is te ingewikkeld. Maak de voorwaarden eenvoudiger.")]
    return list(dict.fromkeys(problems))


# Every character that starts a new line somewhere (e-mail headers, str.splitlines()).
LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def validate(subject: str, body: str) -> None:
    """Raise a ValidationError per field for anything that may not be saved."""
    errors = {}
    if found := problems_in(subject, max_length=MAX_SUBJECT_LENGTH):
        errors["subject"] = found
    elif any(character in subject.strip() for character in LINE_BREAKS):
        errors["subject"] = [_("Het onderwerp is één regel.")]
    if found := problems_in(body, max_length=MAX_BODY_LENGTH):
        errors["body"] = found
    if errors:
        raise ValidationError(errors)


def render_text(text: str, values: dict) -> str:
    """The filled-in text, as plain text (HTML is made from it by ``to_html``, escaped)."""
    template = ENGINE.from_string(text)
    return template.render(Context(values, autoescape=False)).strip()


def to_html(plain: str):
    """Plain letter text to safe HTML: blank lines make paragraphs, lines that start with "- "
    a list. Everything is escaped: the editor's own text as much as the values."""
    blocks = []
    for block in re.split(r"\n\s*\n", plain.replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        # Runs of list lines become one list; other runs one paragraph.
        for is_item, run in itertools.groupby(lines, key=lambda line: line.startswith("- ")):
            run = list(run)
            if is_item:
                items = "".join(f"<li>{escape(line[2:].strip())}</li>" for line in run)
                blocks.append(f'<ul class="utrecht-unordered-list">{items}</ul>')
            else:
                text = "<br>".join(str(escape(line)) for line in run)
                blocks.append(f'<p class="utrecht-paragraph">{text}</p>')
    return mark_safe("\n".join(blocks))  # noqa: S308  (every piece was escaped above)
