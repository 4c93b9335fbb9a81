"""Uploaded files: type checked by content, images re-encoded without metadata,
stored outside static/ under random names, served only as downloads."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import filetype
from flask import current_app, send_file
from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import ForeignKey, Index, String, select
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.datastructures import FileStorage

from .db import UTCDateTime, utcnow
from .extensions import Model, db

ALLOWED_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
Image.MAX_IMAGE_PIXELS = 40_000_000  # refuse decompression bombs


class UploadRejected(Exception):
    """The file is not acceptable; `message` is shown to the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class Attachment(Model):
    """A stored file and the object it belongs to."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_owner", "owner_type", "owner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_type: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[int] = mapped_column()
    purpose: Mapped[str] = mapped_column(String(40))
    original_name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(60))
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(64), unique=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def extension(self) -> str:
        return ALLOWED_TYPES.get(self.content_type, "bin")


@dataclass
class CheckedFile:
    """A file that passed the checks, ready to store."""

    data: bytes
    content_type: str
    original_name: str


def _safe_name(name: str, extension: str) -> str:
    stem = Path(name or "file").stem
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._")[:80] or "file"
    return f"{stem}.{extension}"


def _reencode(data: bytes, content_type: str) -> bytes:
    """Decode and re-encode an image; EXIF (location included) and other metadata are dropped."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image = ImageOps.exif_transpose(opened)
            out = io.BytesIO()
            if content_type == "image/jpeg":
                image.convert("RGB").save(out, "JPEG", quality=90, optimize=True)
            else:
                if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    image = image.convert("RGBA")
                image.save(out, "PNG", optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError):
        raise UploadRejected(_l("The image could not be read. Save it again as JPEG or PNG.")) from None


def check_upload(storage: FileStorage) -> CheckedFile:
    """Read an uploaded file, check its size and real type, re-encode images."""
    limit = current_app.config["MAX_FILE_BYTES"]
    data = storage.stream.read(limit + 1)
    if not data:
        raise UploadRejected(_l("The file is empty."))
    if len(data) > limit:
        raise UploadRejected(_l("The file is larger than %(mb)d MB.", mb=limit // (1024 * 1024)))
    kind = filetype.guess(data)
    content_type = kind.mime if kind else None
    if content_type not in ALLOWED_TYPES:
        raise UploadRejected(_l("Only PDF, JPEG or PNG files are accepted (checked by content, "
                                "not by the file name)."))
    if content_type == "application/pdf":
        if b"%%EOF" not in data[-2048:]:
            raise UploadRejected(_l("The PDF file is incomplete or damaged."))
    else:
        data = _reencode(data, content_type)
    return CheckedFile(data, content_type, _safe_name(storage.filename or "", ALLOWED_TYPES[content_type]))


def _path(key: str) -> Path:
    return Path(current_app.config["STORAGE_DIR"]) / key[:2] / key


def store(checked: CheckedFile, owner, purpose: str, uploaded_by=None) -> Attachment:
    """Write the file under a random name and record it against `owner`."""
    key = secrets.token_hex(20)
    path = _path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(checked.data)
    path.chmod(0o600)
    from .boundary import after_rollback
    after_rollback(lambda: path.unlink(missing_ok=True))  # no file without its row
    if getattr(owner, "id", None) is None:
        db.session.flush()
    attachment = Attachment(
        owner_type=type(owner).__name__, owner_id=owner.id, purpose=purpose,
        original_name=checked.original_name, content_type=checked.content_type,
        size=len(checked.data), sha256=hashlib.sha256(checked.data).hexdigest(),
        storage_key=key, uploaded_by_id=getattr(uploaded_by, "id", None))
    db.session.add(attachment)
    return attachment


def attachments_of(owner) -> list[Attachment]:
    """Files of an object, oldest first."""
    return list(db.session.scalars(select(Attachment).where(
        Attachment.owner_type == type(owner).__name__, Attachment.owner_id == owner.id)
        .order_by(Attachment.id)))


def read(attachment: Attachment) -> bytes:
    """The stored bytes."""
    return _path(attachment.storage_key).read_bytes()


def delete(attachment: Attachment) -> None:
    """Remove the row now and the file once the transaction has committed."""
    from .boundary import after_commit
    path = _path(attachment.storage_key)
    db.session.delete(attachment)
    after_commit(lambda: path.unlink(missing_ok=True))


def send(attachment: Attachment):
    """Serve as a download, never rendered inline by the browser."""
    response = send_file(_path(attachment.storage_key), mimetype=attachment.content_type,
                         as_attachment=True, download_name=attachment.original_name,
                         max_age=0, etag=False, conditional=False)
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
