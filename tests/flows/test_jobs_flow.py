"""Jobs through the rendered forms: an employer drafts a posting and submits it, a supervisor
publishes it, an officer refers a client who consented, the employer invites the candidate
(who stays anonymous)."""
from __future__ import annotations

import datetime as dt

from ..support import office, t
from .web import Browser, check, click, flashes, form, submit, text, tp

TODAY = dt.date.today()


def test_post_submit_publish_refer_and_invite(app, users, orgs, clients):
    org = orgs.make(status="active", name="CV Sinar Jaya Mandiri", kind="employer")
    employer = users.make("partner", partner_org_id=org.id, org_admin=True)
    supervisor, officer = users.make("supervisor"), users.make("officer")
    clients.make(officer=officer, full_name="Irfan Maulana", offence_category="theft")
    with app.app_context():
        bandung = office()
        bandung_id, region_id = str(bandung.id), str(bandung.region_id)

    # the employer drafts the posting and submits it
    partner = Browser(app)
    dashboard = click(partner.sign_in(employer), t(app, "My organisation"))  # from the work home
    own = click(dashboard, t(app, "Our jobs and training"))
    page = click(own, t(app, "New posting"))
    posting = form(page)
    assert posting["region_id"].value == region_id
    assert [box._value for box in posting.fields["office_ids"] if box.checked] == [bandung_id]
    posting["kind"] = "job"
    posting["title"] = "Operator mesin jahit"
    posting["description"] = ("Menjahit pakaian kerja di bengkel kami.\n\n"
                              "Pelatihan diberikan pada minggu pertama.")
    posting["sector"] = "garment"
    posting["city"] = "Bandung"
    posting["places"] = "2"
    posting["requirements"] = "Bisa membaca pola sederhana."
    posting["hours"] = "Senin–Jumat 08.00–16.00"
    posting["pay"] = "UMK Kota Bandung"
    posting["closes_on"] = (TODAY + dt.timedelta(days=20)).isoformat()
    posting["contact_method"] = "PK menelepon bagian personalia, wawancara di bengkel."
    check(posting, "excluded_offences", "sexual")
    page = submit(posting)
    assert t(app, "Draft saved. Submit it for moderation when it is ready.") in flashes(page)
    assert tp(app, "posting status", "Draft") in text(page)
    assert t(app, "Garment and tailoring") in text(page)
    page = submit(form(page, "/ajukan"))
    assert t(app, "Submitted for moderation by the Bapas.") in flashes(page)
    assert tp(app, "posting status", "Waiting for moderation") in text(page)

    # the supervisor publishes it
    moderator = Browser(app)
    home = moderator.sign_in(supervisor)
    jobs = click(home, t(app, "Jobs and training"))
    assert t(app, "Waiting for moderation") in text(jobs)
    page = click(jobs, "Operator mesin jahit")
    page = submit(form(page, "/terbitkan"))
    assert t(app, "Saved.") in flashes(page)
    assert tp(app, "posting status", "Published") in text(page)

    # the officer refers the client, who agreed to the referral but not yet to being named
    staff = Browser(app)
    home = staff.sign_in(officer)
    register = click(home, t(app, "Clients"))
    page = click(register, "Irfan Maulana")
    page = click(page, t(app, "Refer to an opportunity"))
    assert "Operator mesin jahit" in text(page)
    page = click(page, f"{t(app, 'Choose')} – Operator mesin jahit")
    referral = form(page)
    referral["consent_on"] = TODAY.isoformat()
    referral["consent_method"] = "in_person"
    assert referral["disclosure"].value == "after"
    referral["consent_assignment"] = True
    referral["summary"] = "Rajin, pernah menjahit di lapas selama dua tahun, siap kerja pagi."
    page = submit(referral)
    code = page.request.path.rsplit("/", 1)[1]
    assert t(app, "Referral sent. The partner sees the code %(code)s and your summary.",
             code=code) in flashes(page)
    assert t(app, "Referral %(code)s", code=code) in text(page)
    assert tp(app, "referral status", "Waiting for the partner") in text(page)
    assert t(app, "Referred by the officer") in text(page)

    # the employer sees a code, not a name, and invites the candidate
    page = partner.open("/mitra/lowongan/")
    page = click(page, "Operator mesin jahit")
    assert "Irfan" not in text(page)
    page = click(page, code)
    assert t(app, "Candidate %(code)s", code=code) in text(page)
    assert "Rajin, pernah menjahit di lapas selama dua tahun" in text(page)
    invite = form(page, "/undang")
    invite["on"] = (TODAY + dt.timedelta(days=3)).isoformat()
    page = submit(invite)
    assert t(app, "Saved. The probation officer has been told.") in flashes(page)
    assert tp(app, "referral status", "Invited to an interview") in text(page)
    assert "Irfan" not in text(page)
