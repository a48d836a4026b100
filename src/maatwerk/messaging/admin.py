"""Read-only admin: messages are signed history, never edited by hand."""

from django.contrib import admin

from maatwerk.core.admin_base import ReadOnlyAdmin

from .models import FollowUp, Message, Thread, ThreadAssignment


@admin.register(Thread)
class ThreadAdmin(ReadOnlyAdmin):
    list_display = ["subject", "client", "assigned_to", "reply_due", "last_message_at"]
    list_filter = ["reply_due"]
    raw_id_fields = ["client", "assigned_to"]


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["thread", "sender", "author_name", "author_job_title", "sent_at"]
    list_filter = ["sender"]


@admin.register(ThreadAssignment)
class ThreadAssignmentAdmin(ReadOnlyAdmin):
    list_display = ["thread", "kind", "staff", "by_staff", "at"]


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdmin):
    list_display = ["client", "kind", "staff", "due", "done_at"]
    list_filter = ["kind"]
