"""Every admin page is on the record: each registered admin is audited or read-only
(docs/adr/0029-every-rule-change-on-the-record.md). The libraries' own admins (second factor,
log-in attempts, task results) are re-registered in ``site/admin.py``, so no exceptions remain."""

from django.contrib import admin

from maatwerk.audit.admin_base import AuditedAdmin
from maatwerk.core.admin_base import ReadOnlyAdmin
from maatwerk.site.admin_site import MaatwerkAdminSite


def test_every_registered_admin_is_audited_or_read_only():
    assert isinstance(admin.site, MaatwerkAdminSite)  # the registry checked is the one served
    unaudited = sorted(
        f"{model._meta.label}: {type(model_admin).__module__}.{type(model_admin).__name__}"
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, AuditedAdmin | ReadOnlyAdmin)
    )
    assert not unaudited, unaudited
