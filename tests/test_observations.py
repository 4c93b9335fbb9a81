"""Observations: partners report, officers answer; urgent ones arrive at once."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from sqlalchemy import func, select

from portal import uploads
from portal.extensions import db
from portal.notifications import Notification
from portal.observations.models import Observation

from .files import jpeg_with_gps
from .support import OFFICE_B, login_client

TODAY = dt.date.today()


@pytest.fixture
def setup(app, users, clients):
    officer = users.make("officer")
    partner = users.make("partner")
    record = clients.make(officer=officer)
    clients.assign(record, partner.partner_org_id, starts_on=TODAY - dt.timedelta(days=60))
    return officer, partner, record


def report(session, record, **overrides):
    data = {"observed_on": TODAY.isoformat(), "category": "routine",
            "narrative": "Klien datang bekerja tepat waktu setiap hari minggu ini.",
            "submission_key": f"key-{overrides.get('submission_key', 'x')}"}
    data.update(overrides)
    return session.post(f"/mitra/klien/{record.public_id}/pengamatan", data=data,
                        content_type="multipart/form-data")


def test_urgent_observation_reaches_the_officer_at_once(app, setup, mailbox):
    officer, partner, record = setup
    response = report(login_client(app, partner), record, category="suspected_violation",
                      grounds=["PUBLIC_UNREST", "NEW_OFFENCE"],
                      narrative="Klien terlibat perkelahian di pasar pada malam hari.")
    assert response.status_code == 302
    [email] = mailbox.to(officer.email)
    assert record.full_name not in mailbox.body(email)  # no client data in email
    with app.app_context():
        assert (
            db.session.scalar(select(Notification.kind).where(Notification.user_id == officer.id))
            == "observation_urgent"
        )
        assert db.session.scalar(select(Observation.grounds)) == ["PUBLIC_UNREST", "NEW_OFFENCE"]


def test_routine_observation_waits_for_the_daily_digest(app, setup, mailbox):
    officer, partner, record = setup
    report(login_client(app, partner), record)
    assert mailbox.to(officer.email) == []
    app.test_cli_runner().invoke(args=["clients", "daily"])
    app.test_cli_runner().invoke(args=["clients", "daily"])
    digests = mailbox.to(officer.email)
    assert len(digests) == 1 and "1" in mailbox.body(digests[0])


def test_same_form_twice_creates_one(app, setup):
    _, partner, record = setup
    session = login_client(app, partner)
    report(session, record, submission_key="same")
    report(session, record, submission_key="same")
    with app.app_context():
        assert db.session.scalar(select(func.count(Observation.id))) == 1


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"observed_on": (TODAY + dt.timedelta(days=1)).isoformat()}, "Tanggal tidak boleh di masa mendatang."),
        ({"observed_on": (TODAY - dt.timedelta(days=90)).isoformat()}, "Tanggal harus berada dalam masa pendampingan"),
        ({"category": "suspected_violation"}, "Pilih minimal satu syarat untuk dugaan pelanggaran."),
        ({"narrative": "pendek"}, None),
        ({"category": "bogus"}, None),
    ],
)
def test_bad_observations_are_refused(app, setup, overrides, message):
    _, partner, record = setup
    response = report(login_client(app, partner), record, **overrides)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'aria-invalid="true"' in page
    if message:
        assert message in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Observation.id))) == 0


def test_html_is_sanitized_and_photos_lose_their_location(app, setup, users):
    officer, partner, record = setup
    report(
        login_client(app, partner),
        record,
        narrative="<p>Klien <strong>rajin</strong> bekerja.</p><script>alert(1)</script>"
        '<img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>',
        attachment=(io.BytesIO(jpeg_with_gps()), "foto.jpg"),
    )
    with app.app_context():
        observation = db.session.scalar(select(Observation))
        assert "<strong>rajin</strong>" in observation.narrative
        for bad in ("<script", "onerror", "javascript:", "<img"):
            assert bad not in observation.narrative
        [photo] = uploads.attachments_of(observation)
        assert b"SecretCam" not in uploads.read(photo)
        public_id = observation.public_id
    page = login_client(app, officer).get(f"/staf/pengamatan/{public_id}").get_data(as_text=True)
    assert "<strong>rajin</strong>" in page
    assert page.count("<script") == 1 and "onerror" not in page and "javascript:" not in page


def test_correction_keeps_the_earlier_version_for_staff(app, setup, users):
    officer, partner, record = setup
    session = login_client(app, partner)
    report(session, record, narrative="Versi pertama dari laporan pengamatan.")
    with app.app_context():
        public_id = db.session.scalar(select(Observation.public_id))
    session.post(
        f"/mitra/klien/pengamatan/{public_id}/ubah",
        data={
            "observed_on": TODAY.isoformat(),
            "category": "concern",
            "narrative": "Versi kedua yang sudah diperbaiki.",
        },
    )
    staff_page = login_client(app, officer).get(f"/staf/pengamatan/{public_id}").get_data(as_text=True)
    assert "Versi kedua yang sudah diperbaiki." in staff_page
    assert "Versi pertama dari laporan pengamatan." in staff_page
    partner_page = session.get(f"/mitra/klien/pengamatan/{public_id}").get_data(as_text=True)
    assert "Versi pertama" not in partner_page


def test_only_the_author_corrects_and_only_before_the_answer(app, setup, users):
    officer, partner, record = setup
    colleague = users.make("partner", partner_org_id=partner.partner_org_id)
    report(login_client(app, partner), record, narrative="Laporan asli dari penulis pertama.")
    with app.app_context():
        observation = db.session.scalar(select(Observation))
        public_id, version = observation.public_id, observation.version
    changed = {
        "observed_on": TODAY.isoformat(),
        "category": "routine",
        "narrative": "Diubah oleh orang lain sama sekali.",
    }
    login_client(app, colleague).post(f"/mitra/klien/pengamatan/{public_id}/ubah", data=changed)
    login_client(app, officer).post(
        f"/staf/pengamatan/{public_id}/tanggapi", data={"version": version, "reply": "Terima kasih, kami pantau."}
    )
    login_client(app, partner).post(f"/mitra/klien/pengamatan/{public_id}/ubah", data=changed)
    with app.app_context():
        observation = db.session.scalar(select(Observation))
        assert observation.narrative.startswith("<p>Laporan asli") and observation.revisions == []


def test_inbox_order_and_scope(app, setup, users, clients):
    officer, partner, record = setup
    session = login_client(app, partner)
    report(session, record, submission_key="a", narrative="Rutin: datang tepat waktu ke tempat kerja.")
    report(session, record, submission_key="b", category="concern", narrative="Khawatir: sering pulang larut malam.")
    report(
        session,
        record,
        submission_key="c",
        category="suspected_violation",
        grounds=["MOVED_WITHOUT_NOTICE"],
        narrative="Dugaan: pindah rumah tanpa melapor ke Bapas.",
    )
    other_officer = users.make("officer")
    inbox = login_client(app, officer).get("/staf/pengamatan/").get_data(as_text=True)
    assert inbox.index("Dugaan pelanggaran") < inbox.index("Kekhawatiran") < inbox.index("Kontak rutin")
    assert record.full_name not in login_client(app, other_officer).get("/staf/pengamatan/").get_data(as_text=True)
    assert record.full_name in login_client(app, users.make("supervisor")).get("/staf/pengamatan/").get_data(
        as_text=True
    )
    assert record.full_name not in login_client(app, users.make("supervisor", office_code=OFFICE_B)).get(
        "/staf/pengamatan/"
    ).get_data(as_text=True)


def test_answer_and_follow_up(app, setup):
    officer, partner, record = setup
    report(login_client(app, partner), record, category="concern", narrative="Klien terlihat murung dan menghindar.")
    with app.app_context():
        observation = db.session.scalar(select(Observation))
        public_id, version = observation.public_id, observation.version
    staff = login_client(app, officer)
    staff.post(
        f"/staf/pengamatan/{public_id}/tanggapi",
        data={
            "version": version,
            "reply": "Terima kasih, saya akan berkunjung minggu ini.",
            "follow_up": "warning_issued",
            "note": "Kunjungan Kamis.",
        },
    )
    partner_page = login_client(app, partner).get(f"/mitra/klien/pengamatan/{public_id}").get_data(as_text=True)
    assert "saya akan berkunjung minggu ini" in partner_page
    assert "Kunjungan Kamis." not in partner_page  # the follow-up note is for staff
    with app.app_context():
        observation = db.session.scalar(select(Observation))
        assert observation.status == "followed_up" and observation.follow_up == "warning_issued"
        assert db.session.scalar(
            select(Notification).where(Notification.user_id == partner.id, Notification.kind == "observation_answered")
        )


def test_stale_answer_is_refused(app, setup, users):
    officer, partner, record = setup
    report(login_client(app, partner), record)
    with app.app_context():
        observation = db.session.scalar(select(Observation))
        public_id, version = observation.public_id, observation.version
    login_client(app, officer).post(
        f"/staf/pengamatan/{public_id}/tanggapi", data={"version": version, "reply": "Pertama."}
    )
    login_client(app, users.make("supervisor")).post(
        f"/staf/pengamatan/{public_id}/tanggapi", data={"version": version, "reply": "Kedua."}
    )
    with app.app_context():
        assert db.session.scalar(select(Observation.reply)) == "Pertama."


def test_other_partners_and_other_bapas_get_404(app, setup, users):
    officer, partner, record = setup
    report(login_client(app, partner), record)
    with app.app_context():
        public_id = db.session.scalar(select(Observation.public_id))
    assert login_client(app, users.make("partner")).get(f"/mitra/klien/pengamatan/{public_id}").status_code == 404
    assert (
        login_client(app, users.make("officer", office_code=OFFICE_B)).get(f"/staf/pengamatan/{public_id}").status_code
        == 404
    )


def _stored(app, record, assignment, partner, category, created_at, status="submitted"):
    """An observation put straight into the database, received at `created_at`."""
    with app.app_context():
        observation = Observation(client_id=record.id, office_id=record.office_id,
                                  assignment_id=assignment.id, partner_org_id=assignment.partner_org_id,
                                  author_id=partner.id, observed_on=TODAY, category=category,
                                  narrative="<p>Catatan.</p>", status=status, created_at=created_at)
        db.session.add(observation)
        db.session.commit()
        return observation.public_id


def test_inbox_puts_violations_then_concerns_first_then_the_oldest(app, users, clients):
    """The inbox (issue 4 §5): an officer sees the observations about their own clients, the
    supervisor and the head those of the whole Bapas; suspected violations first, then concerns,
    then the rest, each by the time it was received, oldest first; one status at a time."""
    officer, colleague, partner = users.make("officer"), users.make("officer"), users.make("partner")
    mine, theirs = clients.make(officer=officer), clients.make(officer=colleague)
    elsewhere = clients.make(office_code=OFFICE_B)
    at = {name: clients.assign(record, partner.partner_org_id)
          for name, record in (("mine", mine), ("theirs", theirs), ("elsewhere", elsewhere))}
    base = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)

    def stored(record, key, category, minutes, status="submitted"):
        return _stored(app, record, at[key], partner, category,
                       base + dt.timedelta(minutes=minutes), status)

    # Stored in an order that is neither the urgency nor the time received.
    progress_late = stored(mine, "mine", "progress", 50)
    routine_early = stored(mine, "mine", "routine", 5)
    violation = stored(mine, "mine", "suspected_violation", 40)
    concern_late = stored(theirs, "theirs", "concern", 30)
    concern_early = stored(mine, "mine", "concern", 10)
    stored(elsewhere, "elsewhere", "suspected_violation", 1)
    answered = stored(mine, "mine", "routine", 2, status="acknowledged")
    stored(mine, "mine", "concern", 3, status="archived")

    def inbox(who, query=""):
        page = login_client(app, who).get(f"/staf/pengamatan/{query}").get_data(as_text=True)
        return re.findall(r'href="/staf/pengamatan/([A-Za-z0-9_-]+)"', page)

    assert inbox(officer) == [violation, concern_early, routine_early, progress_late]
    assert inbox(users.make("supervisor")) == [violation, concern_early, concern_late,
                                               routine_early, progress_late]
    assert inbox(users.make("head")) == inbox(users.make("supervisor"))
    assert inbox(officer, "?status=acknowledged") == [answered]


def test_the_partner_sees_its_own_observations_of_this_client_newest_first(app, users, clients):
    officer, partner = users.make("officer"), users.make("partner")
    other_partner = users.make("partner")
    record, other_record = clients.make(officer=officer), clients.make(officer=officer)
    ours = clients.assign(record, partner.partner_org_id)
    theirs = clients.assign(record, other_partner.partner_org_id)
    ours_other = clients.assign(other_record, partner.partner_org_id)
    base = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    first = _stored(app, record, ours, partner, "routine", base)
    second = _stored(app, record, ours, partner, "progress", base + dt.timedelta(hours=1))
    _stored(app, record, theirs, other_partner, "concern", base)       # another partner's
    _stored(app, other_record, ours_other, partner, "concern", base)   # about another client
    page = login_client(app, partner).get(f"/mitra/klien/{record.public_id}").get_data(as_text=True)
    assert re.findall(r'href="/mitra/klien/pengamatan/([A-Za-z0-9_-]+)"', page) == [second, first]


def test_a_partner_never_opens_another_partners_observation_of_a_client_both_support(app, users, clients):
    """DESIGN §2: partners never see other partners' observations — not even of a client both
    organisations support."""
    ours, theirs = users.make("partner"), users.make("partner")
    record = clients.make()
    our_assignment = clients.assign(record, ours.partner_org_id)
    clients.assign(record, theirs.partner_org_id)
    public_id = _stored(app, record, our_assignment, ours, "concern",
                        dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC))
    assert login_client(app, ours).get(f"/mitra/klien/pengamatan/{public_id}").status_code == 200
    assert login_client(app, theirs).get(f"/mitra/klien/pengamatan/{public_id}").status_code == 404
