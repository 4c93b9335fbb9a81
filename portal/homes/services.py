"""Handing a client or a revocation case to another probation officer (PK): the workflow
table decides, the version the Kasi saw must still be current, and both officers are told
(a notification and an email holding a link only)."""
from __future__ import annotations

from .. import audit, notices
from ..auth.models import User
from ..clients.models import Client, ClientEvent
from ..complaints.models import Complaint, ComplaintEvent
from ..extensions import db
from ..notifications import link_to, notify
from ..workflow import check_version
from .workflow import CASE_REASSIGN_WORKFLOW, CLIENT_REASSIGN_WORKFLOW, Reassignment


def officer_by_id(officer_id: int | str | None) -> User | None:
    """The account a form names, or None (the workflow's guard decides whether it may be chosen)."""
    digits = str(officer_id or "")
    return db.session.get(User, int(digits)) if digits.isdigit() else None


def _tell(officers: list[User | None], kind: str, template: str, endpoint: str, **values: str) -> None:
    """A notification and an email to each officer: no names, grounds or case details, a link only."""
    link = link_to(endpoint, **values)
    url = notices.absolute(endpoint, **values)
    for officer in officers:
        if officer is None or not officer.active:
            continue
        notify(officer, kind, link)
        notices.tell(officer, template, link=url)


def reassign_client(actor: User, client: Client, officer_id: int | str | None, reason: str,
                    version: object) -> User:
    """Hand `client` to another PK of its Bapas (Kasi, Kepala), with a reason; returns the new PK."""
    check_version(client, version)
    new = officer_by_id(officer_id)
    reason = (reason or "").strip()
    CLIENT_REASSIGN_WORKFLOW.check("reassign_client", client.status, actor.role,
                                   {"officer": new, "reason": reason},
                                   actor=actor, subject=Reassignment(client, new))
    assert new is not None  # the row requires it
    old = client.officer
    client.officer_id = new.id
    client.officer = new
    db.session.add(ClientEvent(client_id=client.id, kind="record", action="reassigned",
                               actor_id=actor.id, note=reason))
    audit.record(actor, "client.reassigned", client, office_id=client.office_id,
                 officer_id=new.id, from_officer_id=getattr(old, "id", None), reason_given=True)
    _tell([old, new], "client_reassigned", "client_reassigned", "clients.detail",
          public_id=client.public_id)
    return new


def reassign_case(actor: User, complaint: Complaint, officer_id: int | str | None, reason: str,
                  version: object) -> User:
    """Hand a revocation case to another PK of its Bapas (Kasi, Kepala), with a reason."""
    check_version(complaint, version)
    new = officer_by_id(officer_id)
    reason = (reason or "").strip()
    CASE_REASSIGN_WORKFLOW.check("reassign_case", complaint.status, actor.role,
                                 {"officer": new, "reason": reason},
                                 actor=actor, subject=Reassignment(complaint, new))
    assert new is not None
    old = complaint.assigned_officer
    complaint.assigned_officer_id = new.id
    complaint.assigned_officer = new
    complaint.events.append(ComplaintEvent(actor_id=actor.id, kind="note", action="reassigned",
                                           body=reason, visibility="internal"))
    audit.record(actor, "complaint.reassigned", complaint, office_id=complaint.office_id,
                 officer_id=new.id, from_officer_id=getattr(old, "id", None), reason_given=True)
    _tell([old, new], "complaint_reassigned", "complaint_reassigned", "complaints.case",
          reference=complaint.reference)
    return new
