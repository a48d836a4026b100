"""The submit-once token: a fresh one per page, the posted one kept when a form comes back."""

import uuid

from django import forms

from maatwerk.core.forms import SubmitOnceForm


class NoteForm(SubmitOnceForm):
    text = forms.CharField()


def test_each_page_gets_its_own_token():
    first, second = NoteForm(), NoteForm()
    assert first["submission_token"].value() != second["submission_token"].value()
    assert first["submission_token"].value() == first["submission_token"].value()


def test_a_form_shown_again_with_errors_keeps_the_posted_token():
    token = str(uuid.uuid4())
    form = NoteForm({"submission_token": token, "text": ""})
    assert not form.is_valid()
    assert str(form["submission_token"].value()) == token
    assert f'value="{token}"' in str(form["submission_token"])
