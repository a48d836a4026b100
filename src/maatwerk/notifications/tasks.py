"""Background work: e-mail notifications, handed to the mail server exactly once."""

from django_tasks import task

from . import actions


@task()
def deliver_email(notification_id: int) -> str:
    return actions.deliver_email(notification_id)
