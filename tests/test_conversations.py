"""Threads on observations and referrals (issue 11 §3, §8): the partner and the PK talk, with
read markers and files; internal staff notes are never shown, counted, emailed or notified to
the partner; replies sent at once are each stored once; the referral thread keeps the
candidate pseudonymous."""
from __future__ import annotations

import datetime as dt
import io

import requests
from sqlalchemy import func, select

from portal import uploads
from portal.conversations.models import Message
from portal.extensions import db
from portal.notifications import Notification
from portal.observations.models import Observation

from .files import pdf_bytes
from .support import PASSWORD, login_client, make_posting, t
from .test_boundary import at_once, serving

TODAY = dt.date.today()
NOTE = "Catatan internal: klien pernah terlibat perkelahian tahun lalu."


def new_messages(app, n: int) -> str:
    """The badge of n unread messages, as an Indonesian reader sees it."""
    from flask_babel import force_locale, ngettext
    with app.test_request_context(), force_locale("id"):
        return ngettext("%(num)d new message", "%(num)d new messages", n)


def _world(app, users, clients):
    officer = users.make("officer")
    partner = users.make("partner")
    record = clients.make(officer=officer, full_name="Wibisono Kartawijaya")
    clients.assign(record, partner.partner_org_id, starts_on=TODAY - dt.timedelta(days=30))
    response = login_client(app, partner).post(f"/mitra/klien/{record.public_id}/pengamatan", data={
        "observed_on": TODAY.isoformat(), "category": "concern", "submission_key": "obs-1",
        "narrative": "Klien tidak datang bekerja tiga hari tanpa kabar."}, content_type="multipart/form-data")
    assert response.status_code == 302
    with app.app_context():
        observation = db.session.scalar(select(Observation.public_id))
    return officer, partner, record, observation


def _say(session, observation: str, body: str, key: str, **extra):
    return session.post(f"/percakapan/pengamatan/{observation}", content_type="multipart/form-data",
                        data={"body": body, "submission_key": key, **extra})


def test_partner_and_officer_talk_and_the_partner_adds_a_file(app, users, clients, mailbox):
    officer, partner, record, observation = _world(app, users, clients)
    mailbox.flush()
    helper, staff = login_client(app, partner), login_client(app, officer)
    assert _say(staff, observation, "Apakah klien sudah kembali bekerja?", "m-1").status_code == 302
    partner_page = helper.get(f"/mitra/klien/pengamatan/{observation}").get_data(as_text=True)
    assert "Apakah klien sudah kembali bekerja?" in partner_page
    answer = _say(helper, observation, "Sudah, hari ini datang tepat waktu.", "m-2",
                  attachment=(io.BytesIO(pdf_bytes("Daftar hadir")), "daftar-hadir.pdf"))
    assert answer.headers["Location"] == f"/mitra/klien/pengamatan/{observation}#percakapan"
    staff_page = staff.get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    assert "Sudah, hari ini datang tepat waktu." in staff_page and "daftar-hadir.pdf" in staff_page
    with app.app_context():
        message = db.session.scalar(select(Message).where(Message.side == "partner"))
        [stored] = uploads.attachments_of(message)
        url = f"/percakapan/pengamatan/{observation}/berkas/{message.public_id}/{stored.id}"
    download = staff.get(url)
    assert download.status_code == 200 and download.headers["Content-Disposition"].startswith("attachment")
    assert helper.get(url).status_code == 200  # the partner opens their own file too


def test_an_internal_note_never_reaches_the_partner(app, users, clients, mailbox):
    officer, partner, record, observation = _world(app, users, clients)
    mailbox.flush()
    staff, helper = login_client(app, officer), login_client(app, partner)
    assert _say(staff, observation, NOTE, "n-1", internal="y",
                attachment=(io.BytesIO(pdf_bytes("Rahasia")), "rahasia.pdf")).status_code == 302
    staff_page = staff.get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    assert NOTE in staff_page and t(app, "Internal note (staff only)") in staff_page
    # not shown, not counted, not notified, not emailed
    for url in (f"/mitra/klien/pengamatan/{observation}", f"/mitra/klien/{record.public_id}", "/notifikasi/"):
        page = helper.get(url).get_data(as_text=True)
        assert NOTE not in page and "rahasia.pdf" not in page, url
        assert new_messages(app, 1) not in page, url
    assert mailbox.to(partner.email) == []
    with app.app_context():
        assert db.session.scalar(select(func.count(Notification.id)).where(
            Notification.user_id == partner.id, Notification.kind == "thread_message")) == 0
        note = db.session.scalar(select(Message).where(Message.visibility == "internal"))
        [stored] = uploads.attachments_of(note)
        url = f"/percakapan/pengamatan/{observation}/berkas/{note.public_id}/{stored.id}"
    assert helper.get(url).status_code == 404
    # a partner's "internal" box is ignored: their message is shared
    _say(helper, observation, "Pesan mitra yang mencoba menjadi catatan internal.", "n-2", internal="y")
    with app.app_context():
        assert db.session.scalar(select(Message.visibility).where(Message.side == "partner")) == "shared"


