from django import forms
from django.contrib import admin
from django.db import models

from . import actions as audit

# Never copied into the audit log, in whatever admin they appear (TOTP keys, hashes, passwords).
SECRET_FIELDS = frozenset({"key", "password", "token_hash"})


def _plain(value):
    """A value as it can stand in the audit log's JSON: objects by their primary key."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set | models.QuerySet):
        return sorted((_plain(item) for item in value), key=str)
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)[:200]


def _secret(form, name: str) -> bool:
    return name in SECRET_FIELDS or isinstance(form.fields[name].widget, forms.PasswordInput)


def recorded_values(form, *, add: bool) -> dict:
    """What the admin wrote, secrets left out: every value of a new object, and the old and new
    value of each changed field of an existing one."""
    if add:
        names = [name for name in form.cleaned_data if name in form.fields]
        return {
            name: {"to": _plain(form.cleaned_data[name])}
            for name in names
            if not _secret(form, name)
        }
    return {
        name: {"from": _plain(form.initial.get(name)), "to": _plain(form.cleaned_data.get(name))}
        for name in form.changed_data
        if not _secret(form, name)
    }


class AuditedAdmin(admin.ModelAdmin):
    """Changes made in the admin land in the audit log too, in the admin's own transaction,
    with the old and new value of every changed field (so '999 a year' is on the record)."""

    def construct_change_message(self, request, form, formsets, add=False):
        # Django hands the form only to this hook, just before log_addition/log_change; the
        # request carries the values to them (one request, one saved object).
        request.audited_values = recorded_values(form, add=add)
        return super().construct_change_message(request, form, formsets, add)

    def _audit(self, request, obj, action: str, message) -> None:
        data = {"object": str(obj)[:200], "message": str(message)[:2000]}
        values = getattr(request, "audited_values", None)
        if values:
            data["values"] = values
        audit.log(f"admin.{action}", user=request.user, about=obj, data=data)

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "added", message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, obj, "changed", message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "deleted", "")
        return super().log_deletions(request, queryset)


class AuditedRuleAdmin(AuditedAdmin):
    """For rules that plans, reports and history refer to: changed on the record, never deleted
    (switch one off instead, where it has a switch)."""

    def has_delete_permission(self, request, obj=None):
        return False
