"""The letter book's approved reply texts, offered when staff answer a client's message."""

from maatwerk.core.starting_text import StartingText

from .queries import reply_texts


def starting_texts(thread, staff) -> list[StartingText]:
    return [
        StartingText(key=f"brief-{pk}", title=title, text=text)
        for pk, title, text in reply_texts(thread.client, staff)
    ]