def test_a_shared_message_tells_the_other_side_without_details(app, users, clients, mailbox):
    officer, partner, record, observation = _world(app, users, clients)
    mailbox.flush()
    _say(login_client(app, officer), observation, "Mohon kabari bila klien tidak datang lagi.", "e-1")
    [email] = mailbox.to(partner.email)
    body = mailbox.body(email)
    assert t(app, "There is a new message for you in a conversation in the portal. Sign in to read it:") in body
    for detail in ("Wibisono", "Kartawijaya", "Mohon kabari", officer.name):
        assert detail not in body and detail not in email["Subject"]
    assert any(link.endswith(f"/mitra/klien/pengamatan/{observation}#percakapan")
               for link in mailbox.links(email))
    _say(login_client(app, partner), observation, "Baik, akan kami kabari.", "e-2")
    [to_officer] = [m for m in mailbox.to(officer.email) if "percakapan" in mailbox.body(m)]
    assert "Baik, akan kami kabari." not in mailbox.body(to_officer)


def test_unread_counts_and_read_markers(app, users, clients):
    officer, partner, record, observation = _world(app, users, clients)
    staff, helper = login_client(app, officer), login_client(app, partner)
    _say(helper, observation, "Pesan pertama dari mitra.", "u-1")
    _say(helper, observation, "Pesan kedua dari mitra.", "u-2")
    inbox = staff.get("/staf/pengamatan/").get_data(as_text=True)
    assert new_messages(app, 2) in inbox
    staff.get(f"/staf/pengamatan/{observation}")  # read
    assert new_messages(app, 2) not in staff.get("/staf/pengamatan/").get_data(as_text=True)
    _say(staff, observation, "Terima kasih atas kabarnya.", "u-3")
    _say(staff, observation, NOTE, "u-4", internal="y")
    client_page = helper.get(f"/mitra/klien/{record.public_id}").get_data(as_text=True)
    assert new_messages(app, 1) in client_page  # the note is not counted


def test_bad_input_is_explained_and_the_text_kept(app, users, clients):
    officer, partner, record, observation = _world(app, users, clients)
    helper = login_client(app, partner)
    short = _say(helper, observation, "x", "b-1")
    assert short.status_code == 400
    assert t(app, "Field must be between %(min)d and %(max)d characters long.", min=2, max=5000) \
        in short.get_data(as_text=True)
    wrong = _say(helper, observation, "Teks yang diketik mitra dengan berkas salah.", "b-2",
                 attachment=(io.BytesIO(b"just some text, not a pdf"), "catatan.pdf"))
    page = wrong.get_data(as_text=True)
    assert wrong.status_code == 400 and "Teks yang diketik mitra dengan berkas salah." in page
    assert t(app, "Only PDF, JPEG or PNG files are accepted (checked by content, "
                  "not by the file name).") in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Message.id))) == 0


