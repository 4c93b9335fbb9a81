"""Vetting through the rendered forms: the supervisor completes the checklist and approves, the
head records the signed PKS with its scan, the contact person sets a password from the emailed
invitation and signs in to the partner dashboard."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from ..files import pdf_bytes
from ..support import t
from .web import Browser, check, click, flashes, form, submit, text, tp, upload

TODAY = dt.date.today()


def test_checklist_approval_pks_and_the_partners_first_sign_in(app, users, orgs, mailbox):
    supervisor, head = users.make("supervisor"), users.make("head")
    org = orgs.make(status="applied", name="CV Sinar Jaya Mandiri", kind="employer",
                    contact_name="Sri Wahyuni", email="sri@sinarjaya.example")

    # the supervisor opens the application from the queue and completes the checklist
    staff = Browser(app)
    queue = click(staff.sign_in(supervisor), t(app, "Partners"))  # from the work home
    assert t(app, "Partners and applications") in text(queue)
    page = click(queue, org.reference)
    assert "CV Sinar Jaya Mandiri" in text(page)
    assert tp(app, "partner status", "Document check") in text(page)
    needs = t(app, "Approval needs verified documents and the date of the vetting visit.")
    assert needs in text(page)
    checklist = form(page, "/checklist")
    check(checklist, "checklist-documents_verified", "y")
    checklist["checklist-visit_on"] = TODAY.isoformat()
    checklist["checklist-visit_notes"] = "Tempat usaha sesuai, pemilik kooperatif."
    page = submit(checklist)
    assert t(app, "Saved.") in flashes(page)
    assert t(app, "The checklist is complete.") in text(page)
    notes = form(page, "/checklist")["checklist-visit_notes"].value
    assert notes == "Tempat usaha sesuai, pemilik kooperatif."

    page = submit(form(page, "/approve_vetting"))
    assert t(app, "Saved.") in flashes(page)
    assert tp(app, "partner status", "Vetting approved, awaiting PKS") in text(page)
    assert t(app, "Vetting approved") in text(page)

    # the head records the signed agreement
    head_browser = Browser(app)
    queue = click(head_browser.sign_in(head), t(app, "Partners"))
    page = click(queue, org.reference)
    pks = form(page, "/record_pks")
    pks["pks-pks_number"] = "W11.PAS.9-PK.01.05/2026/17"
    pks["pks-pks_signed_on"] = TODAY.isoformat()
    pks["pks-pks_valid_until"] = (TODAY + dt.timedelta(days=730)).isoformat()
    pks["pks-scan"] = upload("pks.pdf", pdf_bytes("PKS CV Sinar Jaya Mandiri"), "application/pdf")
    page = submit(pks)
    assert t(app, "Saved.") in flashes(page)
    assert tp(app, "partner status", "Active") in text(page)
    assert t(app, "PKS recorded; partner active") in text(page)
    assert "W11.PAS.9-PK.01.05/2026/17" in text(page)
    assert t(app, "Signed PKS") in text(page)  # the scan is among the documents

    # the contact person sets a password from the invitation and signs in
    invitation = mailbox.to("sri@sinarjaya.example")[-1]
    [link] = [u for u in mailbox.links(invitation) if "/sandi/" in u]
    partner = Browser(app)
    page = partner.open(link)
    assert t(app, "Set your password") in text(page)
    password = form(page)
    password["password"] = "mesin-jahit-sinar-jaya"
    password["confirm"] = "mesin-jahit-sinar-jaya"
    page = submit(password)
    assert t(app, "Your password is set. You can sign in now.") in flashes(page)
    home = partner.sign_in(SimpleNamespace(email="sri@sinarjaya.example", totp_secret=None),
                           password="mesin-jahit-sinar-jaya")
    assert home.request.path == "/beranda/"  # issue 11: every role lands on its work home
    dashboard = click(home, t(app, "My organisation"))
    assert "CV Sinar Jaya Mandiri" in text(dashboard)
    assert t(app, "PKS %(number)s", number="W11.PAS.9-PK.01.05/2026/17") in text(dashboard)
