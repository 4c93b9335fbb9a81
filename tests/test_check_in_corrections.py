"""Check-in history is evidence (issue 10 point 8): a recorded month changes only as a
correction with a reason, through a confirmation page that restates the change; the earlier
value stays in the client's timeline; a second submit changes nothing twice; no JavaScript."""
from __future__ import annotations

from sqlalchemy import select

from portal.audit import AuditEvent
from portal.clients.models import CheckIn, ClientEvent
from portal.extensions import db

from .support import login_client

REASON = "Daftar hadir Juli menunjukkan klien datang pada 14 Juli."


def _recorded(app, users, clients, outcome="attended"):
    officer = users.make("officer")
    client = clients.make(officer=officer, full_name="Rudi Hartono")
    session = login_client(app, officer)
    assert session.post(f"/staf/klien/{client.public_id}/wajib-lapor",
                        data={"month": "2026-07", "outcome": outcome}).status_code == 302
    return officer, client, session


def _outcome(app, client) -> str:
    with app.app_context():
        return db.session.scalar(select(CheckIn.outcome).where(CheckIn.client_id == client.id))


def test_recording_a_recorded_month_again_shows_the_confirmation_page(app, users, clients):
    _, client, session = _recorded(app, users, clients)
    response = session.post(f"/staf/klien/{client.public_id}/wajib-lapor",
                            data={"month": "2026-07", "outcome": "missed"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Wajib lapor Juli 2026: Hadir → Tidak hadir" in page
    assert "Rudi Hartono" in page and "Alasan koreksi" in page
    # a plain form POST to the correction (no JavaScript), the change carried in the form
    assert f'<form method="post" action="/staf/klien/{client.public_id}/wajib-lapor/koreksi"' in page
    assert 'name="month" type="hidden" value="2026-07"' in page
    assert 'name="outcome" type="hidden" value="missed"' in page
    assert _outcome(app, client) == "attended"  # nothing changed yet


def test_the_same_outcome_again_changes_nothing(app, users, clients):
    _, client, session = _recorded(app, users, clients)
    response = session.post(f"/staf/klien/{client.public_id}/wajib-lapor",
                            data={"month": "2026-07", "outcome": "attended"}, follow_redirects=True)
    assert "Bulan ini sudah tercatat “Hadir”; tidak ada yang diubah." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(ClientEvent).where(
            ClientEvent.action == "checkin_corrected")) is None


def test_a_correction_without_a_reason_is_refused(app, users, clients):
    _, client, session = _recorded(app, users, clients)
    response = session.post(f"/staf/klien/{client.public_id}/wajib-lapor/koreksi",
                            data={"month": "2026-07", "outcome": "missed", "correction": "  "})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Isi alasan koreksi." in page and "Wajib lapor Juli 2026: Hadir → Tidak hadir" in page
    assert _outcome(app, client) == "attended"


def test_a_correction_of_a_month_not_recorded_is_refused(app, users, clients):
    _, client, session = _recorded(app, users, clients)
    response = session.post(f"/staf/klien/{client.public_id}/wajib-lapor/koreksi",
                            data={"month": "2026-08", "outcome": "missed", "correction": REASON},
                            follow_redirects=True)
    assert "Belum ada wajib lapor yang tercatat untuk bulan ini" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(CheckIn)).all()[0].month.isoformat() == "2026-07-01"


def test_the_correction_keeps_the_earlier_value_in_the_timeline(app, users, clients):
    officer, client, session = _recorded(app, users, clients)
    url = f"/staf/klien/{client.public_id}/wajib-lapor/koreksi"
    data = {"month": "2026-07", "outcome": "missed", "correction": REASON}
    first = session.post(url, data=data)
    assert first.status_code == 302 and first.headers["Location"] == f"/staf/klien/{client.public_id}#checkins"
    second = session.post(url, data=data, follow_redirects=True)  # the same page sent twice
    assert "tidak ada yang diubah" in second.get_data(as_text=True)
    assert _outcome(app, client) == "missed"
    with app.app_context():
        corrections = db.session.scalars(select(ClientEvent).where(
            ClientEvent.action == "checkin_corrected")).all()
        assert [(e.from_status, e.to_status, e.note, e.actor_id) for e in corrections] == [
            ("attended", "missed", REASON, officer.id)]
        audits = db.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "client.checkin_corrected")).all()
        assert len(audits) == 1
    page = session.get(f"/staf/klien/{client.public_id}").get_data(as_text=True)
    assert f"diubah dari Hadir menjadi Tidak hadir: {REASON}" in page


def test_an_excused_correction_needs_the_excuse(app, users, clients):
    _, client, session = _recorded(app, users, clients, outcome="missed")
    response = session.post(f"/staf/klien/{client.public_id}/wajib-lapor/koreksi",
                            data={"month": "2026-07", "outcome": "excused", "correction": REASON},
                            follow_redirects=True)
    assert "Sebutkan alasan berhalangan." in response.get_data(as_text=True)
    assert _outcome(app, client) == "missed"
