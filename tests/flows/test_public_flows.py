"""The public's two flows through the rendered forms: applying to become a partner (confirmed by
the emailed link), and reporting a violation, then following it with the receipt."""
from __future__ import annotations

import re

from ..files import jpeg_with_gps, pdf_bytes
from ..support import office, t
from .web import Browser, check, click, definition, find, flashes, form, submit, text, tp, upload

BANDUNG = "Balai Pemasyarakatan Kelas I Bandung"


def test_apply_from_the_directory_and_confirm_by_email(app, mailbox):
    public = Browser(app)
    home = public.open("/")
    directory = click(home, t(app, "Bapas directory"))
    search = form(directory, method="get")
    search["q"] = "Bandung"
    found = submit(search)
    assert BANDUNG in text(found) and "Semarang" not in text(found)

    page = click(found, f"{t(app, 'Apply to this Bapas')} – {BANDUNG}")
    assert t(app, "Apply to become a partner") in text(page)
    application = form(page)
    # the Bapas chosen in the directory is already selected
    assert application["office_id"].value == str(_office_id(app, "BAPAS-BDG"))
    application["applicant_type"] = "organisation"
    application["kind"] = "employer"
    application["name"] = "CV Sinar Jaya Mandiri"
    check(application, "fields", "work", "education")
    application["contact_name"] = "Sri Wahyuni"
    application["email"] = "sri@sinarjaya.example"
    application["phone"] = "0813 2222 3333"
    application["address"] = "Jl. Asia Afrika 8, Bandung"
    application["motivation"] = "Kami membuka lowongan penjahit untuk klien yang sudah terlatih."
    application["id_document"] = upload("ktp.jpg", jpeg_with_gps(), "image/jpeg")
    application["legal_document"] = upload("nib.pdf", pdf_bytes(), "application/pdf")
    application["consent"] = True
    sent = submit(application)

    assert sent.request.path == "/gabung/terkirim"
    assert t(app, "Check your email") in text(sent)
    reference = find(r"(PKM-[A-Z0-9]{4}-[A-Z0-9]{4})", sent)
    assert t(app, "Your application has reference number %(ref)s.", ref=reference) in text(sent)

    [confirmation] = mailbox.to("sri@sinarjaya.example")
    assert reference in mailbox.body(confirmation)
    [link] = [u for u in mailbox.links(confirmation) if "/gabung/konfirmasi/" in u]
    confirmed = public.open(link)
    assert t(app, "Application received") in text(confirmed)
    assert t(app, "Thank you. Your email address is confirmed and your application %(ref)s is now "
                  "with %(office)s.", ref=reference, office=BANDUNG) in text(confirmed)

    again = public.open(link, status=404)
    assert t(app, "This link no longer works") in text(again)


def test_report_a_violation_read_the_receipt_and_follow_the_case(app, mailbox):
    public = Browser(app)
    home = public.open("/")
    page = click(home, t(app, "Report a violation"))
    assert t(app, "Report a parole violation") in text(page)
    report = form(page)
    report["complainant_name"] = "Ibu Ratna"
    report["complainant_relationship"] = "tetangga"
    report["complainant_phone"] = "0812 7777 8888"
    report["complainant_email"] = "ratna@test.example"
    report["office_id"] = str(_office_id(app, "BAPAS-BDG"))
    report["client_name"] = "Rudi"
    report["client_area"] = "Kec. Coblong, Kota Bandung"
    report["client_register_number"] = "PB.77/BDG/2026"
    check(report, "grounds", "PUBLIC_UNREST")
    report["narrative"] = "Rudi mengancam pedagang di pasar dengan senjata tajam pada Sabtu malam."
    report["incident_place"] = "Pasar Kosambi"
    report["evidence_1"] = upload("foto.jpg", jpeg_with_gps(), "image/jpeg")
    report["declaration"] = True
    receipt = submit(report)

    assert receipt.request.path == "/pengaduan/tanda-terima"
    assert t(app, "Your receipt") in text(receipt)
    keep = t(app, "The complaint was received. Keep these two codes: you need both to follow the "
                  "case. The secret code is shown only now and cannot be recovered.")
    assert keep in text(receipt)
    reference = definition(receipt, t(app, "Reference number"))
    secret = definition(receipt, t(app, "Secret code"))
    assert re.fullmatch(r"ADU-[A-Z0-9]{4}-[A-Z0-9]{4}", reference) and len(secret) >= 16
    assert reference in mailbox.body(mailbox.to("ratna@test.example")[-1])

    shown_once = public.open("/pengaduan/tanda-terima")
    assert secret not in text(shown_once)

    tracking = click(receipt, t(app, "Follow your case"))
    wrong = form(tracking)
    wrong["reference"] = reference
    wrong["secret"] = "bukan-kode-yang-benar"
    refused = submit(wrong)
    assert t(app, "The reference number and secret code do not match a complaint.") in text(refused)

    track = form(refused)
    track["reference"] = reference
    track["secret"] = secret
    case = submit(track)
    assert case.request.path == "/pengaduan/kasus"
    assert t(app, "Complaint %(ref)s", ref=reference) in text(case)
    assert tp(app, "complaint status", "Submitted") in text(case)
    assert BANDUNG in text(case)

    reply = form(case, "/pengaduan/kasus/balas")
    reply["body"] = "Kejadian terulang lagi Minggu pagi di depan rumah saya."
    replied = submit(reply)
    assert t(app, "Your message was sent to the Bapas.") in flashes(replied)
    assert "Kejadian terulang lagi Minggu pagi di depan rumah saya." in text(replied)

    closed = submit(form(replied, "/pengaduan/kasus/keluar"))
    assert closed.request.path == "/pengaduan/lacak"
    gone = public.open("/pengaduan/kasus")
    assert t(app, "Enter your reference number and secret code again.") in flashes(gone)


def _office_id(app, code: str) -> int:
    with app.app_context():
        return office(code).id
