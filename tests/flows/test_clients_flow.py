"""A client's way through the rendered forms: the officer registers the client and proposes an
assignment, the partner accepts and reports a suspected violation, the officer (told by email)
answers, and the partner reads the answer."""
from __future__ import annotations

import datetime as dt

from ..support import t
from .web import Browser, check, click, definition, flashes, form, submit, text, tp

TODAY = dt.date.today()
UNTIL = TODAY + dt.timedelta(days=180)


def test_register_assign_accept_observe_and_answer(app, users, orgs, mailbox):
    officer = users.make("officer")
    org = orgs.make(status="active", name="Bengkel Jahit Sejahtera", kind="employer")
    partner = users.make("partner", partner_org_id=org.id, org_admin=True)

    # the officer registers the client
    staff = Browser(app)
    home = staff.sign_in(officer)
    register = click(home, t(app, "Clients"))
    page = click(register, t(app, "Register a client"))
    record = form(page)
    assert record["officer_id"].value == str(officer.id)  # an officer registers into their caseload
    record["full_name"] = "Galih Ramadhan"
    record["register_number"] = "PB.21/BDG/2026"
    record["programme"] = "PB"
    record["supervision_start_on"] = "2026-02-01"
    record["supervision_end_on"] = (TODAY + dt.timedelta(days=400)).isoformat()
    record["risk_level"] = "high"
    record["area"] = "Kec. Coblong, Kota Bandung"
    record["general_conditions"] = "Wajib lapor setiap bulan."
    record["special_conditions"] = "Tidak boleh keluar kota tanpa izin."
    record["nik"] = "3273011203900004"
    record["decree_number"] = "PAS-1234.PK.01.04/2026"
    record["offence_category"] = "theft"
    page = submit(record)
    assert t(app, "Client registered.") in flashes(page)
    assert "Galih Ramadhan" in text(page) and "PB.21/BDG/2026" in text(page)
    assert definition(page, t(app, "Risk level")) == t(app, "High")
    assert t(app, "Client registered") in text(page)  # the timeline

    # … and proposes that the partner supports them
    proposal = form(page, "/penugasan")
    proposal["partner_org_id"] = str(org.id)
    proposal["relationship_kind"] = "employer"
    assert proposal["starts_on"].value == TODAY.isoformat()
    proposal["ends_on"] = UNTIL.isoformat()
    proposal["note"] = "Magang menjahit, tiga hari seminggu."
    page = submit(proposal)
    assert t(app, "Proposed to %(org)s; the assignment starts when they accept.",
             org="Bengkel Jahit Sejahtera") in flashes(page)
    assert tp(app, "assignment status", "Waiting for the partner") in text(page)

    # the partner's admin accepts
    helper = Browser(app)
    dashboard = click(helper.sign_in(partner), t(app, "My organisation"))  # from the work home
    waiting = t(app, "%(num)d proposal from the Bapas waits for your answer.", num=1)
    assert waiting in text(dashboard)
    page = click(dashboard, t(app, "Answer"))
    assert "Galih Ramadhan" in text(page) and "Magang menjahit, tiga hari seminggu." in text(page)
    page = submit(form(page, "/terima"))
    assert t(app, "Accepted. The client now appears among your clients.") in flashes(page)
    assert t(app, "No proposal is waiting.") in text(page)

    # … and reports a suspected violation
    supported = click(page, t(app, "Clients"))
    page = click(supported, "Galih Ramadhan")
    assert definition(page, t(app, "Probation officer (PK)")) == officer.name
    assert "3273011203900004" not in text(page) and "PAS-1234" not in text(page)
    page = click(page, t(app, "Report an observation"))
    observation = form(page)
    assert observation["observed_on"].value == TODAY.isoformat()
    observation["category"] = "suspected_violation"
    check(observation, "grounds", "MOVED_WITHOUT_NOTICE")
    observation["narrative"] = ("Sejak Senin klien tidak lagi tinggal di alamat terdaftar; "
                                "tetangga bilang ia pindah ke Garut.")
    page = submit(observation)
    received = t(app, "Thank you. The probation officer has received your observation.")
    assert received in flashes(page)
    assert tp(app, "observation status", "Waiting for the officer") in text(page)
    assert t(app, "Changed address without reporting it") in text(page)
    observation_page = page.request.path

    # the officer is told at once by email and answers
    [urgent] = mailbox.to(officer.email)
    assert "Galih" not in mailbox.body(urgent)
    [link] = [u for u in mailbox.links(urgent) if "/staf/pengamatan/" in u]
    page = staff.open(link)
    assert "pindah ke Garut" in text(page)
    assert t(app, "Suspected violation") in text(page)
    answer = form(page, "/tanggapi")
    answer["reply"] = "Terima kasih. Kami akan mengunjungi alamat baru besok."
    answer["follow_up"] = "warning_issued"
    answer["note"] = "Kunjungan rumah dijadwalkan bersama Kasi."
    page = submit(answer)
    assert t(app, "Saved.") in flashes(page)
    assert tp(app, "observation status", "Followed up") in text(page)
    assert t(app, "Warning issued") in text(page)

    # the partner reads the answer (but not the internal note)
    page = helper.open(observation_page)
    assert tp(app, "observation status", "Followed up") in text(page)
    assert t(app, "Reply from %(name)s", name=officer.name) in text(page)
    assert "Kami akan mengunjungi alamat baru besok." in text(page)
    assert "Kunjungan rumah dijadwalkan" not in text(page)
