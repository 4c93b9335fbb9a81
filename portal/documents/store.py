"""Issuing a document: its verification code, where the QR code points, keeping the PDF (the
file goes again if the transaction rolls back), the IssuedDocument row and its audit event;
reading it back; verifying a presented code and file."""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from flask import current_app, has_request_context, url_for
from sqlalchemy import select

from .. import audit
from ..auth.models import User
from ..extensions import db
from .pdf import Signer


def verification_code(payload: Mapping[str, object]) -> str:
    """A code derived from the document's content (and the portal's key): XXXX-XXXX-XXXX-XXXX."""
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), body, hashlib.sha256).hexdigest()
    raw = digest[:16].upper()
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def verify_url(code: str) -> str:
    """The verification page with the code filled in (what the QR code holds)."""
    if has_request_context():
        return url_for("complaints.verify", kode=code, _external=True)
    base = (current_app.config.get("VERIFY_BASE_URL") or "").rstrip("/")
    return f"{base}/verifikasi?kode={code}"


def _path(storage_key: str) -> Path:
    return Path(current_app.config["STORAGE_DIR"]) / storage_key[:2] / storage_key


def keep(actor: User | None, complaint: Any, kind: str, pdf_bytes: bytes, *, code: str,
         number: str | None, title: str, file_name: str, issuer: str,
         signers: Sequence[Signer], examination_id: int | None = None,
         hearing_id: int | None = None) -> Any:
    """Store the PDF and its row (IssuedDocument) in the current transaction; audited."""
    from ..boundary import after_rollback
    from ..complaints.models import IssuedDocument
    key = secrets.token_hex(20)
    path = _path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes)
    after_rollback(lambda: path.unlink(missing_ok=True))  # no file without its row
    document = IssuedDocument(
        complaint_id=complaint.id, kind=kind, code=code, examination_id=examination_id,
        hearing_id=hearing_id, number=number, title=title, file_name=file_name, issuer=issuer,
        signers=[dict(s) for s in signers], sha256=hashlib.sha256(pdf_bytes).hexdigest(),
        storage_key=key, issued_by_id=getattr(actor, "id", None))
    db.session.add(document)
    db.session.flush()
    audit.record(actor, f"document.{kind}_issued", complaint, office_id=complaint.office_id,
                 document_code=code)
    return document


def read(document: Any) -> bytes:
    """The stored PDF."""
    return _path(document.storage_key).read_bytes()


def verify(code: str, data: bytes | None) -> tuple[Any, bool | None]:
    """(the document with this code or None, whether the presented bytes match the file:
    None when no file was presented)."""
    from ..complaints.models import IssuedDocument
    document = db.session.scalar(select(IssuedDocument).where(
        IssuedDocument.code == (code or "").strip().upper()))
    if document is None or data is None:
        return document, None
    return document, hmac.compare_digest(hashlib.sha256(data).hexdigest(), document.sha256)
