"""What a page that shows a thread needs: the messages its reader may see, the read marker
before this visit (to mark the new ones), the form; opening the page marks the thread read."""
from __future__ import annotations

from typing import Any

from .. import uploads
from ..auth.models import User
from . import queries, services
from .forms import message_form


def thread_context(user: User, owner: Any, kind: str, form: Any = None) -> dict[str, Any]:
    """The template context of the thread of `owner` (already loaded through its scoped getter)."""
    side = "partner" if user.role == "partner" else "staff"
    thread = queries.thread_of(owner, kind, side)
    shown = queries.messages(thread)
    before = queries.last_read_id(user, thread)
    if shown and shown[-1].id > before:
        services.mark_read(user, thread, shown[-1].id)
    files = {m.id: uploads.attachments_of(m) for m in shown} if shown else {}
    return {"thread": thread, "thread_messages": shown, "thread_files": files,
            "thread_last_read": before,
            "thread_form": form if form is not None else message_form(side, kind)}
