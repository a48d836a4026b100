"""A sent letter as a document: the accessible HTML version and the PDF for post (WeasyPrint).

Both come from the same stored data (the letter's text, values, letterhead and recipient), so
the PDF and the HTML always say the same, and show the letter exactly as it was sent.
"""

from django.template.loader import render_to_string
from django.utils.translation import override

from . import sandbox


class NoFetching(Exception):
    pass


def _refuse(url, *args, **kwargs):
    # A letter needs nothing from outside: no file, no URL (the logo is left out for now).
    raise NoFetching(f"Letters fetch nothing: {url}")


def sent_on_behalf(letter) -> dict | None:
    """Who sent the letter, when that is not the adviser who signs it: never anonymous, so the
    client sees that a colleague sent it for their adviser."""
    signer = letter.values.get("adviser", {})
    sender = letter.sent_by
    if sender.full_name == signer.get("full_name") and sender.job_title == signer.get("job_title"):
        return None
    return {"full_name": sender.full_name, "job_title": sender.job_title}


def context(letter) -> dict:
    return {
        "letter": letter,
        "letterhead": letter.letterhead,
        "recipient": letter.recipient,
        "signer": letter.values.get("adviser", {}),
        "sender": sent_on_behalf(letter),
        "date": letter.values.get("date", ""),
        "body_html": sandbox.to_html(letter.body_text),
    }


def pdf_html(letter) -> str:
    with override("nl"):
        return render_to_string("letters/pdf.html", context(letter))


def render(letter):
    """The laid-out WeasyPrint document (tests read its text from here)."""
    from weasyprint import HTML

    return HTML(string=pdf_html(letter), url_fetcher=_refuse).render()


def pdf_bytes(letter) -> bytes:
    return render(letter).write_pdf()


def text_of(document) -> str:
    """All text on the pages of a rendered document, in order."""
    parts = []

    def walk(box):
        text = getattr(box, "text", None)
        if isinstance(text, str):
            parts.append(text)
        for child in getattr(box, "children", []) or []:
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return " ".join(parts)
