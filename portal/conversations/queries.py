"""Scoped selects for threads: who sees which messages (a partner never an internal note),
and the unread counts of the lists."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import abort
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..extensions import db
from ..jobs import queries as job_queries
from ..observations import queries as observation_queries
from ..security import BAPAS_STAFF
from ..uploads import Attachment
from .models import Message, ThreadRead


@dataclass
class Thread:
    """The conversation of one observation or referral, as the table's guards see it."""

    kind: str                      # observation | referral
    owner: Any
    office_id: int
    partner_org_id: int
    officer_ids: tuple[int, ...]   # the officers who take part (the client's PK, the referrer)
    status: str = "open"
    side: str = field(default="staff")  # the reader's side

    @property
    def owner_column(self) -> Any:
        return Message.observation_id if self.kind == "observation" else Message.referral_id

    @property
    def key(self) -> str:
        return str(self.owner.public_id if self.kind == "observation" else self.owner.code)


def thread_of(owner: Any, kind: str, side: str) -> Thread:
    """The thread of an observation or a referral the caller already loaded through its scoped
    getter."""
    officers: tuple[int | None, ...]
    if kind == "observation":
        officers = (owner.client.officer_id,)
        org_id = owner.partner_org_id
    else:
        officers = (owner.client.officer_id, owner.officer_id)
        org_id = owner.opportunity.partner_org_id
    return Thread(kind, owner, owner.office_id, org_id,
                  tuple(i for i in officers if i is not None), side=side)


def get_thread_or_404(user: User, kind: str, key: str) -> Thread:
    """The thread the user may read: for a partner, of their organisation's observation (while
    they see the client) or referral; for staff, of their Bapas."""
    if user.role == "partner":
        if kind == "observation":
            return thread_of(observation_queries.get_observation_for_partner_or_404(user, key), kind, "partner")
        return thread_of(job_queries.get_referral_for_partner_or_404(user, key), kind, "partner")
    if user.role not in BAPAS_STAFF:
        abort(404)
    if kind == "observation":
        return thread_of(observation_queries.get_observation_for_staff_or_404(user, key), kind, "staff")
    return thread_of(job_queries.get_referral_for_staff_or_404(user, key), kind, "staff")


def _visible(thread: Thread) -> Select[Message]:
    stmt = select(Message).where(thread.owner_column == thread.owner.id)
    if thread.side == "partner":
        stmt = stmt.where(Message.visibility == "shared")
    return stmt


def messages(thread: Thread) -> list[Message]:
    """The messages the reader's side may see, oldest first (internal notes for staff only)."""
    return list(db.session.scalars(_visible(thread).options(joinedload(Message.author))
                                   .order_by(Message.id)))


def files_of(shown: list[Message]) -> dict[int, list[Attachment]]:
    """The files of the messages shown, by message id, in one query."""
    if not shown:
        return {}
    files: dict[int, list[Attachment]] = {}
    for attachment in db.session.scalars(select(Attachment).where(
            Attachment.owner_type == "Message", Attachment.owner_id.in_([m.id for m in shown]))
            .order_by(Attachment.id)):
        files.setdefault(attachment.owner_id, []).append(attachment)
    return files


def get_message_or_404(thread: Thread, public_id: str) -> Message:
    """A message of the thread that the reader's side may see."""
    found = db.session.scalar(_visible(thread).where(Message.public_id == public_id))
    if found is None:
        abort(404)
    return found


def last_read_id(user: User, thread: Thread) -> int:
    """The last message the user was shown in this thread (0: none)."""
    column = ThreadRead.observation_id if thread.kind == "observation" else ThreadRead.referral_id
    return db.session.scalar(select(ThreadRead.last_read_id).where(
        ThreadRead.user_id == user.id, column == thread.owner.id)) or 0


def unread_counts(user: User, kind: str, owner_ids: Iterable[int]) -> dict[int, int]:
    """Messages by others not yet read by the user, per observation or referral id (a partner
    never counts internal notes): one grouped query."""
    ids = list(owner_ids)
    if not ids:
        return {}
    owner = Message.observation_id if kind == "observation" else Message.referral_id
    read_owner = ThreadRead.observation_id if kind == "observation" else ThreadRead.referral_id
    stmt = (select(owner, func.count(Message.id))
            .outerjoin(ThreadRead, and_(read_owner == owner, ThreadRead.user_id == user.id))
            .where(owner.in_(ids), Message.author_id != user.id,
                   or_(ThreadRead.id.is_(None), Message.id > ThreadRead.last_read_id))
            .group_by(owner))
    if user.role == "partner":
        stmt = stmt.where(Message.visibility == "shared")
    return {int(k or 0): int(n) for k, n in db.session.execute(stmt).all()}
