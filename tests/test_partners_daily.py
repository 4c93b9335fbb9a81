"""`flask partners daily` with a frozen clock: reminders, the end of a PKS, retention."""
from __future__ import annotations

import datetime as dt

import time_machine
from sqlalchemy import func, select

from portal import uploads
from portal.extensions import db
from portal.partners.models import PartnerOrg, PksReminder
from portal.uploads import Attachment

from .files import pdf_bytes
from .support import PASSWORD, login_client

VALID_UNTIL = dt.date(2027, 3, 31)


def run_daily(app, on: dt.date):
    moment = dt.datetime.combine(on, dt.time(1, 0), dt.UTC)  # 08:00 WIB
    with time_machine.travel(moment, tick=False):
        result = app.test_cli_runner().invoke(args=["partners", "daily"])
    assert result.exit_code == 0, result.output
    return result.output


def reminder_mails(mailbox, address):
    return [m for m in mailbox.to(address) if "PKS" in m["Subject"]]


def test_reminders_at_60_30_and_7_days_each_once(app, users, mailbox):
    admin = users.make("partner")
    supervisor = users.make("supervisor")
    with app.app_context():
        db.session.get(PartnerOrg, admin.partner_org_id).pks_valid_until = VALID_UNTIL
        db.session.commit()
    run_daily(app, VALID_UNTIL - dt.timedelta(days=61))
    assert reminder_mails(mailbox, admin.email) == []
    for _ in range(2):  # twice on the same day
        run_daily(app, VALID_UNTIL - dt.timedelta(days=60))
    assert len(reminder_mails(mailbox, admin.email)) == 1
    assert len(reminder_mails(mailbox, supervisor.email)) == 1
    run_daily(app, VALID_UNTIL - dt.timedelta(days=45))
    run_daily(app, VALID_UNTIL - dt.timedelta(days=30))
    run_daily(app, VALID_UNTIL - dt.timedelta(days=30))
    assert len(reminder_mails(mailbox, admin.email)) == 2
    run_daily(app, VALID_UNTIL - dt.timedelta(days=7))
    assert len(reminder_mails(mailbox, admin.email)) == 3
    assert "7" in mailbox.body(reminder_mails(mailbox, admin.email)[-1])
    with app.app_context():
        assert sorted(db.session.scalars(select(PksReminder.days_before))) == [7, 30, 60]


def test_a_late_first_run_sends_only_the_most_urgent_reminder(app, users, mailbox):
    admin = users.make("partner")
    with app.app_context():
        db.session.get(PartnerOrg, admin.partner_org_id).pks_valid_until = VALID_UNTIL
        db.session.commit()
    run_daily(app, VALID_UNTIL - dt.timedelta(days=5))
    run_daily(app, VALID_UNTIL - dt.timedelta(days=4))
    assert len(reminder_mails(mailbox, admin.email)) == 1


def test_partnership_ends_when_the_pks_lapses(app, users, mailbox):
    admin = users.make("partner")
    with app.app_context():
        db.session.get(PartnerOrg, admin.partner_org_id).pks_valid_until = VALID_UNTIL
        db.session.commit()
    run_daily(app, VALID_UNTIL)  # the last valid day
    with app.app_context():
        assert db.session.get(PartnerOrg, admin.partner_org_id).status == "active"
    output = run_daily(app, VALID_UNTIL + dt.timedelta(days=1))
    assert "1 partnership(s) ended" in output
    with app.app_context():
        org = db.session.get(PartnerOrg, admin.partner_org_id)
        assert org.status == "ended" and org.events[0].action == "lapse"
    assert run_daily(app, VALID_UNTIL + dt.timedelta(days=1)).startswith("0 reminder(s), 0 partnership(s) ended")
    with time_machine.travel(dt.datetime(2027, 4, 2, 2, tzinfo=dt.UTC), tick=False):
        refused = app.test_client().post("/masuk", data={"email": admin.email, "password": PASSWORD})
        assert refused.status_code == 200


def test_a_renewal_keeps_the_partnership(app, users):
    admin = users.make("partner")
    head = users.make("head")
    with app.app_context():
        org = db.session.get(PartnerOrg, admin.partner_org_id)
        org.pks_valid_until = VALID_UNTIL
        db.session.commit()
        org = db.session.get(PartnerOrg, admin.partner_org_id)
        public_id, version = org.public_id, org.version
    import io
    moment = dt.datetime(2027, 3, 20, 3, tzinfo=dt.UTC)
    with time_machine.travel(moment, tick=False):
        response = login_client(app, head).post(
            f"/staf/mitra/{public_id}/renew_pks", content_type="multipart/form-data", data={
                "renew-version": version, "renew-pks_number": "W11/PKS/2027/7",
                "renew-pks_signed_on": "2027-03-19", "renew-pks_valid_until": "2029-03-31",
                "renew-scan": (io.BytesIO(pdf_bytes()), "pks-baru.pdf")})
        assert response.status_code == 302
    run_daily(app, VALID_UNTIL + dt.timedelta(days=1))
    with app.app_context():
        org = db.session.get(PartnerOrg, admin.partner_org_id)
        assert org.status == "active" and org.pks_valid_until == dt.date(2029, 3, 31)


def test_retention_of_unconfirmed_and_rejected_applications(app, orgs):
    start = dt.datetime(2026, 1, 10, 3, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        unconfirmed = orgs.make("unconfirmed")
        rejected = orgs.make("rejected", decided_at=start)
        with app.app_context():
            for org in (unconfirmed, rejected):
                uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", "ktp.pdf"),
                              db.session.get(PartnerOrg, org.id), "id_document")
            db.session.commit()
    run_daily(app, dt.date(2026, 1, 16))
    with app.app_context():
        assert db.session.get(PartnerOrg, unconfirmed.id) is not None
    output = run_daily(app, dt.date(2026, 1, 18))
    assert "1 unconfirmed application(s) purged" in output
    with app.app_context():
        assert db.session.get(PartnerOrg, unconfirmed.id) is None
        assert db.session.scalar(select(func.count(Attachment.id))) == 1
    output = run_daily(app, dt.date(2027, 1, 20))
    assert "1 old document(s) deleted" in output
    with app.app_context():
        assert db.session.get(PartnerOrg, rejected.id).status == "rejected"
        assert db.session.scalar(select(func.count(Attachment.id))) == 0
