"""Attachment checks: an allow-list of file types, recognised by their first bytes (not only by
the name), and a maximum size."""

import os
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from .conf import app_settings


@dataclass(frozen=True)
class FileType:
    content_type: str
    extensions: tuple[str, ...]
    magic: bytes


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALLOWED = (
    FileType("application/pdf", (".pdf",), b"%PDF-"),
    FileType("image/jpeg", (".jpg", ".jpeg"), b"\xff\xd8\xff"),
    FileType("image/png", (".png",), b"\x89PNG\r\n\x1a\n"),
    FileType(DOCX, (".docx",), b"PK\x03\x04"),
)
ALLOWED_TEXT = "PDF, JPG, PNG, DOCX"


def _is_docx(upload) -> bool:
    """A Word file is a zip with word/document.xml inside (any zip would pass the magic bytes)."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def clean_name(name: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    stem, extension = os.path.splitext(base)
    safe = get_valid_filename(stem[:150] or "bijlage") if stem else "bijlage"
    return f"{safe}{extension.lower()[:10]}"


def check_upload(upload) -> FileType:
    """The file's type, or a ValidationError on "attachment" with a Dutch message."""
    limit = app_settings.MESSAGING_ATTACHMENT_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise ValidationError({"attachment": _("Dit bestand is leeg. Kies een ander bestand.")})
    if upload.size > limit:
        raise ValidationError(
            {
                "attachment": _("Dit bestand is te groot. Het mag maximaal %(limit)s zijn.")
                % {"limit": filesizeformat(limit)}
            }
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for file_type in ALLOWED:
        if extension in file_type.extensions:
            if head.startswith(file_type.magic) and (
                file_type.content_type != DOCX or _is_docx(upload)
            ):
                return file_type
            break
    raise ValidationError(
        {
            "attachment": _(
                "Dit soort bestand kan niet mee. Kies een bestand van het type %(types)s."
            )
            % {"types": ALLOWED_TEXT}
        }
    )
