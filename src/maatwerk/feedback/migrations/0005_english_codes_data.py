"""Feedback stores English codes: step 2 of 3, the rows are converted (and back, in reverse).

The two history tables are append-only (a trigger refuses UPDATE): the trigger is lifted for
this conversion only. It renames codes, it does not rewrite history. Audit rows keep the codes
they were written with: they are hash-chained and never edited."""

from django.db import migrations

from maatwerk.core.append_only import ForbidUpdates

ITEM_KIND = {"klacht": "complaint", "suggestie": "suggestion"}
ITEM_STATUS = {"ontvangen": "received", "in_behandeling": "in_progress", "beantwoord": "answered"}
SESSION_KIND = {"spiegelgesprek": "mirror", "dialoogsessie": "dialogue"}
POINT_STATUS = {
    "in_uitvoering": "in_progress",
    "gerealiseerd": "done",
    "niet_uitgevoerd": "dropped",
}
HISTORY_TABLES = ("feedback_feedbackhistory", "feedback_improvementpointhistory")


def _rename(model, field: str, mapping: dict[str, str]) -> None:
    for old, new in mapping.items():
        model.objects.filter(**{field: old}).update(**{field: new})


def _convert(apps, schema_editor, reverse: bool) -> None:
    def flip(mapping):
        return {new: old for old, new in mapping.items()} if reverse else mapping

    for table in HISTORY_TABLES:
        ForbidUpdates(table).database_backwards("feedback", schema_editor, None, None)
    _rename(apps.get_model("feedback", "FeedbackItem"), "kind", flip(ITEM_KIND))
    _rename(apps.get_model("feedback", "FeedbackItem"), "status", flip(ITEM_STATUS))
    _rename(apps.get_model("feedback", "FeedbackHistory"), "status", flip(ITEM_STATUS))
    _rename(apps.get_model("feedback", "DialogueSession"), "kind", flip(SESSION_KIND))
    _rename(apps.get_model("feedback", "ImprovementPoint"), "status", flip(POINT_STATUS))
    _rename(apps.get_model("feedback", "ImprovementPointHistory"), "status", flip(POINT_STATUS))
    for table in HISTORY_TABLES:
        ForbidUpdates(table).database_forwards("feedback", schema_editor, None, None)


def forwards(apps, schema_editor):
    _convert(apps, schema_editor, reverse=False)


def backwards(apps, schema_editor):
    _convert(apps, schema_editor, reverse=True)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0004_english_codes_schema")]

    operations = [migrations.RunPython(forwards, backwards)]