def test_two_replies_at_once_are_both_stored_and_one_reply_sent_twice_once(app, users, clients):
    officer, partner, record, observation = _world(app, users, clients)
    with serving(app) as base:
        def signed_in():
            browser = requests.Session()
            assert browser.post(f"{base}/masuk", data={"email": officer.email, "password": PASSWORD},
                                timeout=30, allow_redirects=False).status_code == 302
            return browser
        tabs = [signed_in() for _ in range(4)]
        url = f"{base}/percakapan/pengamatan/{observation}"
        sends = [("Balasan pertama.", "key-a"), ("Balasan kedua.", "key-b"),
                 ("Balasan ganda.", "key-c"), ("Balasan ganda.", "key-c")]
        results = at_once([lambda tab=tab, b=b, k=k: tab.post(
            url, data={"body": b, "submission_key": k}, timeout=60, allow_redirects=False)
            for tab, (b, k) in zip(tabs, sends, strict=True)])
    assert [r.status_code for r in results] == [302, 302, 302, 302]
    with app.app_context():
        bodies = sorted(db.session.scalars(select(Message.body)))
    assert bodies == ["<p>Balasan ganda.</p>", "<p>Balasan kedua.</p>", "<p>Balasan pertama.</p>"]


def test_the_referral_thread_shows_the_partner_the_code_not_the_name(app, users, clients):
    officer = users.make("officer")
    partner = users.make("partner")
    record = clients.make(officer=officer, full_name="Sutrisno Wicaksana")
    posting = make_posting(app, partner.partner_org_id)
    staff = login_client(app, officer)
    response = staff.post(f"/staf/klien/{record.public_id}/rujuk", data={
        "opportunity": posting.public_id, "consent_on": TODAY.isoformat(), "consent_method": "in_person",
        "disclosure": "after", "summary": "Terampil menjahit, siap bekerja pagi hari.",
        "submission_key": "ref-1"})
    code = response.headers["Location"].rsplit("/", 1)[1]
    staff_page = staff.get(f"/staf/rujukan/{code}").get_data(as_text=True)
    assert t(app, "The partner sees the candidate code only: do not write the client's name, "
                  "address or offence here until the name is released.").replace("'", "&#39;") in staff_page
    _say_referral = staff.post(f"/percakapan/rujukan/{code}", data={
        "body": "Kandidat bisa wawancara hari Senin.", "submission_key": "r-1"})
    assert _say_referral.headers["Location"] == f"/staf/rujukan/{code}#percakapan"
    helper = login_client(app, partner)
    page = helper.get(f"/mitra/kandidat/{code}").get_data(as_text=True)
    assert "Kandidat bisa wawancara hari Senin." in page and code in page
    assert "Sutrisno" not in page and "Wicaksana" not in page
    assert helper.post(f"/percakapan/rujukan/{code}", data={
        "body": "Baik, kami tunggu Senin pukul sembilan.", "submission_key": "r-2"}).status_code == 302
    assert new_messages(app, 1) in staff.get("/staf/lowongan/").get_data(as_text=True)
    assert "Baik, kami tunggu Senin" in staff.get(f"/staf/rujukan/{code}").get_data(as_text=True)
    assert new_messages(app, 1) not in staff.get("/staf/lowongan/").get_data(as_text=True)
    staff.post(f"/percakapan/rujukan/{code}", data={"body": "Sampai Senin.", "submission_key": "r-3"})
    posting_page = helper.get(f"/lowongan/{posting.public_id}").get_data(as_text=True)
    assert new_messages(app, 1) in posting_page and "Sutrisno" not in posting_page


def test_a_long_thread_costs_the_same_queries_as_a_short_one(app, users, clients):
    from .test_visits_due import _statements
    officer, partner, record, observation = _world(app, users, clients)
    staff, helper = login_client(app, officer), login_client(app, partner)
    counts = {}
    for size in (3, 30):
        with app.app_context():
            item = db.session.scalar(select(Observation))
            for i in range(size - len(counts) * 5):
                message = Message(observation_id=item.id, office_id=item.office_id, author_id=partner.id,
                                  side="partner", visibility="shared", body=f"<p>Pesan {size}-{i}</p>")
                db.session.add(message)
                db.session.flush()
                uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", f"b{i}.pdf"), message,
                              "message", uploaded_by=None)
            db.session.commit()
        staff.get(f"/staf/pengamatan/{observation}")  # each reader has a read marker by now
        helper.get(f"/mitra/klien/pengamatan/{observation}")
        _say(staff, observation, f"Balasan petugas {size}.", f"long-{size}")
        _say(helper, observation, f"Balasan mitra {size}.", f"long-p-{size}")
        counts[size] = (_statements(app, lambda: staff.get(f"/staf/pengamatan/{observation}")),
                        _statements(app, lambda: helper.get(f"/mitra/klien/pengamatan/{observation}")))
    assert counts[3] == counts[30]
