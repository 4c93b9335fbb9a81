"""The partner's candidates CSV costs a bounded number of queries when every candidate came
through a posting of their own from a Bapas of their own (DESIGN §7, issue 9 point 4)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from portal.extensions import db
from portal.jobs.models import Referral

from .support import ClientFactory, UserFactory, login_client, make_posting

BAPAS = ("BAPAS-BDG", "BAPAS-SMG", "BAPAS-MDN", "BAPAS-DPS", "BAPAS-MKS", "BAPAS-KPG")


def _csv_queries(app, n: int) -> tuple[int, str]:
    """(queries, CSV text) of /mitra/kandidat.csv with n candidates, each referred by another
    Bapas to another posting of the same partner."""
    from portal.db import utcnow
    partner = UserFactory(app).make("partner")
    for i in range(n):
        code = BAPAS[i]
        posting = make_posting(app, partner.partner_org_id, title=f"Lowongan {i}", office_codes=(code,))
        record = ClientFactory(app).make(office_code=code, full_name=f"Kandidat {i}",
                                         register_number=f"CSV-{n}-{i}")
        with app.app_context():
            db.session.add(Referral(opportunity_id=posting.id, client_id=record.id, office_id=record.office_id,
                                    consent_on=dt.date(2026, 6, 1), consent_method="in_person",
                                    summary="Siap bekerja.", status="interview", disclosed_at=utcnow()))
            db.session.commit()
    session = login_client(app, partner)
    seen: list[str] = []
    with app.app_context():
        def listener(*args, **kwargs):
            seen.append(args[2])
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            response = session.get("/mitra/kandidat.csv")
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
    assert response.status_code == 200
    return len(seen), response.get_data(as_text=True)


def test_the_candidates_csv_costs_the_same_queries_with_2_and_6_postings_and_bapas(make_app):
    """2 candidates from 2 Bapas on 2 postings, then 6 from 6 on 6: the same number of
    queries; each row names its posting and its Bapas."""
    few, few_csv = _csv_queries(make_app(), 2)
    many, many_csv = _csv_queries(make_app(), 6)
    assert "Lowongan 1" in few_csv and "Balai Pemasyarakatan Kelas I Semarang" in few_csv
    for title in ("Lowongan 0", "Lowongan 5", "Kandidat 5"):
        assert title in many_csv
    assert few == many, (few, many)
