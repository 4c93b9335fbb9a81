"""Applying to become a partner: the public form, files, email confirmation, anti-abuse."""
from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, PngImagePlugin
from sqlalchemy import func, select

from portal.extensions import db
from portal.partners.models import PartnerOrg
from portal.uploads import Attachment

from .files import HTML_AS_PDF, jpeg_with_gps, pdf_bytes
from .support import login_client, office, t


def form_data(app, **overrides):
    with app.app_context():
        office_id = office().id
    data = {
        "applicant_type": "organisation", "kind": "ngo", "name": "Yayasan Harapan Baru",
        "fields": ["work", "education"], "office_id": str(office_id),
        "contact_name": "Dewi Lestari", "email": "dewi@test.example", "phone": "0812-3456-7890",
        "address": "Jl. Merdeka 10, Bandung", "consent": "y",
        "motivation": "Kami ingin membantu klien mendapatkan pekerjaan dan pelatihan kerja.",
        "submission_key": "key-" + str(id(overrides)),
        "id_document": (io.BytesIO(jpeg_with_gps()), "ktp.jpg"),
        "legal_document": (io.BytesIO(pdf_bytes()), "akta.pdf"),
    }
    data.update(overrides)
    return data


def post(client, data):
    return client.post("/gabung", data=data, content_type="multipart/form-data")


def test_apply_confirm_and_enter_the_queue(app, users, mailbox):
    supervisor = users.make("supervisor")
    client = app.test_client()
    response = post(client, form_data(app))
    assert response.headers["Location"] == "/gabung/terkirim"
    sent_page = client.get("/gabung/terkirim").get_data(as_text=True)
    reference = re.search(r"PKM-[A-Z0-9]{4}-[A-Z0-9]{4}", sent_page).group(0)
    with app.app_context():
        org = db.session.scalar(select(PartnerOrg))
        assert org.status == "unconfirmed" and org.phone == "081234567890"
        assert len(db.session.scalars(select(Attachment)).all()) == 2
    # not yet in the queue
    queue = login_client(app, supervisor).get("/staf/mitra/").get_data(as_text=True)
    assert reference not in queue
    [confirm] = mailbox.to("dewi@test.example")
    link = mailbox.links(confirm)[0]
    page = client.get(urlsplit(link).path)
    assert page.status_code == 200 and reference in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(PartnerOrg.status)) == "applied"
    received = [m for m in mailbox.to("dewi@test.example") if reference in m["Subject"]]
    assert received and reference in mailbox.body(received[0])
    assert mailbox.to(supervisor.email), "the supervisor is told about the new application"
    assert reference in login_client(app, supervisor).get("/staf/mitra/").get_data(as_text=True)
    assert client.get(urlsplit(link).path).status_code == 404  # the link works once


def test_same_form_twice_creates_one_application(app):
    data = form_data(app)
    client = app.test_client()
    post(client, data)
    again = form_data(app, submission_key=data["submission_key"])
    assert post(client, again).headers["Location"] == "/gabung/terkirim"
    with app.app_context():
        assert db.session.scalar(select(func.count(PartnerOrg.id))) == 1


def test_honeypot_keeps_nothing(app, mailbox):
    response = post(app.test_client(), form_data(app, homepage="http://spam.example"))
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count(PartnerOrg.id))) == 0
    assert mailbox.flush() == []


def test_rate_limit_per_ip(make_app):
    app = make_app(FORM_RATE_LIMIT="2 per hour")
    client = app.test_client()
    for n in range(2):
        assert post(client, form_data(app, submission_key=f"k{n}")).status_code == 302
    response = post(client, form_data(app, submission_key="k3"))
    assert response.status_code == 429


