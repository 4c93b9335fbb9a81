"""The vetting queue's "waiting more than N days" filter at its edge, its order when
applications arrive at the same instant, and the order of the public partner figures when
two provinces or kinds have as many partners (issue 3 §3, issue 9 point 4; on SQLite and on
PostgreSQL, where ties follow the heap order unless the query breaks them)."""
from __future__ import annotations

import datetime as dt
import re

import time_machine
from sqlalchemy import update

from portal.extensions import db
from portal.partners.models import PartnerOrg

from .support import login_client

AT = dt.datetime(2026, 11, 20, 3, 0, 0, tzinfo=dt.UTC)


def _listed(session, query: str = "") -> list[str]:
    page = session.get(f"/staf/mitra/{query}").get_data(as_text=True)
    return re.findall(r">(PKM-[A-Z0-9-]+)</a>", page)


def _rewrite(org_ids, **values) -> None:
    """UPDATE these rows. On PostgreSQL the new row versions go after the others in the heap,
    and when an indexed column (`status`) changes, the index entries follow them: a scan then
    meets these rows last, whatever their ids."""
    db.session.execute(update(PartnerOrg).where(PartnerOrg.id.in_(org_ids)).values(**values))
    db.session.commit()


def test_waiting_more_than_seven_days_leaves_out_an_application_exactly_seven_days_old(app, users, orgs):
    """`?age=7` ("waiting more than 7 days"): an application made 7 days and 1 second ago is
    listed; one made exactly 7 days ago is not."""
    with time_machine.travel(AT, tick=False):
        older = orgs.make("applied", created_at=AT - dt.timedelta(days=7, seconds=1))
        exactly = orgs.make("applied", created_at=AT - dt.timedelta(days=7))
        session = login_client(app, users.make("supervisor"))
        assert _listed(session) == [older.reference, exactly.reference]
        assert _listed(session, "?age=7") == [older.reference]


def test_applications_made_at_the_same_instant_stay_in_the_order_they_arrived(app, users, orgs):
    """Three applications with the same creation time, the first two since asked for more
    information: the queue (and its `?age=` view) still lists them in the order they arrived."""
    same = AT - dt.timedelta(days=10)
    first, second, third = (orgs.make("applied", created_at=same) for _ in range(3))
    with app.app_context():
        _rewrite([first.id, second.id], status="info_requested")
    session = login_client(app, users.make("supervisor"))
    expected = [first.reference, second.reference, third.reference]
    assert _listed(session) == expected
    assert _listed(session, "?age=7") == expected


def test_public_partner_figures_list_equal_counts_by_name(app, orgs):
    """The public figures: the largest count first, then provinces and kinds with equal
    counts in alphabetical order, whatever order the rows were stored in."""
    from portal.partners.queries import figures_by_kind, figures_by_province
    made = []
    for office_code, kind in (("BAPAS-SMG", "religious"), ("BAPAS-MKS", "employer"),
                              ("BAPAS-BDG", "ngo"), ("BAPAS-DPS", "academic"),
                              ("BAPAS-MDN", "family"), ("BAPAS-BDG", "agency"),
                              ("BAPAS-KPG", "business"), ("BAPAS-BDG", "ngo")):
        made.append(orgs.make("active", office_code=office_code, kind=kind).id)
    orgs.make("applied", office_code="BAPAS-SMG", kind="ngo")        # not a partner yet
    with app.app_context():
        _rewrite(made[:4], contact_name="Kontak Baru")
        assert figures_by_province() == [
            ("Jawa Barat", 3), ("Bali", 1), ("Jawa Tengah", 1), ("Nusa Tenggara Timur", 1),
            ("Sulawesi Selatan", 1), ("Sumatera Utara", 1)]
        assert figures_by_kind() == [
            ("ngo", 2), ("academic", 1), ("agency", 1), ("business", 1), ("employer", 1),
            ("family", 1), ("religious", 1)]
