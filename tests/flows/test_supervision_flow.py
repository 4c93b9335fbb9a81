"""Supervision through the rendered forms (issue 11 §2, §5): the PK adds the client's
conditions and writes the partner's sheet; the partner reads it and records a travel request;
the PK refuses it (the reason is required), the partner records another, the PK approves it,
and the partner sheet and the client page show the permission."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.extensions import db
from portal.supervision.models import Condition

from ..support import t
from .web import Browser, check, click, flashes, form, submit, text

TODAY = dt.date.today()
FROM = TODAY + dt.timedelta(days=5)
UNTIL = TODAY + dt.timedelta(days=7)


def _condition(page, kind: str, code: str, wording: str):
    new = click(page, "Tambah syarat")
    condition = form(new)
    condition["kind"] = kind
    condition["code"] = code
    condition["text"] = wording
    page = submit(condition)
    assert "Syarat ditambahkan." in flashes(page)
    return page


def _travel(page, where: str):
    request = form(click(page, "Catat permohonan izin bepergian"))
    request["destination"] = where
    request["from_on"] = FROM.isoformat()
    request["to_on"] = UNTIL.isoformat()
    request["purpose"] = "Menghadiri pernikahan saudara."
    return submit(request)


def test_conditions_sheet_and_travel_through_the_pages(app, users, clients, mailbox):
    officer = users.make("officer")
    partner = users.make("partner")
    record = clients.make(officer=officer, full_name="Rudi Hartanto")
    clients.assign(record, partner.partner_org_id, starts_on=TODAY - dt.timedelta(days=10))

    pk = Browser(app)
    pk.sign_in(officer)
    page = pk.open(f"/staf/klien/{record.public_id}")
    page = _condition(page, "special", "stay_in_area", "")
    page = _condition(page, "general", "", "Tidak melakukan tindak pidana.")
    assert "Tetap tinggal di wilayah dan melaporkan setiap bepergian" in text(page)

    sheet_page = click(page, "Tulis lembar mitra")
    sheet = form(sheet_page)
    with app.app_context():
        stay = str(db.session.scalar(select(Condition.id).where(Condition.code == "stay_in_area")))
    check(sheet, "conditions", stay)
    sheet["watch_for"] = "Mengatakan akan merantau ke luar kota."
    sheet["contact"] = "Telepon PK pada jam kerja; darurat: polisi."
    page = submit(sheet)
    assert "Lembar mitra tersimpan. Mitra melihatnya di halaman klien mereka." in flashes(page)

    mitra = Browser(app)
    mitra.sign_in(partner)
    page = mitra.open(f"/mitra/klien/{record.public_id}")
    shown = text(page)
    assert "Mengatakan akan merantau ke luar kota." in shown
    assert "Telepon PK pada jam kerja; darurat: polisi." in shown
    assert "Tidak melakukan tindak pidana." not in shown  # not chosen for this partner
    page = _travel(page, "Kota Bogor")
    assert ("Terima kasih. PK akan memutuskan permohonan ini; jawabannya tampil di halaman klien."
            in flashes(page))

    # the PK refuses: first without the reason
    queue = click(pk.open(f"/staf/klien/{record.public_id}"), t(app, "Travel"))  # the menu
    assert "1 permohonan menunggu keputusan." in text(queue)
    decide = click(queue, "Rudi Hartanto: Kota Bogor")
    decision = form(decide)
    decision["decision"] = "refuse"
    page = submit(decision)
    assert "Isi alasan penolakan." in text(page)
    decision = form(page)
    decision["note"] = "Bertepatan dengan jadwal wajib lapor."
    page = submit(decision)
    assert "Izin bepergian ditolak." in flashes(page)

    page = mitra.open(f"/mitra/klien/{record.public_id}")
    assert "Alasan: Bertepatan dengan jadwal wajib lapor." in text(page)
    [email] = mailbox.to(partner.email)
    assert "PK telah memutuskan permohonan izin bepergian" in email["Subject"]

    page = _travel(page, "Kota Cirebon")
    decide = click(pk.open("/staf/bepergian/"), "Rudi Hartanto: Kota Cirebon")
    decision = form(decide)
    decision["decision"] = "approve"
    decision["note"] = "Lapor ke Bapas sehari setelah kembali."
    page = submit(decision)
    assert "Izin bepergian disetujui." in flashes(page)
    allowed = "Diizinkan bepergian ke Kota Cirebon dari"
    assert allowed in text(page)  # the client page
    assert allowed in text(mitra.open(f"/mitra/klien/{record.public_id}"))
