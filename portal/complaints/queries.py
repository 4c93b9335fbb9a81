"""Scoped selects for complaints: Bapas staff see their office, regional users the proposals
of their province, partners only what they filed themselves."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

from flask import abort
from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..clients.models import CheckIn, Client
from ..db import today
from ..extensions import db
from ..observations.models import Observation
from ..offices.models import Office
from ..security import BAPAS_STAFF
from .models import Complaint, Execution, Sanction
from .workflow import EXECUTION_STATES, OPEN_STATES

if TYPE_CHECKING:
    from ..uploads import Attachment

REGIONAL_STATES = ("proposed", "forwarded", "revoked", "not_revoked", "cancelled")


class Related(TypedDict):
    """What staff see next to a case (see related())."""

    complaints: list[Complaint]
    observations: list[Observation]
    misses: list[CheckIn]


def queue_query(user: User, status: str | None = None, ground: str | None = None,
                officer_id: int | None = None, overdue: bool = False,
                client: str | None = None, summons: bool = False,
                waiting: bool = False) -> Select[Complaint]:
    """The review queue: unassigned first, then by due date; `summons`: only cases with a
    summons the client has not answered past its day; `waiting`: only revoked or cancelled
    cases whose client is not yet back in a Lapas/Rutan."""
    if user.role in BAPAS_STAFF:
        stmt = select(Complaint).where(Complaint.office_id == user.office_id)
    elif user.role == "regional":
        stmt = (select(Complaint).join(Office, Complaint.office_id == Office.id)
                .where(Office.region_id == user.region_id, Complaint.status.in_(REGIONAL_STATES)))
    else:
        abort(404)
    stmt = stmt.options(joinedload(Complaint.assigned_officer), joinedload(Complaint.client),
                        joinedload(Complaint.execution).joinedload(Execution.office))
    if status:
        stmt = stmt.where(Complaint.status == status)
    if ground:
        stmt = stmt.where(func.cast(Complaint.grounds, db.String).like(f'%"{ground}"%'))
    if officer_id:
        stmt = stmt.where(Complaint.assigned_officer_id == officer_id)
    if overdue:
        stmt = stmt.where(Complaint.status.in_([s for s in OPEN_STATES if s != "needs_info"]),
                          Complaint.due_on < today())
    if client:
        like = f"%{client.strip().lower()}%"
        stmt = stmt.outerjoin(Client, Complaint.client_id == Client.id).where(or_(
            func.lower(Complaint.client_name).like(like), func.lower(Client.full_name).like(like),
            func.lower(Client.register_number).like(like),
            func.lower(Complaint.client_register_number).like(like)))
    if summons:
        stmt = stmt.where(Complaint.id.in_(select(Sanction.complaint_id).where(_unanswered())))
    if waiting:
        stmt = stmt.where(Complaint.status.in_(EXECUTION_STATES), Complaint.id.in_(
            select(Execution.complaint_id).where(Execution.returned_on.is_(None))))
    unassigned_first = case((Complaint.assigned_officer_id.is_(None), 0), else_=1)
    return stmt.order_by(unassigned_first, Complaint.due_on, Complaint.id)


def status_counts(user: User) -> dict[str, int]:
    """How many complaints of the office (or province) are in each status."""
    if user.role == "regional":
        stmt = (select(Complaint.status, func.count()).join(Office, Complaint.office_id == Office.id)
                .where(Office.region_id == user.region_id, Complaint.status.in_(REGIONAL_STATES)))
    else:
        stmt = select(Complaint.status, func.count()).where(Complaint.office_id == user.office_id)
    return dict(db.session.execute(stmt.group_by(Complaint.status)).all())


def get_case_or_404(user: User, reference: str) -> Complaint:
    """A complaint of the user's Bapas, or a proposal in the regional user's province."""
    complaint = db.session.scalar(select(Complaint).where(Complaint.reference == reference))
    if complaint is None:
        abort(404)
    if user.role in BAPAS_STAFF and complaint.office_id == user.office_id:
        return complaint
    if (user.role == "regional" and complaint.office.region_id == user.region_id
            and complaint.status in REGIONAL_STATES):
        return complaint
    abort(404)


def may_see_complainant(user: User, complaint: Complaint) -> bool:
    """Only the assigned officer, the supervisors and the head of the complaint's Bapas
    (DESIGN §2); regional users, other officers, admins and partners never."""
    if user.role in ("supervisor", "head") and complaint.office_id == user.office_id:
        return True
    return (user.role == "officer" and complaint.office_id == user.office_id
            and complaint.assigned_officer_id == user.id)


def identifies_complainant(complaint: Complaint, attachment: Attachment) -> bool:
    """Whether a file of the case names the complainant: the scanned letter and the signed
    scan of the complainant's BAP."""
    if attachment.purpose == "letter":
        return True
    if attachment.owner_type != "ExaminationRecord":
        return False
    record = next((e for e in complaint.examinations if e.id == attachment.owner_id), None)
    return record is not None and record.subject == "complainant"


