"""JSON error bodies in Dutch, ``{"detail": "...", "code": "..."}``, for every failure the API
expects. Unexpected exceptions are left to Django (logged, and a plain 500)."""

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError


class ApiError(HttpError):
    """An error with a Dutch message and a stable code for programs."""

    def __init__(self, status_code: int, message: str, code: str = "") -> None:
        super().__init__(status_code, message)
        self.code = code


DEFAULT_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    429: "throttled",
}


def _default_message(status: int) -> str:
    return {
        400: _("Ongeldig verzoek: de inhoud is geen geldige JSON."),
        401: _("Geen geldige API-sleutel. Stuur de header 'Authorization: Bearer <sleutel>'."),
        403: _("Je hebt hiervoor geen toegang."),
        404: _("Niet gevonden."),
        405: _("Deze methode is hier niet toegestaan."),
        413: _("Het verzoek is te groot."),
        429: _("Te veel verzoeken. Probeer het over een tijdje opnieuw."),
    }.get(status, _("Het verzoek kan niet worden verwerkt."))


# Messages ninja itself raises, in English; replaced by the Dutch default for their status.
_NINJA_MESSAGES = ("Cannot parse request body", "Unauthorized", "Forbidden", "Too many requests.")


def _pydantic_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("Dit veld is verplicht.")
    if kind == "string_too_long":
        return _("Gebruik maximaal %(n)s tekens.") % {"n": ctx.get("max_length")}
    if kind == "string_too_short":
        n = ctx.get("min_length") or 0
        return ngettext("Gebruik minstens %(n)s teken.", "Gebruik minstens %(n)s tekens.", n) % {
            "n": n
        }
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Geef een geheel getal.")
    if kind == "greater_than_equal":
        return _("Geef een getal van minstens %(n)s.") % {"n": ctx.get("ge")}
    if kind == "less_than_equal":
        return _("Geef een getal van hoogstens %(n)s.") % {"n": ctx.get("le")}
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", " of ")
        return _("Kies een van: %(choices)s.") % {"choices": choices}
    if kind in {"text_characters", "string_unicode"}:
        return _("Deze tekst bevat tekens die niet zijn toegestaan.")
    if kind == "string_type":
        return _("Geef tekst.")
    if kind.startswith("date_"):
        return _("Geef een datum als JJJJ-MM-DD.")
    if kind in {"time_parsing", "time_type"}:
        return _("Geef een tijd als UU:MM.")
    if kind == "time_zone":
        return _("Geef een tijd zonder tijdzone.")
    if kind in {"bool_type", "bool_parsing"}:
        return _("Geef true of false.")
    if kind == "list_type":
        return _("Stuur een lijst.")
    if kind == "too_long":
        return _("Stuur hoogstens %(n)s items in deze lijst.") % {"n": ctx.get("max_length")}
    if kind == "extra_forbidden":
        return _("Dit veld kent de API niet.")
    if kind in {"model_attributes_type", "dict_type", "model_type"}:
        return _("Stuur een JSON-object.")
    return _("Ongeldige waarde.")


def _field_name(loc) -> str:
    # ninja puts the source first ("query", "body", "path"), then the parameter's own path.
    parts = [str(p) for p in loc[1:]]
    if parts and parts[0] in {"payload", "pagination"}:
        parts = parts[1:]
    return ".".join(parts)


def install(api) -> None:
    def respond(request, status: int, detail: str, code: str = "", **extra):
        body = {"detail": detail, "code": code or None, **extra}
        return api.create_response(request, body, status=status)

    def on_authentication_error(request, exc: AuthenticationError):
        response = respond(request, 401, _default_message(401), "not_authenticated")
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    def on_http_error(request, exc: HttpError):
        message = str(exc)
        if message.startswith(_NINJA_MESSAGES):
            message = _default_message(exc.status_code)
        code = getattr(exc, "code", "") or DEFAULT_CODES.get(exc.status_code, "")
        return respond(request, exc.status_code, message, code)

    def on_validation_error(request, exc: NinjaValidationError):
        errors = [
            {"field": _field_name(error.get("loc", ())), "message": _pydantic_message(error)}
            for error in exc.errors
        ]
        return respond(request, 422, _("Controleer de invoer."), "invalid", errors=errors)

    def on_django_validation_error(request, exc: DjangoValidationError):
        if hasattr(exc, "error_dict"):
            errors = [
                {"field": field, "message": str(message)}
                for field, messages in exc.message_dict.items()
                for message in messages
            ]
        else:
            errors = [{"field": "", "message": str(message)} for message in exc.messages]
        detail = errors[0]["message"] if len(errors) == 1 else _("Controleer de invoer.")
        return respond(request, 422, detail, "invalid", errors=errors)

    def on_not_found(request, exc: Http404):
        return respond(request, 404, _default_message(404), "not_found")

    def on_too_big(request, exc: RequestDataTooBig):
        return respond(request, 413, _default_message(413), "too_large")

    api.add_exception_handler(AuthenticationError, on_authentication_error)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(NinjaValidationError, on_validation_error)
    api.add_exception_handler(DjangoValidationError, on_django_validation_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(RequestDataTooBig, on_too_big)


# Statuses any operation can answer, whatever it lists itself: a body that is no JSON (400), no
# or a wrong token (401), no right (403), an unknown id or path (404), input that does not fit
# (422). The schema documents them on every operation, so a client (and Schemathesis) knows.
ALWAYS_POSSIBLE = {
    400: ("Ongeldig verzoek.", "ErrorOut"),
    401: ("Geen geldige API-sleutel.", "ErrorOut"),
    403: ("Geen toegang.", "ErrorOut"),
    404: ("Niet gevonden.", "ErrorOut"),
    422: ("De invoer klopt niet.", "ValidationErrorOut"),
}


def document_errors(schema: dict) -> dict:
    """Add the statuses of ``ALWAYS_POSSIBLE`` to every operation that does not list them."""
    from .schemas import ErrorOut, ValidationErrorOut

    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorOut, ValidationErrorOut):
        for name, definition in (
            model.model_json_schema(ref_template="#/components/schemas/{model}")
            .get("$defs", {})
            .items()
        ):
            components.setdefault(name, definition)
        own = model.model_json_schema(ref_template="#/components/schemas/{model}")
        own.pop("$defs", None)
        components.setdefault(model.__name__, own)
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status, (description, model) in ALWAYS_POSSIBLE.items():
                if status in responses or str(status) in responses:
                    continue
                responses[status] = {
                    "description": description,
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}
                    },
                }
    return schema
