"""The revocation procedure through the rendered forms: triage, examination with two BAPs, the
TPP hearing, the head's decision and proposal, the regional office's outcome; the complainant
follows it with the receipt and sees the status, never the case file."""
from __future__ import annotations

import datetime as dt

from ..files import pdf_bytes
from ..support import make_complaint, t
from .web import Browser, check, click, flashes, form, submit, text, tp, upload

TODAY = dt.date.today().isoformat()


def _bap(app, page, subject: str, name: str, answer: str, scan: bool = False):
    bap = form(click(page, t(app, "Record an examination (BAP)")), "/bap")
    bap["subject"] = subject
    bap["subject_name"] = name
    bap["examined_on"] = TODAY
    bap["place"] = "Ruang pemeriksaan Bapas Bandung"
    bap["qa-0-q"] = "Apa yang Anda ketahui tentang kejadian di pasar?"
    bap["qa-0-a"] = answer
    if scan:
        bap["scan"] = upload("bap-ditandatangani.pdf", pdf_bytes("BAP"), "application/pdf")
    return submit(bap)


def _decide(app, case, label: str, action: str, **fields):
    """Issue 10 §1: the case page links to the decision's confirmation page; the grounds come
    prefilled from the complaint, the reasons are written, then it is confirmed."""
    page = click(case, t(app, label))
    assert t(app, "What will happen") in text(page)
    decision = form(page, f"/langkah/{action}")
    decision[f"{action}-grounds_text"] = "Keterangan saksi dan klien dalam BAP saling menguatkan."
    for name, value in fields.items():
        decision[f"{action}-{name}"] = value
    return page, submit(decision)