def case_files(user: User, complaint: Complaint) -> list[Attachment]:
    """The files of a case this user may download: evidence, and the files that name the
    complainant only for those who may see the complainant."""
    from ..uploads import Attachment, attachments_of
    files = list(attachments_of(complaint))
    record_ids = [e.id for e in complaint.examinations]
    if record_ids:
        files += db.session.scalars(select(Attachment).where(
            Attachment.owner_type == "ExaminationRecord",
            Attachment.owner_id.in_(record_ids)).order_by(Attachment.id)).all()
    if may_see_complainant(user, complaint):
        return files
    return [f for f in files if not identifies_complainant(complaint, f)]


def related(user: User, complaint: Complaint) -> Related:
    """Staff-only context: other complaints about the client, recent observations, misses."""
    if (complaint.client_id is None or complaint.client is None
            or complaint.client.office_id != complaint.office_id):
        return {"complaints": [], "observations": [], "misses": []}
    others = list(db.session.scalars(select(Complaint).where(
        Complaint.client_id == complaint.client_id, Complaint.id != complaint.id)
        .order_by(Complaint.id.desc()).limit(10)))
    observations = list(db.session.scalars(select(Observation).where(
        Observation.client_id == complaint.client_id).order_by(Observation.id.desc()).limit(5)))
    misses = list(db.session.scalars(select(CheckIn).where(
        CheckIn.client_id == complaint.client_id, CheckIn.outcome == "missed")
        .order_by(CheckIn.month.desc()).limit(6)))
    return {"complaints": others, "observations": observations, "misses": misses}


def partner_complaints(user: User) -> list[Complaint]:
    """Complaints the partner filed themselves."""
    if user.role != "partner":
        abort(404)
    return list(db.session.scalars(select(Complaint).where(
        Complaint.complainant_user_id == user.id).order_by(Complaint.id.desc())))


def get_partner_complaint_or_404(user: User, reference: str) -> Complaint:
    """A complaint this partner filed."""
    complaint = db.session.scalar(select(Complaint).where(Complaint.reference == reference))
    if complaint is None or user.role != "partner" or complaint.complainant_user_id != user.id:
        abort(404)
    return complaint


def officers_of(user: User) -> list[User]:
    """The probation officers (PK) of the user's Bapas: the people a case is assigned to."""
    return list(db.session.scalars(select(User).where(
        User.office_id == user.office_id, User.role == "officer",
        User.active.is_(True)).order_by(User.name)))


def _unanswered() -> ColumnElement[bool]:
    """A summons whose day has passed with no answer recorded."""
    return (Sanction.kind == "summons") & Sanction.appeared.is_(None) & (Sanction.appear_on < today())


def unanswered_summons(user: User) -> list[Sanction]:
    """Summonses whose day has passed with no answer recorded: the officer's own clients'
    (or cases'), the whole Bapas for supervisors and the head (issue 10 §2)."""
    if user.role not in BAPAS_STAFF:
        abort(404)
    stmt = (select(Sanction).join(Complaint, Sanction.complaint_id == Complaint.id)
            .options(joinedload(Sanction.client), joinedload(Sanction.complaint))
            .where(Sanction.office_id == user.office_id, _unanswered()))
    if user.role == "officer":
        stmt = stmt.outerjoin(Client, Sanction.client_id == Client.id).where(or_(
            Client.officer_id == user.id, Complaint.assigned_officer_id == user.id))
    return list(db.session.scalars(stmt.order_by(Sanction.appear_on, Sanction.id)))


def summons_pending_ids(user: User, complaint_ids: list[int]) -> set[int]:
    """Which of these cases have an unanswered summons (a badge on the queue)."""
    if not complaint_ids:
        return set()
    found = db.session.scalars(select(Sanction.complaint_id).where(
        Sanction.complaint_id.in_(complaint_ids), _unanswered()))
    return {complaint_id for complaint_id in found if complaint_id is not None}


def waiting_returns(user: User) -> list[tuple[Office, int, int]]:
    """The regional office's view per Bapas: (office, clients not yet returned, of them past
    the Bapas's period) — issue 10 §3."""
    if user.role != "regional":
        abort(404)
    rows = db.session.execute(
        select(Office, Execution.since_on).join(Execution, Execution.office_id == Office.id)
        .join(Complaint, Execution.complaint_id == Complaint.id)
        .where(Office.region_id == user.region_id, Execution.returned_on.is_(None),
               Complaint.status.in_(EXECUTION_STATES)).order_by(Office.name)).all()
    table: dict[int, list[Any]] = {}
    for office, since_on in rows:
        entry = table.setdefault(office.id, [office, 0, 0])
        entry[1] += 1
        if (today() - since_on).days > office.return_overdue_days:
            entry[2] += 1
    return [(o, n, late) for o, n, late in table.values()]


def open_others(user: User, complaint: Complaint) -> list[Complaint]:
    """The other open complaints about the case's client (closed with a revocation)."""
    if complaint.client_id is None:
        return []
    return list(db.session.scalars(select(Complaint).where(
        Complaint.client_id == complaint.client_id, Complaint.id != complaint.id,
        Complaint.status.in_(OPEN_STATES), Complaint.office_id == complaint.office_id)
        .order_by(Complaint.id)))
