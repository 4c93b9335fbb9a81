"""Issue 10 §1–§3, §6: every deliberate decision through its confirmation page (grounds and
reasons required, a second submit does nothing twice, a plain form POST without JavaScript),
the sanctions ladder, the execution after the decree, the client's other complaints closed,
and partners told only that their support ended. Expected words are the catalogue's
Indonesian, written out here."""
from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.complaints.models import Complaint, ComplaintEvent
from portal.extensions import db

from .support import GROUNDS, login_client, make_complaint, prefixed
from .test_complaints_steps import _prepared

TODAY = dt.date.today()
CHOOSE_A_GROUND = "Pilih minimal satu alasan."
ALREADY = "Langkah ini sudah dilakukan; tidak ada yang dilakukan untuk kedua kalinya."

# (decision, the state it is taken from, who takes it, what else its form needs) — DESIGN §5,
# issue 10 §1 "close at triage, not pursued, written warning, summons, intensified
# supervision, temporary revocation, proposal, forwarding, the final outcomes".
IN_A_WEEK, IN_90_DAYS = (TODAY + dt.timedelta(days=7)).isoformat(), (TODAY + dt.timedelta(days=90)).isoformat()
DECISIONS = [
    ("close", "submitted", "supervisor", {"reason": "not_violation"}),
    ("decide_not_pursued", "tpp_hearing", "head", {"reason": "insufficient"}),
    ("decide_warning", "tpp_hearing", "head", {}),
    ("decide_summons", "tpp_hearing", "head",
     {"appear_on": IN_A_WEEK, "appear_time": "09:00", "appear_place": "Kantor Bapas, ruang PK"}),
    ("decide_intensive", "tpp_hearing", "head", {"period_end_on": IN_90_DAYS, "review_on": IN_A_WEEK}),
    ("decide_temporary_revocation", "tpp_hearing", "head", {}),
    ("propose", "temporarily_revoked", "head", {}),
    ("forward", "proposed", "regional", {}),
    ("record_revoked", "forwarded", "regional", {"decree_number": "PAS-1.PK.05.09/2026",
                                                 "decree_on": TODAY.isoformat()}),
    ("record_cancelled", "forwarded", "regional", {"decree_number": "PAS-2.PK.05.09/2026",
                                                   "decree_on": TODAY.isoformat(),
                                                   "grounds": ["CONDITIONS_NOT_MET"]}),
    ("record_not_revoked", "forwarded", "regional", {"decree_number": "PAS-3.PK.05.09/2026",
                                                     "decree_on": TODAY.isoformat()}),
]
TARGET_ID = {"close": "Tidak ditindaklanjuti", "decide_not_pursued": "Tidak ditindaklanjuti",
             "decide_warning": "Teguran / pengawasan intensif",
             "decide_summons": "Teguran / pengawasan intensif",
             "decide_intensive": "Teguran / pengawasan intensif",
             "decide_temporary_revocation": "Dicabut sementara", "propose": "Diusulkan ke Kanwil",
             "forward": "Diteruskan ke Ditjenpas", "record_revoked": "Dicabut",
             "record_cancelled": "Dibatalkan (pembatalan PB)", "record_not_revoked": "Tidak dicabut"}
# The letters each decision records for the documents package (issue 10 §4; the PDFs are the
# documents work): the first line of each "letter to be issued" entry of the timeline.
LETTERS_ID = {"decide_warning": ["Keputusan Kepala Bapas", "Surat teguran kepada klien"],
              "decide_summons": ["Keputusan Kepala Bapas", "Surat panggilan kepada klien"],
              "decide_intensive": ["Keputusan Kepala Bapas"],
              "decide_temporary_revocation": ["Keputusan Kepala Bapas"],
              "forward": ["Surat penerusan ke Ditjenpas"]}
CLIENT_STATUS = {"decide_temporary_revocation": "temporarily_revoked", "record_revoked": "revoked",
                 "record_cancelled": "revoked", "record_not_revoked": "active",
                 "decide_intensive": "intensive"}


def _case(app, users, clients, state: str):
    officer = users.make("officer")
    complaint, _version = _prepared(app, clients, state, officer)
    if state in ("temporarily_revoked", "proposed", "forwarded"):
        with app.app_context():
            db.session.get(Complaint, complaint.id).client.status = "temporarily_revoked"
            db.session.commit()
    return complaint


