"""What a partner sees of a client: the minimum, never NIK, decree, register number,
offence, or other organisations' observations."""
from __future__ import annotations

import datetime as dt

from .support import login_client


def test_partner_pages_hold_only_the_minimum(app, users, clients):
    officer = users.make("officer")
    ours = users.make("partner")
    theirs = users.make("partner")
    record = clients.make(officer=officer, offence_category="pencurian-berat",
                          special_conditions="Rahasia: terapi adiksi")
    clients.assign(record, ours.partner_org_id)
    clients.assign(record, theirs.partner_org_id)
    # the other organisation reports something
    other = login_client(app, theirs)
    other.post(f"/mitra/klien/{record.public_id}/pengamatan", data={
        "observed_on": dt.date.today().isoformat(), "category": "concern",
        "narrative": "Catatan organisasi lain yang tidak boleh terlihat.", "submission_key": "k-other"})
    session = login_client(app, ours)
    pages = [session.get(url).get_data(as_text=True) for url in (
        "/mitra/", "/mitra/klien/", f"/mitra/klien/{record.public_id}",
        f"/mitra/klien/{record.public_id}/pengamatan")]
    detail = pages[2]
    assert record.full_name in detail and officer.name in detail
    assert "(022) 7534015" in detail  # the Bapas phone
    assert record.supervision_end_on.strftime("%Y") in detail
    for page in pages:
        for secret in (record.nik, record.decree_number, record.register_number, "pencurian-berat",
                       "Rahasia: terapi adiksi", "Catatan organisasi lain"):
            assert secret not in page
