"""Issue 10 §5, labels everywhere: every label table reads well in `id` and `en`; every audit
action, status and procedure move has a label; and the staff pages of a fully worked case
show words, never codes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask_babel import force_locale

from portal.labels import UnknownLabel, label, registry

from .scene import Scene
from .support import login_client
from .worked_case import build

PORTAL = Path(__file__).resolve().parent.parent / "portal"

# What a code looks like on a page (issue 10: "MISSED_REPORTING", "in_review", "complaint.viewed").
SHOUTED_CODE = re.compile(r"\b[A-Z]{2,}(?:_[A-Z]+)+\b")
SNAKE_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
AUDIT_CODE = re.compile(r"\b[a-z]+\.[a-z_]+\b")

# Labels that are the same word in Indonesian and in English.
SAME_IN_BOTH = {"Bapas", "BAP", "Status", "NIK", "Email", "Mentor", "NGO", "Normal", "Administrator"}


def _code_shaped(text: str) -> list[str]:
    return (SHOUTED_CODE.findall(text) + SNAKE_CODE.findall(text) + AUDIT_CODE.findall(text))


# ---------------------------------------------------------------- (a) every table, both languages

@pytest.mark.parametrize("name", sorted(registry()))
def test_every_label_of_every_table_is_translated_and_no_code(app, name):
    with app.test_request_context():
        problems = []
        for code, lazy in registry()[name].items():
            with force_locale("en"):
                english = str(lazy)
            with force_locale("id"):
                indonesian = str(lazy)
            if not english.strip() or not indonesian.strip():
                problems.append((code, "empty"))
            elif indonesian == english and indonesian not in SAME_IN_BOTH:
                problems.append((code, f"untranslated: {indonesian}"))
            elif indonesian == code or _code_shaped(indonesian) or _code_shaped(english):
                problems.append((code, f"a code: {indonesian} / {english}"))
        assert problems == []


def test_an_unknown_code_fails_loudly_and_no_code_is_blank(app):
    with app.test_request_context():
        with pytest.raises(UnknownLabel):
            label("complaint_status", "in_limbo")
        assert label("complaint_status", None) == "—"
        with force_locale("id"):
            assert label("complaint_status", "tpp_hearing") == "Sidang TPP"
            assert label("ground", "MISSED_REPORTING") == "Tidak melapor ke Bapas tiga kali berturut-turut"
            assert label("audit_action", "complaint.viewed") == "Membuka berkas pengaduan"
            assert label("yes_no", "yes") == "ya"


# ---------------------------------------------------------------- (b) completeness

AUDIT_CALL = re.compile(r"audit\.record\(\s*[^,()]+,\s*(?P<expr>[^,\n]+)")
STRING = re.compile(r"(?P<f>f?)\"(?P<text>[^\"]*)\"")


def _audit_actions_in_source() -> tuple[set[str], set[str]]:
    """The literal actions and the f-string templates passed to audit.record( in portal/."""
    literals, templates = set(), set()
    for path in PORTAL.rglob("*.py"):
        for call in AUDIT_CALL.finditer(path.read_text()):
            for string in STRING.finditer(call.group("expr")):
                (templates if string.group("f") else literals).add(string.group("text"))
    return literals, templates


def _dynamic_actions() -> dict[str, set[str]]:
    """What each f-string template of an audit action expands to (the moves of its table)."""
    from portal.clients.workflow import ASSIGNMENT_WORKFLOW, CLIENT_WORKFLOW
    from portal.complaints.workflow import COMPLAINT_WORKFLOW
    from portal.jobs.workflow import POSTING_WORKFLOW, REFERRAL_WORKFLOW
    from portal.partners.workflow import PARTNER_WORKFLOW
    return {
        # the moves of a posting's status (a draft's edit is "opportunity.edited")
        "opportunity.{action}": {a for a, t in POSTING_WORKFLOW.transitions.items() if t.target},
        "referral.{action}": set(REFERRAL_WORKFLOW.transitions),
        "partner.{action}": set(PARTNER_WORKFLOW.transitions),
        "assignment.{action}": set(ASSIGNMENT_WORKFLOW.transitions),
        "client.{action}": set(CLIENT_WORKFLOW.transitions) | {"checkin_recorded", "checkin_corrected"},
        "complaint.{action}": {a for a, t in COMPLAINT_WORKFLOW.transitions.items() if t.target},
        "document.{kind}_issued": set(registry()["issued_document"]),
    }


def test_every_audit_action_in_the_source_has_a_label():
    literals, templates = _audit_actions_in_source()
    assert "complaint.viewed" in literals and "complaint.{action}" in templates  # the scan works
    dynamic = _dynamic_actions()
    assert templates <= set(dynamic), f"say what these expand to: {templates - set(dynamic)}"
    actions = set(literals)
    for template in templates:
        field = re.search(r"\{(\w+)\}", template).group(1)
        actions |= {template.replace("{" + field + "}", value) for value in dynamic[template]}
    assert sorted(actions - set(registry()["audit_action"])) == []


def test_every_state_and_move_of_every_workflow_has_a_label():
    from portal.clients.workflow import ASSIGNMENT_WORKFLOW, CLIENT_WORKFLOW
    from portal.complaints.workflow import COMPLAINT_WORKFLOW
    from portal.jobs.workflow import POSTING_WORKFLOW, REFERRAL_WORKFLOW
    from portal.observations.workflow import OBSERVATION_WORKFLOW
    from portal.partners.workflow import PARTNER_WORKFLOW
    tables = registry()
    for workflow, states in ((COMPLAINT_WORKFLOW, "complaint_status"), (CLIENT_WORKFLOW, "client_status"),
                             (ASSIGNMENT_WORKFLOW, "assignment_status"),
                             (POSTING_WORKFLOW, "posting_status"), (REFERRAL_WORKFLOW, "referral_status"),
                             (OBSERVATION_WORKFLOW, "observation_status"),
                             (PARTNER_WORKFLOW, "partner_status")):
        assert set(workflow.states) == set(tables[states]), states
    moves = {a for a, t in COMPLAINT_WORKFLOW.transitions.items() if t.target}
    assert sorted(moves - set(tables["complaint_action"])) == []
    assert sorted(set(CLIENT_WORKFLOW.transitions) - set(tables["client_action"])) == []
    assert sorted(set(REFERRAL_WORKFLOW.transitions) - set(tables["referral_action"])) == []
    assert sorted(set(PARTNER_WORKFLOW.transitions) - set(tables["partner_action"])) == []
    timeline = {f"assignment_{a}" for a in ASSIGNMENT_WORKFLOW.transitions} | {"assignment_proposed"}
    assert sorted(timeline - set(tables["client_timeline"])) == []
    # the five legal grounds of DESIGN §1, each with its label
    assert set(tables["ground"]) == {"NEW_OFFENCE", "PUBLIC_UNREST", "MISSED_REPORTING",
                                     "MOVED_WITHOUT_NOTICE", "PROGRAMME_NONCOMPLIANCE"}


def test_every_state_and_move_of_the_supervision_workflows_has_a_label():
    from portal.supervision.workflow import CONDITION_WORKFLOW, SHEET_WORKFLOW, TRAVEL_WORKFLOW
    tables = registry()
    for workflow, states in ((CONDITION_WORKFLOW, "condition_status"),
                             (SHEET_WORKFLOW, "partner_sheet_status"), (TRAVEL_WORKFLOW, "travel_status")):
        assert set(workflow.states) == set(tables[states]), states
    assert set(TRAVEL_WORKFLOW.transitions) == set(tables["travel_action"])
    assert {"add", "edit", "end"} <= set(tables["condition_action"])
    # the timeline entries the supervision verbs write
    assert {"condition_added", "condition_changed", "condition_ended", "sheet_written",
            "travel_requested", "travel_approved", "travel_refused",
            "travel_withdrawn"} <= set(tables["client_timeline"])


# ---------------------------------------------------------------- (c) the crawl

LEADS = ("officer", "supervisor", "head")
# Each staff page of the worked case and the roles that may open it.
PAGES = [
    ("/staf/pengaduan/", LEADS + ("regional",)),
    ("/staf/pengaduan/?ground=PUBLIC_UNREST&status=revoked", LEADS + ("regional",)),
    ("/staf/pengaduan/{ref}", LEADS + ("regional",)),
    ("/staf/pengaduan/{letter}", LEADS),
    ("/staf/pengaduan/{summons}", LEADS),
    ("/staf/pengaduan/{ref}/pelapor", LEADS),
    ("/staf/pengaduan/ekspor.csv", LEADS + ("regional",)),
    ("/staf/klien/", LEADS),
    ("/staf/klien/{client}", LEADS),
    ("/staf/klien/peringatan", LEADS),
    ("/staf/pengamatan/?status=submitted", LEADS),
    ("/staf/pengamatan/?status=acknowledged", LEADS),
    ("/staf/pengamatan/?status=followed_up", LEADS),
    ("/staf/pengamatan/{observation}", LEADS),
    ("/staf/lowongan/", LEADS),
    ("/staf/rujukan/{code}", LEADS),
    ("/mitra/lowongan/", ("partner",)),
    ("/mitra/kandidat/{code}", ("partner",)),
    ("/mitra/kandidat.csv", ("partner",)),
    ("/notifikasi/", LEADS + ("regional", "partner")),
    ("/staf/mitra/", ("supervisor", "head")),
    ("/mitra/", ("partner",)),
    ("/mitra/klien/penugasan", ("partner",)),
    ("/mitra/pengaduan/", ("partner",)),
    ("/admin/pengguna", ("admin",)),
    ("/admin/audit", ("admin",)),
]
# Tables whose English words must not reach an Indonesian page.
WORDED_TABLES = ("complaint_status", "complaint_action", "ground", "channel", "audit_action",
                 "client_status", "checkin_outcome", "observation_category", "referral_status",
                 "file_purpose", "recommendation", "bap_subject", "issued_document", "audit_object")
# A few words each page must show (Indonesian, as the catalogue has them).
EXPECTED = [
    ("/staf/pengaduan/", "supervisor", ["Dicabut", "Menimbulkan keresahan dalam masyarakat",
                                        "Tidak melapor ke Bapas tiga kali berturut-turut"]),
    ("/staf/pengaduan/{ref}", "officer", ["Dicabut", "Formulir publik", "Bukti",
                                          "Sidang TPP", "Pencabutan sementara dan usulan pencabutan"]),
    ("/staf/pengaduan/{letter}", "supervisor", ["Surat", "Surat pelapor (pindaian)"]),
    ("/staf/pengaduan/ekspor.csv", "head", ["Nomor registrasi", "Saluran", "Dasar pencabutan", "Dicabut", "ya",
                                            "Formulir publik", "Temuan pengawasan", "Laporan lisan",
                                            "Ditutup: diputus dalam perkara lain"]),
    ("/staf/pengaduan/{summons}", "head", ["Keputusan Kepala Bapas: surat panggilan"]),
    ("/staf/pengamatan/?status=followed_up", "officer", ["Dugaan pelanggaran"]),
]
EMAIL = re.compile(r"\S+@\S+")
URL = re.compile(r"https?://\S+")
FILE_NAME = re.compile(r"\b[\w-]+\.(?:pdf|csv)\b")


def visible_text(body: str, content_type: str) -> str:
    """What a person reads: the page without tags, attributes, scripts, styles (so without the
    CSRF token); a CSV as it is."""
    if "html" not in content_type:
        return body
    soup = BeautifulSoup(body, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


def _english_words(app) -> set[str]:
    with app.test_request_context():
        words = set()
        for table in WORDED_TABLES:
            for lazy in registry()[table].values():
                with force_locale("en"):
                    english = str(lazy)
                with force_locale("id"):
                    indonesian = str(lazy)
                if english != indonesian and len(english) >= 6:
                    words.add(english)
        return words


def _read(app, person, url: str, known: set[str]) -> str:
    """The visible text of a page (or a CSV) as `person`, emails, file names and the opaque
    ids of the case taken out."""
    response = login_client(app, person).get(url) if person else app.test_client().get(url)
    assert response.status_code == 200, (url, getattr(person, "role", None), response.status_code)
    return _clean(visible_text(response.get_data(as_text=True), response.content_type), known)


# Abbreviations of official Indonesian letters (naskah dinas), not codes: "s.d." (sampai
# dengan), "a.n." (atas nama), "u.b." (untuk beliau), "u.p." (untuk perhatian), "d.a." (dengan alamat).
OFFICIAL_ABBREVIATIONS = re.compile(r"\b(?:s\.d|a\.n|u\.b|u\.p|d\.a)\.")


def _clean(text: str, known: set[str]) -> str:
    text = FILE_NAME.sub(" ", EMAIL.sub(" ", URL.sub(" ", text)))
    text = OFFICIAL_ABBREVIATIONS.sub(" ", text)
    for opaque in known:
        text = text.replace(opaque, " ")
    return text


def _audit_log_pages(app, admin) -> list[str]:
    """Every page of the audit log (the worked case writes more than one page)."""
    pages, more = [], True
    while more and len(pages) < 20:
        page = login_client(app, admin).get(f"/admin/audit?page={len(pages) + 1}").get_data(as_text=True)
        pages.append(visible_text(page, "text/html"))
        more = 'rel="next"' in page
    return pages


def _documents(app, head, known: set[str]) -> list[tuple[str, str, str]]:
    from portal.complaints.models import Complaint, IssuedDocument
    from portal.extensions import db

    from .pdftext import pdf_text
    with app.app_context():
        issued = db.session.execute(db.select(IssuedDocument.id, IssuedDocument.kind, Complaint.reference)
                                    .join(Complaint, Complaint.id == IssuedDocument.complaint_id)).all()
    assert {kind for _, kind, _ in issued} >= {"bap_complainant", "bap_client", "bap_witness",
                                               "tpp_minutes", "temporary_revocation", "proposal",
                                               "forwarding", "aph_letter", "summons"}
    found = []
    for document_id, kind, reference in issued:
        response = login_client(app, head).get(f"/staf/pengaduan/{reference}/dokumen/{document_id}")
        assert response.status_code == 200, (kind, response.status_code)
        found.append((f"PDF {kind}", "head", _clean(pdf_text(response.data), known)))
    proposal = " ".join(text for where, _, text in found if where == "PDF proposal").lower()
    assert "usulan pencabutan" in proposal and "keresahan" in proposal  # the text was read
    return found


def test_the_staff_pages_of_a_worked_case_show_words_not_codes(app, users, clients, orgs):
    scene = Scene(app, users, clients, orgs)
    ids = build(app, scene)
    observations = ids.pop("observations").split(",")
    english = _english_words(app)
    known = {scene.client.public_id, *observations}  # opaque ids are not codes
    texts = []  # (where, who, what they read)
    for template, roles in PAGES:
        urls = [template.format(observation=o, **ids) for o in observations] \
            if "{observation}" in template else [template.format(**ids)]
        texts += [(url, role, _read(app, scene.person(role), url, known)) for url in urls for role in roles]
        # in English too: codes are no more welcome there
        english_urls = [url + ("&" if "?" in url else "?") + "lang=en" for url in urls]
        texts += [(url, f"{role} (en)", _read(app, scene.person(role), url, known))
                  for url in english_urls for role in roles]
    log = _audit_log_pages(app, scene.admin)
    assert len(texts) > 60 and len(log) >= 3
    texts += [(f"/admin/audit?page={n}", "admin", _clean(text, known)) for n, text in enumerate(log, start=1)]
    # the complainant's own view of the case, opened with the receipt
    tracker = app.test_client()
    tracker.post("/pengaduan/lacak", data={"reference": ids["ref"], "secret": ids.pop("secret")})
    tracked = visible_text(tracker.get("/pengaduan/kasus").get_data(as_text=True), "text/html")
    assert "Dicabut" in tracked
    texts.append(("/pengaduan/kasus", "complainant", tracked))
    # the email the case queued (receipt, assignment, status, TPP, proposal, referral, alert)
    with app.app_context():
        from portal.extensions import db
        from portal.mail import OutboxMessage
        mails = [f"{m.subject}\n{m.body}" for m in db.session.scalars(db.select(OutboxMessage))]
    assert len(mails) >= 5
    texts += [("email", m.splitlines()[0], _clean(m, known)) for m in mails]

    # every document the worked cases issued (BAPs, minutes, decisions, letters), as PDF text
    texts += _documents(app, scene.head, known)

    problems = [(where, who, word) for where, who, text in texts for word in _code_shaped(text)]
    problems += [(where, who, f"English: {word}") for where, who, text in texts
                 if who != "complainant" and not who.endswith("(en)")
                 for word in english if re.search(rf"\b{re.escape(word)}\b", text)]
    assert problems == [], "\n".join(map(str, problems))
    # the administrator's log names objects by reference only: no name, no case content
    whole_log = " ".join(log)
    assert f"Pengaduan {ids['ref']}" in whole_log and f"Klien {ids['client']}" in whole_log
    assert not [w for w in ("Klien Audit Satu", "Ibu Ratna Pelapor", "Pak Asep", "berkelahi",
                            "081299990000", "PAS-123.PK.05.09/2026") if w in whole_log]
    for url, role, words in EXPECTED:  # the pages were read, and say it in words
        text = _read(app, scene.person(role), url.format(**ids), set())
        assert [w.format(**ids) for w in words if w.format(**ids) not in text] == [], url


def test_the_complaint_csv_speaks_the_language_of_who_downloads_it(app, users):
    """Issue 10 §5: CSV headers and values in the reader's language; overdue and flagged as words."""
    import csv
    import datetime as dt
    import io

    from .support import make_complaint
    make_complaint(app, status="in_review", grounds=["PUBLIC_UNREST", "MISSED_REPORTING"],
                   due_on=dt.date.today() - dt.timedelta(days=1))
    rows = {}
    for locale in ("id", "en"):
        reader = login_client(app, users.make("supervisor", locale=locale))
        body = reader.get("/staf/pengaduan/ekspor.csv").get_data(as_text=True)
        rows[locale] = list(csv.reader(io.StringIO(body)))
    assert rows["id"][0] == ["Nomor registrasi", "Saluran", "Status", "Dasar pencabutan", "Klien", "PK",
                             "Tanggal diterima", "Batas waktu", "Melewati batas waktu",
                             "Ditandai kemungkinan beritikad buruk atau keliru"]
    assert rows["en"][0] == ["Reference", "Channel", "Status", "Grounds for revocation", "Client", "Officer",
                             "Received on", "Due on", "Overdue",
                             "Flagged as possibly malicious or mistaken"]
    assert rows["id"][1][1:4] == ["Formulir publik", "Ditinjau", "Menimbulkan keresahan dalam "
                                  "masyarakat; Tidak melapor ke Bapas tiga kali berturut-turut"]
    assert rows["id"][1][8:] == ["ya", "tidak"]
    assert rows["en"][1][1:4] == ["Public form", "In review", "Causes unrest in the community; "
                                  "Failed to report to the Bapas three times in a row"]
    assert rows["en"][1][8:] == ["yes", "no"]
