"""Small builders for messaging tests, all through the real actions."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from maatwerk.messaging import actions

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name="brief.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def client_writes(client, body="Ik heb een vraag over mijn sollicitatie.", subject="Vraag", **kw):
    return actions.send_client_message(client=client, subject=subject, body=body, **kw)
