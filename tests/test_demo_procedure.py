"""Issue 10 §9: the demo holds one case at each stage of the procedure, worked through the
services, with its documents — including a revoked client not yet returned and overdue."""
from __future__ import annotations

from sqlalchemy import select

from portal.clients.models import Client
from portal.complaints.models import Complaint, IssuedDocument
from portal.extensions import db

from .support import login_client

# register number → the case's status and the client's status, as DESIGN §5 and issue 10 say
EXPECTED = {
    "PB.301/BDG/2026": ("needs_info", "active"),
    "PB.302/BDG/2026": ("in_review", "active"),
    "PB.303/BDG/2026": ("tpp_hearing", "active"),
    "PB.304/BDG/2026": ("not_pursued", "active"),
    "PB.305/BDG/2026": ("warning_issued", "active"),
    "PB.306/BDG/2026": ("temporarily_revoked", "temporarily_revoked"),
    "PB.307/BDG/2026": ("proposed", "temporarily_revoked"),
    "PB.308/BDG/2026": ("forwarded", "temporarily_revoked"),
    "PB.309/BDG/2026": ("revoked", "revoked"),
    "PB.310/BDG/2026": ("revoked", "revoked"),
    "PB.311/BDG/2026": ("not_revoked", "active"),
    "PB.312/BDG/2026": ("cancelled", "revoked"),
    "PB.313/BDG/2026": ("withdrawn", "active"),
}


def _cases(app):
    with app.app_context():
        rows = db.session.execute(select(Client.register_number, Complaint.status, Client.status,
                                         Complaint.closed_at, Complaint.id).join(
            Complaint, Complaint.client_id == Client.id).where(
            Client.register_number.in_(EXPECTED))).all()
        return {r[0]: r[1:] for r in rows}


def test_demo_has_a_case_at_each_stage_once(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo", "--no-serve"]).exit_code == 0
    assert runner.invoke(args=["demo", "--no-serve"]).exit_code == 0  # idempotent
    cases = _cases(app)
    assert {number: (case, client) for number, (case, client, _, _) in cases.items()} == EXPECTED
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Complaint.id)).join(
            Client, Complaint.client_id == Client.id).where(Client.register_number.in_(EXPECTED))) == 13
    # the revoked client still at large keeps the case open; the returned one is closed
    assert cases["PB.309/BDG/2026"][2] is None
    assert cases["PB.310/BDG/2026"][2] is not None
    with app.app_context():
        titles = set(db.session.scalars(select(IssuedDocument.kind).where(
            IssuedDocument.complaint_id == cases["PB.309/BDG/2026"][3])))
    assert {"bap_complainant", "bap_client", "tpp_minutes", "temporary_revocation",
            "proposal", "forwarding", "aph_letter"} <= titles, titles


def test_demo_head_sees_the_overdue_return(app):
    assert app.test_cli_runner().invoke(args=["demo", "--no-serve"]).exit_code == 0
    from portal.auth.models import User
    with app.app_context():
        head = db.session.scalar(select(User).where(User.email == "kepala.bandung@pokmas.example"))
    page = login_client(app, head).get("/staf/pengaduan/?waiting=y").get_data(as_text=True)
    assert "Kurniawan Saputra" in page
    assert "Lukman Hakim" not in page  # returned to Lapas Sukamiskin: no longer waiting
