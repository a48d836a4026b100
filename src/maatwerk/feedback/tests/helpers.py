import uuid

from maatwerk.feedback import actions


def submit(client, kind="feedback", text="De wachttijd aan de telefoon was lang.", **kwargs):
    kwargs.setdefault("wants_answer", True)
    kwargs.setdefault("token", uuid.uuid4())
    return actions.submit_feedback(client=client, kind=kind, text=text, **kwargs)


def compliment(client, staff, text="Sanne luisterde echt naar mij.", **kwargs):
    kwargs.setdefault("anonymous", False)
    kwargs.setdefault("token", uuid.uuid4())
    return actions.give_compliment(client=client, staff=staff, text=text, **kwargs)


def session(user, office, notes="Cliënten willen sneller antwoord op hun vragen.", **kwargs):
    import datetime as dt

    values = {
        "kind": "mirror",
        "held_on": dt.date(2026, 11, 2),
        "office": office,
        "topic": "Bereikbaarheid",
        "notes": notes,
        "counts": {"clients_count": 6, "advisers_count": 3, "managers_count": 1},
        "token": uuid.uuid4(),
    }
    values.update(kwargs)
    return actions.record_session(by_user=user, **values)