def test_triage_examination_hearing_decision_and_outcome(app, users, clients, mailbox):
    supervisor, officer = users.make("supervisor"), users.make("officer")
    head, regional = users.make("head"), users.make("regional")
    rudi = clients.make(officer=officer, full_name="Rudi Hermawan", register_number="PB.77/BDG/2026")
    complaint = make_complaint(app, client_name="Rudi", client_register_number="PB.77/BDG/2026")
    reference = complaint.reference

    # the supervisor triages: links the record, assigns the officer
    lead = Browser(app)
    home = lead.sign_in(supervisor)
    queue = click(home, t(app, "Complaints"))
    case = click(queue, reference)
    assert tp(app, "complaint status", "Submitted") in text(case)
    assert t(app, "not linked to a record") in text(case)
    # the triage page lists the client the complaint names, found by its register number
    triage_page = click(case, t(app, "Triage: find the client and assign an officer"))
    assert "Rudi Hermawan" in text(triage_page)
    triage = triage_page.forms["triage-pick"]
    triage["client"] = rudi.public_id
    triage["officer_id"] = str(officer.id)
    case = submit(triage)
    assert t(app, "Triage saved: the officer is assigned.") in flashes(case)
    assert tp(app, "complaint status", "In review") in text(case)
    assert "Rudi Hermawan (PB.77/BDG/2026)" in text(case)
    assigned = mailbox.to(officer.email)[-1]
    assert assigned["Subject"] == t(app, "Complaint %(ref)s assigned to you", ref=reference)

    # the officer examines the complainant and the client, then refers to the TPP
    examiner = Browser(app)
    home = examiner.sign_in(officer)
    case = click(click(home, t(app, "Complaints")), reference)
    case = submit(form(case, "/langkah/start_examination"))
    assert tp(app, "complaint status", "Examination (BAP)") in text(case)
    case = _bap(app, case, "complainant", "Ibu Ratna", "Saya melihat Rudi mengancam pedagang.",
                scan=True)
    assert t(app, "Saved.") in flashes(case)
    assert t(app, "Examination record (BAP) of the complainant") in text(case)
    case = _bap(app, case, "client", "Rudi Hermawan",
                "Saya hanya bertengkar mulut, tidak membawa senjata.")
    assert t(app, "Examination record (BAP) of the client: the client's own account") in text(case)
    assert text(case).count(t(app, "verification code")) == 2  # two issued PDFs
    case = submit(form(case, "/langkah/refer_to_tpp"))
    assert t(app, "Saved.") in flashes(case)
    assert tp(app, "complaint status", "TPP hearing") in text(case)

    # the supervisor records the hearing
    case = lead.open(f"/staf/pengaduan/{reference}")
    hearing = form(click(case, t(app, "Record the TPP hearing")), "/tpp")
    hearing["held_on"] = TODAY
    hearing["kind"] = "regular"
    hearing["place"] = "Aula Bapas Bandung"
    hearing["chair"] = str(supervisor.id)
    hearing["secretary"] = str(officer.id)
    hearing["team_size"] = "3"
    check(hearing, "member_ids", str(head.id))
    hearing["recommendation"] = "temporary_revocation"
    hearing["minutes"] = ("Sidang menilai ancaman terbukti dan merekomendasikan "
                          "pencabutan sementara.")
    case = submit(hearing)
    assert t(app, "Saved.") in flashes(case)
    assert t(app, "Temporary revocation and proposal to revoke") in text(case)
    assert t(app, "TPP hearing recorded") in text(case)

    # the head orders temporary revocation and proposes revocation
    decider = Browser(app)
    home = decider.sign_in(head)
    case = click(click(home, t(app, "Complaints")), reference)
    page, case = _decide(app, case, "Decide: temporary revocation", "decide_temporary_revocation")
    # the page restated to whom it happens: the client, from active to temporarily revoked
    assert (f"Rudi Hermawan: {tp(app, 'client status', 'Active')} → "
            f"{tp(app, 'client status', 'Temporarily revoked')}") in text(page)
    assert t(app, "Saved.") in flashes(case)
    assert tp(app, "complaint status", "Temporarily revoked") in text(case)
    _page, case = _decide(app, case, "Propose revocation to the regional office", "propose")
    assert tp(app, "complaint status", "Proposed to the regional office") in text(case)
    assert t(app, "Decision on temporary revocation") in text(case)
    assert t(app, "Revocation proposal to the regional office") in text(case)

    # the regional office forwards and records the outcome
    kanwil = Browser(app)
    home = kanwil.sign_in(regional)
    case = click(click(home, t(app, "Complaints")), reference)
    _page, case = _decide(app, case, "Record forwarding to Ditjenpas", "forward")
    assert tp(app, "complaint status", "Forwarded to Ditjenpas") in text(case)
    _page, case = _decide(app, case, "Outcome: revoked", "record_revoked",
                          decree_number="PAS-12.PK.05.09/2026", decree_on=TODAY)
    assert t(app, "Saved.") in flashes(case)
    assert tp(app, "complaint status", "Revoked") in text(case)
    assert "PAS-12.PK.05.09/2026" in text(case)

    # after the decree (issue 10 §3): the head writes to APH, the officer records the return
    case = decider.open(f"/staf/pengaduan/{reference}")
    assert t(app, "not yet sent") in text(case)
    letter = form(case, "/eksekusi/surat")
    letter["addressee"] = "Kepala Kepolisian Resor Kota Besar Bandung"
    letter["letter_on"] = TODAY
    case = submit(letter)
    assert "Kepala Kepolisian Resor Kota Besar Bandung" in text(case)
    case = examiner.open(f"/staf/pengaduan/{reference}")
    returned = form(case, "/eksekusi/kembali")
    returned["returned_on"] = TODAY
    returned["facility"] = "Lapas Kelas I Sukamiskin"
    case = submit(returned)
    assert t(app, "Saved.") in flashes(case)
    assert "Lapas Kelas I Sukamiskin" in text(case)

    # the client's record follows the outcome
    record = click(examiner.open(f"/staf/pengaduan/{reference}"), "Rudi Hermawan")
    assert tp(app, "client status", "Revoked") in text(record)

    # the case file speaks in labels, and the signed copy of the BAP can be opened again
    case = examiner.open(f"/staf/pengaduan/{reference}")
    assert "temporary_revocation" not in text(case)  # the hearing's entry on the timeline
    scan = click(case, "bap-ditandatangani.pdf")
    assert scan.content_type == "application/pdf" and scan.body == pdf_bytes("BAP")

    # the complainant sees the status, not the case file
    public = Browser(app)
    tracking = form(public.open("/pengaduan/lacak"))
    tracking["reference"] = reference
    tracking["secret"] = "rahasia-uji-1234"
    page = submit(tracking)
    assert tp(app, "complaint status", "Revoked") in text(page)
    for internal in ("Rudi Hermawan", "bertengkar mulut", "Sidang menilai", "W11.PAS-PK.05"):
        assert internal not in text(page)
