"""Django admin (in Dutch) for model versions: read the card, compare with the active version,
activate. Questionnaires and batch runs are read-only here."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from maatwerk.audit.admin_base import AuditedAdmin
from maatwerk.core.admin_base import ReadOnlyAdmin

from . import actions, model_store
from .models import BatchRun, ModelVersion, Question, Questionnaire

METRIC_LABELS = [
    ("auc", _("AUC (hoe goed het model onderscheid maakt; 0,5 = gokken, 1 = perfect)")),
    ("brier", _("Brier-score (lager is beter)")),
    ("ece", _("Verwachte kalibratiefout, ECE (lager is beter)")),
]


def _fmt(value) -> str:
    return "—" if value is None else f"{value:.3f}".replace(".", ",")


@admin.register(ModelVersion)
class ModelVersionAdmin(AuditedAdmin):
    list_display = ["name", "created_at", "trained_by", "is_active", "synthetic_label", "auc"]
    list_filter = ["is_active", "synthetic"]
    actions = ["activate"]
    fields = [
        "name",
        "is_active",
        "activated_at",
        "synthetic_notice",
        "data_description",
        "created_at",
        "trained_by",
        "directory",
        "comparison",
        "feature_list",
        "card_display",
    ]
    readonly_fields = fields

    def has_module_permission(self, request):
        return request.user.has_perm("access.manage_models")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("access.manage_models")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Only the activate action changes a version; the form itself is read-only.
        return request.user.has_perm("access.manage_models") and obj is None

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("gegevens"))
    def synthetic_label(self, obj):
        return _("verzonnen (synthetisch)") if obj.synthetic else _("echte gegevens")

    @admin.display(description=_("let op"))
    def synthetic_notice(self, obj):
        if obj.synthetic:
            return _(
                "Dit model is getraind op verzonnen (synthetische) gegevens. Het is alleen voor "
                "de demo en zegt niets over echte cliënten."
            )
        return "—"

    @admin.display(description="AUC")
    def auc(self, obj):
        return _fmt(obj.metrics.get("auc"))

    @admin.display(description=_("kenmerken"))
    def feature_list(self, obj):
        return ", ".join(obj.feature_names)

    @admin.display(description=_("vergelijking met de actieve versie"))
    def comparison(self, obj):
        active = ModelVersion.objects.filter(is_active=True).first()
        header = format_html(
            "<tr><th scope='col'>{}</th><th scope='col'>{}</th><th scope='col'>{}</th></tr>",
            _("maat"),
            obj.name,
            active.name if active else _("geen actieve versie"),
        )
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>",
            (
                (
                    label,
                    _fmt(obj.metrics.get(key)),
                    _fmt(active.metrics.get(key)) if active else "—",
                )
                for key, label in METRIC_LABELS
            ),
        )
        return format_html("<table>{}{}</table>", header, rows)

    @admin.display(description=_("modelkaart"))
    def card_display(self, obj):
        # The card text is shown as text, escaped: never as HTML.
        return format_html('<pre class="mw-card-text">{}</pre>', obj.card_text or obj.card)

    @admin.action(description=_("Activeren (wordt gebruikt voor alle nieuwe uitkomsten)"))
    def activate(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Kies precies één modelversie."), messages.ERROR)
            return
        version = queryset.get()
        try:
            actions.activate_model(version=version, user=request.user)
        except (ValidationError, model_store.ModelUnavailable) as error:
            text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            self.message_user(request, text, messages.ERROR)
            return
        self.message_user(request, _("%(name)s is nu actief.") % {"name": version.name})


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["order", "page", "code", "text", "kind", "optional", "is_health", "feature"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Questionnaire)
class QuestionnaireAdmin(ReadOnlyAdmin):
    list_display = ["version", "title", "published", "created_at"]
    inlines = [QuestionInline]


@admin.register(BatchRun)
class BatchRunAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "model_version", "status", "processed", "total", "scored"]
