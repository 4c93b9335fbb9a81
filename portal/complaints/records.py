"""The case's records: examination records (BAP) with their identity block, and the TPP
hearing with its members; each issues its document (portal.documents). Moves of the
procedure are in services."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from .. import audit, notices, uploads
from ..auth.models import User
from ..auth.queries import active_staff
from ..db import utcnow
from ..extensions import db
from ..notifications import link_to, notify
from ..workflow import Refused
from .models import Complaint, ExaminationRecord, Hearing
from .services import _check, _event

IDENTITY_FIELDS = ("birth_place", "birth_on", "sex", "religion", "occupation", "address", "nik")


def record_examination(actor: User, complaint: Complaint, data: Mapping[str, Any],
                       scan: uploads.CheckedFile | None) -> ExaminationRecord:
    """A BAP with numbered questions and answers; the signed copy's scan if given; a PDF issued."""
    _check(actor, complaint, "record_bap")
    record = ExaminationRecord(subject=data["subject"], subject_name=data["subject_name"].strip(),
                               examiner_id=actor.id, examined_on=data["examined_on"],
                               place=data["place"].strip(), questions=data["questions"],
                               **{key: data.get(key) for key in IDENTITY_FIELDS})
    complaint.examinations.append(record)
    complaint.updated_at = utcnow()  # a new version: the same form sent again is refused as stale
    db.session.flush()
    if scan is not None:
        uploads.store(scan, record, "signed_scan", uploaded_by=actor)
    from .documents import issue_bap
    issue_bap(actor, complaint, record)
    _event(complaint, "record", actor, action=f"bap_{record.subject}",
           body=None if record.subject == "complainant" else record.subject_name)
    audit.record(actor, "complaint.bap_recorded", complaint, office_id=complaint.office_id,
                 subject=record.subject)
    return record


def record_hearing(actor: User, complaint: Complaint, data: Mapping[str, Any]) -> Hearing:
    """The TPP hearing and its minutes (PDF); the head is told of the recommendation."""
    _check(actor, complaint, "record_hearing")
    from .documents import issue_tpp_minutes
    present = tpp_members(complaint, data)
    hearing = Hearing(held_on=data["held_on"], members="; ".join(u.name for u in present),
                      recommendation=data["recommendation"], minutes=data["minutes"].strip(),
                      recorded_by_id=actor.id, kind=data.get("kind"),
                      place=(data.get("place") or "").strip() or None,
                      chair_id=present[0].id, secretary_id=present[1].id,
                      member_ids=[u.id for u in present[2:]], team_size=data.get("team_size"))
    complaint.hearings.append(hearing)
    complaint.updated_at = utcnow()  # a new version: the same form sent again is refused as stale
    db.session.flush()
    issue_tpp_minutes(actor, complaint, hearing)
    _event(complaint, "record", actor, action="tpp_recorded", body=data["recommendation"])
    audit.record(actor, "complaint.tpp_recorded", complaint, office_id=complaint.office_id,
                 recommendation=hearing.recommendation)
    for head in active_staff(complaint.office_id, ("head",)):
        notify(head, "complaint_tpp", link_to("complaints.case", reference=complaint.reference))
        notices.tell(head, "complaint_tpp", complaint=complaint)
    return hearing


def tpp_members(complaint: Complaint, data: Mapping[str, Any]) -> list[User]:
    """Chair, secretary, then the other members: active staff of the case's Bapas, each once."""
    ids = [data.get("chair"), data.get("secretary"), *(data.get("member_ids") or [])]
    people: list[User] = []
    for raw in ids:
        user = db.session.get(User, int(raw)) if str(raw or "").isdigit() else None
        if (user is None or not user.active or user.office_id != complaint.office_id
                or user.role not in ("officer", "supervisor", "head")):
            raise Refused(_l("Choose the TPP's chair, secretary and members among the staff of "
                             "this Bapas."), "member_ids")
        if user not in people:
            people.append(user)
    if len(people) < 2:
        raise Refused(_l("The chair and the secretary must be two different people."), "secretary")
    return people
