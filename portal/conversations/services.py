"""Thread verbs: post a message (shared, or an internal staff note) with an optional file, and
mark a thread read. Posting tells the other side by a notification and a content-free email."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import has_request_context, url_for
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from .. import audit, notices, uploads
from ..auth.models import User
from ..auth.queries import active_staff, org_members
from ..db import add_once, find_submitted, submission_digest, utcnow
from ..extensions import db
from ..html import sanitize_html
from ..notifications import notify
from .models import Message, ThreadRead
from .queries import Thread
from .workflow import THREAD_WORKFLOW

# The page of each side where a thread is read: (endpoint, its argument).
PAGES = {("observation", "staff"): ("observations.detail", "public_id"),
         ("observation", "partner"): ("partner_clients.observation", "public_id"),
         ("referral", "staff"): ("jobs.referral", "code"),
         ("referral", "partner"): ("jobs.candidate", "code")}


def page_of(thread: Thread, side: str | None = None, external: bool = False) -> str:
    """The page of `side` (the reader's by default) where the thread is read."""
    endpoint, arg = PAGES[(thread.kind, side or thread.side)]
    return url_for(endpoint, _anchor="percakapan", _external=external, **{arg: thread.key})


def may_write(user: User, thread: Thread) -> bool:
    """Whether the table lets the user write in the thread at all (role and guard)."""
    return THREAD_WORKFLOW.blocked("post", thread.status, user.role, actor=user, subject=thread) is not None


def find_by_submission_key(key: str | None) -> Message | None:
    """The message already stored from this form, if it was sent twice."""
    return find_submitted(Message, key)


def _recipients(thread: Thread, side: str) -> list[User]:
    if side == "partner":
        return org_members(thread.partner_org_id)
    officers = [u for u in (db.session.get(User, i) for i in thread.officer_ids) if u and u.active]
    return officers or active_staff(thread.office_id, ("supervisor",))


def post(actor: User, thread: Thread, data: Mapping[str, Any],
         files: list[uploads.CheckedFile]) -> Message:
    """Add a message to the thread; an internal note (staff only) reaches no partner in any way."""
    internal = actor.role != "partner" and bool(data.get("internal"))
    body = str(data.get("body") or "").strip()
    THREAD_WORKFLOW.check("note" if internal else "post", thread.status, actor.role, {"body": body},
                          actor=actor, subject=thread)
    side = "partner" if actor.role == "partner" else "staff"
    message = Message(submission_key=submission_digest(data.get("submission_key")),
                      office_id=thread.office_id, author_id=actor.id, side=side,
                      visibility="internal" if internal else "shared", body=str(sanitize_html(body)),
                      **{f"{thread.kind}_id": thread.owner.id})
    message, created = add_once(message)
    if not created:
        return message  # the same form sent twice: the first message stands
    for checked in files:
        uploads.store(checked, message, "message", uploaded_by=actor)
    audit.record(actor, "thread.note" if internal else "thread.post", thread.owner,
                 office_id=thread.office_id, visibility=message.visibility, files=len(files))
    mark_read(actor, thread, message.id)
    if internal:
        return message
    other = "staff" if side == "partner" else "partner"
    link = page_of(thread, other) if has_request_context() else None
    email_link = page_of(thread, other, external=True) if has_request_context() else ""
    for user in _recipients(thread, other):
        if user.id == actor.id:
            continue
        notify(user, "thread_message", link)
        notices.tell(user, "thread_message", link=email_link)
    return message


def mark_read(user: User, thread: Thread, upto: int | None = None) -> None:
    """Remember the last message the user was shown in the thread."""
    if upto is None:
        upto = db.session.scalar(select(Message.id).where(thread.owner_column == thread.owner.id)
                                 .order_by(Message.id.desc()).limit(1)) or 0
    column = ThreadRead.observation_id if thread.kind == "observation" else ThreadRead.referral_id
    changed = db.session.execute(update(ThreadRead).where(
        ThreadRead.user_id == user.id, column == thread.owner.id, ThreadRead.last_read_id < upto)
        .values(last_read_id=upto, read_at=utcnow()).execution_options(synchronize_session=False))
    if getattr(changed, "rowcount", 0):
        return
    exists = db.session.scalar(select(ThreadRead.id).where(ThreadRead.user_id == user.id,
                                                           column == thread.owner.id))
    if exists is not None:
        return
    try:
        with db.session.begin_nested():
            db.session.add(ThreadRead(user_id=user.id, last_read_id=upto,
                                      **{f"{thread.kind}_id": thread.owner.id}))
    except IntegrityError:
        pass  # another tab marked it at the same moment