def _state(app, complaint_id: int, action: str):
    with app.app_context():
        stored = db.session.get(Complaint, complaint_id)
        moves = [e for e in stored.events if e.kind == "move" and e.action == action]
        return stored.status, stored.version, moves, stored.client.status if stored.client else None


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _words(response) -> str:
    """The page's text without its markup, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", _page(response)).split())


@pytest.mark.parametrize("action, state, who, extra", DECISIONS, ids=[d[0] for d in DECISIONS])
def test_each_decision_confirmed_with_its_grounds(app, users, clients, action, state, who, extra):
    complaint = _case(app, users, clients, state)
    session = login_client(app, users.make(who))
    url = f"/staf/pengaduan/{complaint.reference}/langkah/{action}"
    _status, version, _moves, client_before = _state(app, complaint.id, action)

    # GET restates what will happen, to whom; the case page links here instead of acting
    case_page = _page(session.get(f"/staf/pengaduan/{complaint.reference}"))
    assert f'href="{url}"' in case_page
    confirm = session.get(url)
    page = _page(confirm)
    assert "Yang akan terjadi" in page and "Yang diberi tahu" in page
    assert f"→ {TARGET_ID[action]}" in _words(confirm)
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).client.full_name in page

    # refused without grounds and reasons: the page comes back, the field marked, text kept
    form = {"version": version, **extra}
    refused = session.post(url, data=prefixed(action, {**form, "grounds_text": "Belum lengkap sekali"}
                                              if action != "record_cancelled" else
                                              {**form, "grounds": [], "grounds_text": "Belum lengkap sekali"}))
    text = _page(refused)
    assert refused.status_code == 200
    assert CHOOSE_A_GROUND in text and 'aria-invalid="true"' in text
    assert "Belum lengkap sekali" in text  # what was typed stays
    assert 'class="alert alert-danger"' in text  # the summary at the top
    no_reason = session.post(url, data=prefixed(action, {**GROUNDS, **form, "grounds_text": ""}))
    assert no_reason.status_code == 200 and "Tuliskan alasan keputusan ini." in _page(no_reason)
    assert _state(app, complaint.id, action)[:3] == (state, version, [])

    # a plain form POST (no JavaScript) takes it; the same form sent again does nothing twice
    data = prefixed(action, {**GROUNDS, **form})
    first = session.post(url, data=data)
    assert first.status_code == 302 and first.headers["Location"] == f"/staf/pengaduan/{complaint.reference}"
    second = session.post(url, data=data, follow_redirects=True)
    assert ALREADY in _page(second)
    status, _version, moves, client_after = _state(app, complaint.id, action)
    assert status != state and len(moves) == 1
    # the grounds by their labels and the reasons, in the timeline and (as codes) in the audit
    assert GROUNDS["grounds_text"] in moves[0].body
    label = ("Syarat pembebasan bersyarat tidak terpenuhi saat diberikan" if action == "record_cancelled"
             else "Menimbulkan keresahan dalam masyarakat")
    assert f"Dasar: {label}" in moves[0].body
    with app.app_context():
        letters = db.session.scalars(select(ComplaintEvent.body).where(
            ComplaintEvent.complaint_id == complaint.id, ComplaintEvent.action == "letter_recorded")).all()
        assert sorted(body.split("\n")[0] for body in letters) == LETTERS_ID.get(action, [])
    with app.app_context():
        audit = db.session.scalars(select(AuditEvent).where(
            AuditEvent.action == f"complaint.{action}")).all()
        assert len(audit) == 1
        assert audit[0].details["reason_given"] is True
        assert audit[0].details["grounds"] == (extra.get("grounds") or GROUNDS["grounds"])
    if action in CLIENT_STATUS:  # the client's status before → after, as the page said
        assert (client_before, client_after) == (
            "temporarily_revoked" if state in ("proposed", "forwarded", "temporarily_revoked") else "active",
            CLIENT_STATUS[action])


def test_blocked_steps_are_shown_disabled_with_the_reason(app, users, clients):
    """Issue 10 §6: "Rekam BAP klien terlebih dahulu" instead of an offer that is refused."""
    officer = users.make("officer")
    complaint, _version = _prepared(app, clients, "examination", officer, baps=("complainant",))
    page = _page(login_client(app, officer).get(f"/staf/pengaduan/{complaint.reference}"))
    assert "Rekam BAP klien terlebih dahulu" in page
    assert "Rekam BAP pelapor terlebih dahulu" not in page
    assert "disabled" in page
    head = users.make("head")
    unheard, _version = _prepared(app, clients, "tpp_hearing", officer, hearing=False)
    page = _page(login_client(app, head).get(f"/staf/pengaduan/{unheard.reference}"))
    assert page.count("Rekam sidang TPP terlebih dahulu") == 5  # five decisions wait for it
    confirm = _page(login_client(app, head).get(
        f"/staf/pengaduan/{unheard.reference}/langkah/decide_temporary_revocation"))
    assert "Rekam sidang TPP terlebih dahulu" in confirm and "disabled" in confirm


def test_workflow_blocked_names_what_is_missing(app):
    from portal.complaints.workflow import COMPLAINT_WORKFLOW as flow
    with app.test_request_context():
        # not open at all: the wrong state, or a role the row does not name
        assert flow.blocked("refer_to_tpp", "in_review", "officer") is None
        assert flow.blocked("refer_to_tpp", "examination", "head") is None
        missing = flow.blocked("refer_to_tpp", "examination", "officer", {"complainant_bap": True})
        assert [str(m) for m in missing] == ["berita acara pemeriksaan (BAP) klien"]
        assert flow.blocked("refer_to_tpp", "examination", "officer",
                            {"complainant_bap": True, "client_bap": True}) == []
        # `only`: the case's own prerequisites, not what the confirmation page asks for
        assert flow.blocked("decide_warning", "tpp_hearing", "head", {"hearing": True},
                            only=("hearing",)) == []


def test_public_withdrawal_confirmed_with_a_reason(app):
    complaint = make_complaint(app, status="in_review")
    tracker = app.test_client()
    tracker.post("/pengaduan/lacak", data={"reference": complaint.reference, "secret": "rahasia-uji-1234"})
    case = _page(tracker.get("/pengaduan/kasus"))
    assert 'href="/pengaduan/kasus/tarik"' in case  # a link to the page, not a one-press form
    page = _page(tracker.get("/pengaduan/kasus/tarik"))
    assert "Yang akan terjadi" in page and "Ditarik" in page
    refused = tracker.post("/pengaduan/kasus/tarik", data={"version": complaint.version, "grounds_text": ""})
    assert refused.status_code == 200 and "Tuliskan alasan Anda menarik pengaduan." in _page(refused)
    data = {"version": complaint.version, "grounds_text": "Sudah diselesaikan secara kekeluargaan."}
    assert tracker.post("/pengaduan/kasus/tarik", data=data).status_code == 302
    again = tracker.post("/pengaduan/kasus/tarik", data=data, follow_redirects=True)
    assert ALREADY in _page(again)
    status, _version, moves, _client = _state(app, complaint.id, "withdraw")
    assert status == "withdrawn" and len(moves) == 1
    assert moves[0].body == "Sudah diselesaikan secara kekeluargaan."


def test_cancellation_offers_its_own_grounds(app, users, clients):
    complaint = _case(app, users, clients, "forwarded")
    page = _page(login_client(app, users.make("regional")).get(
        f"/staf/pengaduan/{complaint.reference}/langkah/record_cancelled"))
    assert "Syarat pembebasan bersyarat tidak terpenuhi saat diberikan" in page
    assert "Menimbulkan keresahan dalam masyarakat" not in page
    assert 'value="CONDITIONS_NOT_MET"' in page and "checked" not in page.split("CONDITIONS_NOT_MET")[1][:40]


def test_partner_withdrawal_confirmed_with_a_reason(app, users, clients):
    partner = users.make("partner")
    complaint = make_complaint(app, client=clients.make(), complainant_user_id=partner.id, channel="portal")
    session = login_client(app, partner)
    url = f"/mitra/pengaduan/{complaint.reference}/tarik"
    assert f'href="{url}"' in _page(session.get(f"/mitra/pengaduan/{complaint.reference}"))
    assert "Yang akan terjadi" in _page(session.get(url))
    refused = session.post(url, data={"version": complaint.version, "grounds_text": "singkat"})
    assert refused.status_code == 200 and "singkat" in _page(refused)  # too short, kept
    assert "invalid-feedback" in _page(refused)
    assert _state(app, complaint.id, "withdraw")[0] == "submitted"
    data = {"version": complaint.version, "grounds_text": "Klien sudah kembali mengikuti program."}
    assert session.post(url, data=data).status_code == 302
    assert ALREADY in _page(session.post(url, data=data, follow_redirects=True))
    status, _version, moves, _client = _state(app, complaint.id, "withdraw")
    assert status == "withdrawn" and len(moves) == 1
    with app.app_context():
        audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "complaint.withdraw"))
        assert audit.details["reason_given"] is True and audit.actor_id == partner.id
