"""The staff case page's context lists stop at 10 complaints, 5 observations and 6 missed
months, newest first; a case's files come in upload order (issue 6 §3, issue 9 point 4)."""
from __future__ import annotations

import datetime as dt
import re

from portal.extensions import db

from .support import login_client, make_complaint


def _context(page: str) -> tuple[str, str, str]:
    """The three lists of the "Context (staff only)" block: complaints, observations, misses."""
    context = page.split("Context (staff only)")[1]
    others, rest = context.split("Recent observations from partners")
    observations, misses = rest.split("Missed check-ins")
    return others, observations, misses


def test_the_case_page_shows_ten_other_complaints_five_observations_and_six_missed_months(
        app, users, clients):
    """11 earlier complaints, 6 observations and 7 missed months about one client: the case
    page lists the 10 newest complaints, the 5 newest observations and the 6 latest missed
    months; the oldest of each is not on the page."""
    from portal.clients.models import CheckIn
    from portal.observations.models import Observation
    partner = users.make("partner")
    record = clients.make()
    assignment = clients.assign(record, partner.partner_org_id)
    earlier = [make_complaint(app, status="not_pursued", client=record).reference for _ in range(11)]
    this = make_complaint(app, client=record)
    with app.app_context():
        observed = []
        for day in range(1, 7):
            observation = Observation(client_id=record.id, office_id=record.office_id,
                                      assignment_id=assignment.id, partner_org_id=partner.partner_org_id,
                                      author_id=partner.id, observed_on=dt.date(2026, 5, day),
                                      category="routine", narrative="<p>Baik.</p>")
            db.session.add(observation)
            db.session.flush()
            observed.append(observation.public_id)
        for month in range(1, 8):
            db.session.add(CheckIn(client_id=record.id, month=dt.date(2026, month, 1), outcome="missed"))
        db.session.commit()
    session = login_client(app, users.make("supervisor", locale="en"))
    page = session.get(f"/staf/pengaduan/{this.reference}?lang=en").get_data(as_text=True)
    others, observations, misses = _context(page)

    listed = re.findall(r">(ADU-[A-Z0-9-]+)</a>", others)
    assert len(listed) == 10
    assert listed == earlier[:0:-1]            # the 2nd … 11th earlier complaint, newest first
    assert earlier[0] not in others
    linked = re.findall(r'href="/staf/pengamatan/([^"]+)"', observations)
    assert len(linked) == 5
    assert linked == observed[:0:-1]          # the observations of 6 … 2 May
    assert observed[0] not in observations
    assert re.findall(r"<li>([A-Za-z]+ 2026)</li>", misses) == [
        "July 2026", "June 2026", "May 2026", "April 2026", "March 2026", "February 2026"]
    assert "January 2026" not in misses


def test_the_files_of_a_cases_baps_come_in_upload_order(app, users, clients):
    """Two BAP records of one case, the later record's scan uploaded first: the case page
    lists the scans in the order they were uploaded, not grouped by record."""
    from portal import uploads
    from portal.complaints.models import Complaint, ExaminationRecord
    from portal.complaints.queries import case_files

    from .files import pdf_bytes
    officer, supervisor = users.make("officer"), users.make("supervisor")
    complaint = make_complaint(app, status="examination", client=clients.make(officer=officer),
                               officer=officer)
    with app.test_request_context():
        stored = db.session.get(Complaint, complaint.id)
        first, second = (ExaminationRecord(subject=subject, subject_name=name, examiner_id=officer.id,
                                           examined_on=dt.date(2026, 5, 4), place="Ruang pemeriksaan Bapas",
                                           questions=[{"q": "Apa yang terjadi?", "a": "Keterangan."}])
                         for subject, name in (("witness", "Saksi Pertama"), ("client", "Klien Diadukan")))
        stored.examinations.extend([first, second])
        db.session.flush()
        assert first.id < second.id
        for record, name in ((second, "bap-kedua.pdf"), (first, "bap-pertama.pdf")):
            uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", name), record, "signed_scan")
        db.session.commit()
    page = login_client(app, supervisor).get(f"/staf/pengaduan/{complaint.reference}").get_data(as_text=True)
    assert re.findall(r'/berkas/\d+">([^<]+)</a>', page) == ["bap-kedua.pdf", "bap-pertama.pdf"]
    with app.test_request_context():
        from portal.auth.models import User
        files = case_files(db.session.get(User, supervisor.id), db.session.get(Complaint, complaint.id))
        assert [f.original_name for f in files] == ["bap-kedua.pdf", "bap-pertama.pdf"]
