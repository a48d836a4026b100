"""Set-up through the real actions."""

import itertools

from maatwerk.letters import actions

SUBJECT = "Welkom, {{ client.first_name }}"
BODY = """Beste {{ client.first_name }},

Ik ben {{ adviser.full_name }}, {{ adviser.job_title }}. Ik help u bij het zoeken naar werk.

Dit moet u doen:
- Solliciteer elke week.
- Kom naar uw afspraken.

Bel mij als u vragen heeft."""

_titles = itertools.count(1)


def write(editor, *, subject=SUBJECT, body=BODY, title=None, **extra):
    return actions.create_template(
        title=title or f"Brief {next(_titles)}",
        subject=subject,
        body=body,
        by_user=editor.user,
        **extra,
    )


def to_reader_review(version, *, editor, jurist):
    actions.submit(version=version, by_user=editor.user)
    actions.legal_decision(version=version, approve=True, comment="", by_user=jurist.user)
    return version


def publish(version, *, editor, jurist, reader, justification=""):
    to_reader_review(version, editor=editor, jurist=jurist)
    actions.invite_readers(version=version, reader_ids=[reader.pk], by_user=editor.user)
    actions.comment(version=version, text="Goed te lezen.", by_user=reader.user)
    actions.publish(version=version, by_user=editor.user, justification=justification)
    return version
