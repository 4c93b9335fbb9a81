"""Public pages in both languages; the Bapas directory; public figures (aggregates only)."""
from __future__ import annotations

import re

import pytest

PAGES = ["/", "/tentang-pokmas", "/cara-bergabung", "/tanya-jawab", "/privasi", "/aksesibilitas",
         "/bapas", "/angka-mitra", "/gabung"]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_public_page_in_both_languages(client, url, lang):
    response = client.get(f"{url}?lang={lang}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert page.count("<h1") == 1


def test_about_page_names_the_legal_basis(client):
    page = client.get("/tentang-pokmas").get_data(as_text=True)
    assert "35" in page and "2018" in page and "PAS-06.OT.02.02" in page


def test_privacy_notice_has_the_contact(client, app):
    page = client.get("/privasi").get_data(as_text=True)
    assert app.config["PRIVACY_CONTACT_EMAIL"] in page and "27/2022" in page


def test_directory_search_filter_and_counts(app, client, users):
    users.make("partner")  # an active partner at Bapas Bandung
    page = client.get("/bapas?q=bandung").get_data(as_text=True)
    assert "Balai Pemasyarakatan Kelas I Bandung" in page and "Semarang" not in page
    card = page.split("Balai Pemasyarakatan Kelas I Bandung")[1]
    assert re.search(r"<dd>1</dd>", card), "one active partner shown"
    assert "(022) 7534015" in card
    from sqlalchemy import select

    from portal.extensions import db
    from portal.offices.models import Region
    with app.app_context():
        bali = db.session.scalar(select(Region.id).where(Region.name == "Bali"))
    bali_page = client.get(f"/bapas?province={bali}").get_data(as_text=True)
    assert "Denpasar" in bali_page and "Bandung" not in bali_page
    assert "Medan" in client.get("/bapas?city=medan").get_data(as_text=True)
    assert client.get("/bapas?q=" + "x" * 500).status_code == 200
    first = client.get("/bapas").get_data(as_text=True)
    assert first.count('class="card h-100"') == 20 and 'rel="next"' in first


def test_directory_links_to_the_form_with_the_bapas_chosen(app, client):
    page = client.get("/bapas?q=bandung").get_data(as_text=True)
    link = re.search(r'href="(/gabung\?kantor=\d+)"', page).group(1)
    form = client.get(link).get_data(as_text=True)
    office_id = link.split("=")[1]
    assert re.search(rf'<option selected value="{office_id}">', form)


def test_figures_show_totals_by_province_and_kind_never_unlisted_names(app, client, users, orgs):
    users.make("partner")
    orgs.make("active", office_code="BAPAS-SMG", kind="employer", name="PT Rahasia Sekali")
    orgs.make("applied", kind="employer", name="Pemohon Belum Aktif")
    page = client.get("/angka-mitra?lang=en").get_data(as_text=True)
    assert "2 active partners" in page
    assert "Jawa Barat" in page and "Jawa Tengah" in page
    assert "Employer" in page
    assert "PT Rahasia Sekali" not in page and "Pemohon Belum Aktif" not in page