def test_rejected_form_keeps_the_typed_values_and_names_the_files_to_choose_again(app):
    response = post(app.test_client(), form_data(app, phone="12345"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert t(app, "Enter an Indonesian phone number starting with 08 or +62, for example 0812 3456 7890.") in page
    assert 'value="Yayasan Harapan Baru"' in page and "Kami ingin membantu klien" in page
    assert 'value="dewi@test.example"' in page
    assert re.search(r'<input checked[^>]*value="work"', page)
    lost = page.split('role="alert"')[2] if page.count('role="alert"') > 1 else page
    assert (
        t(
            app,
            "For your safety, files are not kept when the form has to be corrected. Please choose these files again:",
        )
        in page
    )
    assert "KTP" in lost
    with app.app_context():
        assert db.session.scalar(select(func.count(PartnerOrg.id))) == 0
        assert db.session.scalar(select(func.count(Attachment.id))) == 0


def test_organisation_needs_a_legal_document_but_an_individual_does_not(app):
    data = form_data(app)
    del data["legal_document"]
    page = post(app.test_client(), data).get_data(as_text=True)
    assert t(app, "Organisations must add a legal document.") in page
    data = form_data(app, applicant_type="individual", kind="individual", name="Budi Santoso")
    del data["legal_document"]
    assert post(app.test_client(), data).status_code == 302


def test_html_renamed_to_pdf_is_refused(app):
    page = post(app.test_client(), form_data(app, legal_document=(io.BytesIO(HTML_AS_PDF), "akta.pdf"))).get_data(
        as_text=True
    )
    assert t(app, "Only PDF, JPEG or PNG files are accepted (checked by content, not by the file name).") in page


def test_file_over_5_mb_gets_a_form_error(app):
    big = pdf_bytes() + b"0" * (5 * 1024 * 1024)
    page = post(app.test_client(), form_data(app, legal_document=(io.BytesIO(big), "big.pdf")))
    assert page.status_code == 200
    assert t(app, "The file is larger than %(mb)d MB.", mb=5) in page.get_data(as_text=True)


def test_request_over_the_total_limit_gets_the_413_page(app):
    huge = b"%PDF-" + b"0" * (27 * 1024 * 1024)
    response = post(app.test_client(), form_data(app, legal_document=(io.BytesIO(huge), "huge.pdf")))
    assert response.status_code == 413
    assert t(app, "File too large") in response.get_data(as_text=True)


def test_stored_jpeg_has_no_exif_and_files_live_outside_static(app):
    uploaded = jpeg_with_gps()
    assert b"SecretCam" in uploaded and 0x8825 in Image.open(io.BytesIO(uploaded)).getexif()
    post(app.test_client(), form_data(app, id_document=(io.BytesIO(uploaded), "ktp.jpg")))
    with app.app_context():
        from portal import uploads
        from portal.config import ROOT

        stored = {a.purpose: a for a in db.session.scalars(select(Attachment))}
        jpeg = uploads.read(stored["id_document"])
        assert jpeg != uploaded
        image = Image.open(io.BytesIO(jpeg))
        exif = image.getexif()
        assert not exif and 0x8825 not in exif and b"SecretCam" not in jpeg
        assert image.format == "JPEG" and image.size == (64, 48)
        path = (
            Path(app.config["STORAGE_DIR"])
            / stored["legal_document"].storage_key[:2]
            / stored["legal_document"].storage_key
        )
        assert path.exists() and ROOT / "static" not in path.parents
        assert "akta" not in stored["legal_document"].storage_key
        assert uploads.read(stored["legal_document"]) == pdf_bytes()


def png_with_location() -> bytes:
    """A 40×30 PNG carrying a text chunk and EXIF, both with a position (Monas, Jakarta)."""
    image = Image.new("RGB", (40, 30), (0, 128, 0))
    for x in range(40):
        image.putpixel((x, x % 30), (255, 0, 0))
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "GPS 6.1754 S 106.8272 E Monas")
    exif = Image.Exif()
    exif[0x0110] = "SecretCam 3000"  # Model
    exif[0x8825] = {1: "S", 2: (6.0, 10.0, 31.0), 3: "E", 4: (106.0, 49.0, 38.0)}
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=text, exif=exif.tobytes())
    return out.getvalue()


def test_png_is_accepted_and_reencoded(app):
    uploaded = png_with_location()
    assert b"tEXt" in uploaded and b"Monas" in uploaded and b"SecretCam" in uploaded
    response = post(app.test_client(), form_data(app, id_document=(io.BytesIO(uploaded), "ktp.png")))
    assert response.status_code == 302
    with app.app_context():
        from portal import uploads

        [stored] = db.session.scalars(select(Attachment).where(Attachment.purpose == "id_document")).all()
        data = uploads.read(stored)
    assert stored.content_type == "image/png" and stored.original_name == "ktp.png"
    assert data != uploaded
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.size == (40, 30)
    original = Image.open(io.BytesIO(uploaded))
    assert image.convert("RGB").tobytes() == original.convert("RGB").tobytes()  # same pixels
    assert "Comment" not in image.info and not image.getexif()
    for metadata in (b"tEXt", b"eXIf", b"Monas", b"GPS", b"SecretCam"):
        assert metadata not in data
