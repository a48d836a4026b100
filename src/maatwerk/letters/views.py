"""Pages of the letter book: the editors' book (/werk/brieven/), sending from a client file and
the client's own letters (/mijn/brieven/)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from maatwerk.access.decorators import client_or_practice, staff
from maatwerk.access.rules import require, staff_of
from maatwerk.clients.file_access import open_client_file
from maatwerk.clients.models import Client
from maatwerk.core.forms import show_validation_error
from maatwerk.portal.rules import portal_client

from . import actions, diff, document, queries, rules, sandbox, values
from .forms import (
    CommentForm,
    CompareForm,
    InviteForm,
    LegalDecisionForm,
    PreviewForm,
    PublishForm,
    SendBackForm,
    SendForm,
    TemplateForm,
)
from .models import LetterTemplate, SentLetter, State, TemplateVersion
from .roles import EDIT, LEGAL, READ_ALONG, READ_BOOK, SEND
from .shipped import SHIPPED

# --- the letter book ---------------------------------------------------------------------------


@staff(READ_BOOK)
@require_GET
def book(request):
    templates = list(queries.templates_overview())
    for template in templates:
        template.latest_state_label = State(template.latest_state or State.DRAFT).label
    shipped_done = {t.shipped_key for t in templates if t.shipped_key}
    context = {
        "templates": templates,
        "may_edit": request.user.has_perm(EDIT),
        "shipped_missing": len(SHIPPED) - len(shipped_done),
        "waiting": queries.waiting_for(request.user, staff_of(request.user)),
    }
    return render(request, "letters/book.html", context)


@staff(EDIT)
@require_POST
def install_shipped(request):
    try:
        made = actions.install_shipped(by_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(n)s meegeleverde brieven staan als concept in het brievenboek.")
            % {"n": len(made)},
        )
    return redirect("letters:book")


def _preview(subject: str, body: str) -> dict:
    """What the editor sees next to the text: problems, or the filled letter and the report."""
    problems = sandbox.problems_in(subject, max_length=sandbox.MAX_SUBJECT_LENGTH)
    problems += sandbox.problems_in(body, max_length=sandbox.MAX_BODY_LENGTH)
    if problems or not body.strip():
        return {"problems": problems, "empty": not body.strip()}
    from maatwerk.plain_language import check

    filled = values.demo()
    return {
        "subject": sandbox.render_text(subject, filled),
        "body_html": sandbox.to_html(sandbox.render_text(body, filled)),
        "signer": filled["adviser"],
        "report": check(body),
    }


def _editor(request, *, template=None):
    first = template is None
    latest = None if first else queries.latest_version(template)
    initial = {}
    if latest is not None:
        initial = {
            "title": template.title,
            "purpose": template.purpose,
            "usable_as_reply": template.usable_as_reply,
            "subject": latest.subject,
            "body": latest.body,
        }
    form = TemplateForm(request.POST or None, initial=initial, first=first)
    wants_preview = request.POST.get("action") == "preview"
    if request.method == "POST" and not wants_preview and form.is_valid():
        data = form.cleaned_data
        try:
            if first:
                version = actions.create_template(
                    title=data["title"],
                    purpose=data["purpose"],
                    usable_as_reply=data["usable_as_reply"],
                    subject=data["subject"],
                    body=data["body"],
                    by_user=request.user,
                )
            else:
                version = actions.save_version(
                    template=template,
                    title=data["title"],
                    purpose=data["purpose"],
                    usable_as_reply=data["usable_as_reply"],
                    subject=data["subject"],
                    body=data["body"],
                    change_note=data.get("change_note", ""),
                    by_user=request.user,
                )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            messages.success(
                request, _("Versie %(n)s is opgeslagen als concept.") % {"n": version.number}
            )
            return redirect("letters:version", pk=version.pk)
    source = request.POST if request.method == "POST" else initial
    context = {
        "form": form,
        "template": template,
        "latest": latest,
        "variables": sandbox.VARIABLES,
        "syntax_help": _(
            "Ook mogelijk: {%% if client.first_name %%} ... {%% else %%} ... {%% endif %%}, "
            "en de filters %(filters)s, bijvoorbeeld {{ client.first_name|upper }}."
        )
        % {"filters": ", ".join(sandbox.FILTERS)},
        "preview": _preview(source.get("subject", ""), source.get("body", "")),
    }
    return render(request, "letters/editor.html", context)


@staff(EDIT)
@require_http_methods(["GET", "POST"])
def new(request):
    return _editor(request)


@staff(EDIT)
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    return _editor(request, template=get_object_or_404(LetterTemplate, pk=pk))


@staff(EDIT)
@require_POST
def preview(request):
    """The live preview (htmx): nothing is saved."""
    form = PreviewForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    context = {"preview": _preview(data.get("subject", ""), data.get("body", ""))}
    return render(request, "letters/_preview.html", context)


@staff(READ_BOOK)
@require_GET
def template_detail(request, pk: int):
    template = get_object_or_404(LetterTemplate, pk=pk)
    versions = list(queries.versions_with_state(template))
    for item in versions:
        item.state_label = State(item.state or State.DRAFT).label
    compare = CompareForm(
        initial={"van": max(template.latest_number - 1, 1), "naar": template.latest_number}
    )
    context = {
        "template": template,
        "versions": versions,
        "statistics": queries.statistics(template),
        "compare": compare,
        "may_edit": request.user.has_perm(EDIT),
    }
    return render(request, "letters/template.html", context)


@staff(READ_BOOK)
@require_GET
def compare(request, pk: int):
    template = get_object_or_404(LetterTemplate, pk=pk)
    form = CompareForm(request.GET)
    context = {"template": template, "form": form}
    if form.is_valid():
        old = template.versions.filter(number=form.cleaned_data["van"]).first()
        new = template.versions.filter(number=form.cleaned_data["naar"]).first()
        if old is None or new is None:
            form.add_error(None, _("Die versie bestaat niet."))
        else:
            context.update({"old": old, "new": new, "diff": diff.versions(old, new)})
    return render(request, "letters/compare.html", context)


# --- one version and its approval --------------------------------------------------------------


def _version_page(request, version: TemplateVersion, status: int = 200, **forms):
    staff_member = staff_of(request.user)
    state = queries.state_of(version)
    is_latest = version.number == version.template.latest_number
    user = request.user
    filled = values.demo()
    context = {
        "version": version,
        "template": version.template,
        "state": state,
        "state_label": State(state).label,
        "is_latest": is_latest,
        "steps": version.steps.select_related("by"),
        "invitations": version.invitations.select_related("reader"),
        "comments": version.comments.select_related("reader"),
        "readers_have_spoken": version.comments.exists(),
        "report": version.plain_language,
        "preview": {
            "subject": sandbox.render_text(version.subject, filled),
            "body_html": sandbox.to_html(sandbox.render_text(version.body, filled)),
            "signer": filled["adviser"],
            "client_name": filled["client"]["full_name"],
        },
        "previous_number": version.number - 1 if version.number > 1 else None,
        "may_submit": is_latest and state == State.DRAFT and user.has_perm(EDIT),
        "may_decide": is_latest and state == State.LEGAL_REVIEW and user.has_perm(LEGAL),
        "may_invite": is_latest and state == State.READER_REVIEW and user.has_perm(EDIT),
        "may_publish": is_latest and state == State.READER_REVIEW and user.has_perm(EDIT),
        "may_comment": state == State.READER_REVIEW
        and user.has_perm(READ_ALONG)
        and rules.may_comment(staff_member, version),
        "legal_form": forms.get("legal_form") or LegalDecisionForm(),
        "invite_form": forms.get("invite_form") or InviteForm(readers=queries.readers()),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "send_back_form": forms.get("send_back_form") or SendBackForm(),
        "publish_form": forms.get("publish_form") or _publish_form(version),
        "error_form": next(iter(forms.values()), None),
    }
    return render(request, "letters/version.html", context, status=status)


def _get_version(pk: int) -> TemplateVersion:
    return get_object_or_404(
        TemplateVersion.objects.select_related("template", "created_by"), pk=pk
    )


@staff(READ_BOOK)
@require_GET
def version(request, pk: int):
    return _version_page(request, _get_version(pk))


def _step(request, version, form_name, form, run, done_message):
    """Run a workflow action from a posted form: back to the version page, with errors on the
    form when it fails."""
    if form is not None and not form.is_valid():
        return _version_page(request, version, **{form_name: form})
    try:
        run()
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("letters:version", pk=version.pk)
        show_validation_error(form, error)
        return _version_page(request, version, **{form_name: form})
    messages.success(request, done_message)
    return redirect("letters:version", pk=version.pk)


@staff(EDIT)
@require_POST
def submit(request, pk: int):
    version = _get_version(pk)
    return _step(
        request,
        version,
        "",
        None,
        lambda: actions.submit(version=version, by_user=request.user),
        _("De brief is ingediend voor juridische controle."),
    )


@staff(LEGAL)
@require_POST
def legal(request, pk: int):
    version = _get_version(pk)
    form = LegalDecisionForm(request.POST)

    def run():
        actions.legal_decision(
            version=version,
            approve=form.cleaned_data["decision"] == "approve",
            comment=form.cleaned_data["comment"],
            by_user=request.user,
        )

    return _step(request, version, "legal_form", form, run, _("Je besluit is vastgelegd."))


@staff(EDIT)
@require_POST
def invite(request, pk: int):
    version = _get_version(pk)
    form = InviteForm(request.POST, readers=queries.readers())

    def run():
        actions.invite_readers(
            version=version, reader_ids=form.cleaned_data["readers"], by_user=request.user
        )

    return _step(request, version, "invite_form", form, run, _("De meelezers zijn uitgenodigd."))


@staff(READ_ALONG)
@require_POST
def comment(request, pk: int):
    version = _get_version(pk)
    require(rules.may_comment, staff_of(request.user), version)
    form = CommentForm(request.POST)

    def run():
        actions.comment(version=version, text=form.cleaned_data["text"], by_user=request.user)

    return _step(request, version, "comment_form", form, run, _("Dank je wel voor je reactie."))


@staff(EDIT)
@require_POST
def send_back(request, pk: int):
    version = _get_version(pk)
    form = SendBackForm(request.POST)

    def run():
        actions.send_back(
            version=version, comment=form.cleaned_data["comment"], by_user=request.user
        )

    return _step(
        request, version, "send_back_form", form, run, _("De brief is terug naar concept.")
    )


def _publish_form(version, data=None) -> PublishForm:
    """The publish form asks only for the reasons this version needs, and then requires them."""
    return PublishForm(
        data,
        needs_justification=not version.meets_b1,
        needs_skip_reason=not version.comments.exists(),
    )


@staff(EDIT)
@require_POST
def publish(request, pk: int):
    version = _get_version(pk)
    form = _publish_form(version, request.POST)

    def run():
        actions.publish(
            version=version,
            justification=form.cleaned_data["justification"],
            skip_reason=form.cleaned_data["skip_reason"],
            by_user=request.user,
        )

    return _step(
        request,
        version,
        "publish_form",
        form,
        run,
        _("Versie %(n)s is gepubliceerd. Adviseurs kunnen hem nu versturen.")
        % {"n": version.number},
    )


# --- sending from the client file --------------------------------------------------------------


def _client_for_staff(request, pk: int):
    """The client when this staff member may open their file, else a redirect or 403 (the same
    rules as the client file)."""
    return open_client_file(request, pk, Client.objects.select_related("office"))


@staff(SEND)
@require_GET
def client_letters(request, pk: int):
    client, redirect_to = _client_for_staff(request, pk)
    if redirect_to:
        return redirect_to
    context = {
        "client": client,
        "templates": queries.published_templates().order_by("title"),
        "letters": queries.letters_for_client(client),
    }
    return render(request, "letters/client_letters.html", context)


@staff(SEND)
@require_http_methods(["GET", "POST"])
def compose(request, pk: int, template_pk: int):
    client, redirect_to = _client_for_staff(request, pk)
    if redirect_to:
        return redirect_to
    template = get_object_or_404(LetterTemplate, pk=template_pk)
    published = template.published_version
    form = SendForm(request.POST or None, digital=client.uses_digital_channels)
    if request.method == "POST" and form.is_valid():
        try:
            letter = actions.send_letter(
                client=client,
                template=template,
                channel=form.cleaned_data["channel"],
                submission_token=form.cleaned_data["submission_token"],
                by_user=request.user,
            )
        except ValidationError as error:
            show_validation_error(form, error)
        else:
            done = (
                _("De brief is verstuurd per e-mail.")
                if letter.channel == SentLetter.Channel.EMAIL
                else _("De brief is klaar voor de post. Druk de PDF af en verstuur hem.")
            )
            messages.success(request, done)
            return redirect("letters:sent", pk=letter.pk)
    preview = None
    if published is not None:
        filled, subject, body = values.fill(published, client, staff_of(request.user))
        preview = {
            "subject": subject,
            "body_html": sandbox.to_html(body),
            "signer": filled["adviser"],
        }
    context = {"client": client, "template": template, "preview": preview, "form": form}
    return render(request, "letters/compose.html", context)


def _sent_for_staff(request, pk: int):
    letter = get_object_or_404(
        SentLetter.objects.select_related("client", "sent_by", "version", "template"), pk=pk
    )
    _client, redirect_to = _client_for_staff(request, letter.client_id)
    return letter, redirect_to


@staff(SEND)
@require_GET
def sent(request, pk: int):
    letter, redirect_to = _sent_for_staff(request, pk)
    if redirect_to:
        return redirect_to
    context = document.context(letter) | {
        "client": letter.client,
        "staff_view": True,
        "delivery": letter.deliveries.first(),
    }
    return render(request, "letters/letter.html", context)


def _pdf_response(letter) -> HttpResponse:
    response = HttpResponse(document.pdf_bytes(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="brief-{letter.pk}.pdf"'
    return response


@staff(SEND)
@require_GET
def sent_pdf(request, pk: int):
    letter, redirect_to = _sent_for_staff(request, pk)
    return redirect_to or _pdf_response(letter)


# --- the client's own letters ------------------------------------------------------------------


@client_or_practice
@require_GET
def mine(request):
    client = portal_client(request)
    letters = queries.mine(client)
    return render(request, "letters/mine.html", {"client": client, "letters": letters})


def _own_letter(request, pk: int) -> SentLetter:
    # Someone else's letter is "not found": a client never learns it exists.
    return get_object_or_404(
        SentLetter.objects.select_related("sent_by"), pk=pk, client=portal_client(request)
    )


@client_or_practice
@require_GET
def mine_detail(request, pk: int):
    letter = _own_letter(request, pk)
    context = document.context(letter) | {"client": letter.client, "staff_view": False}
    return render(request, "letters/letter.html", context)


@client_or_practice
@require_GET
def mine_pdf(request, pk: int):
    return _pdf_response(_own_letter(request, pk))
