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


def test_directory_lists_by_province_then_by_name(client):
    """The directory is ordered by province, then by the office's name (not by how the
    reference data happens to be stored); the search matches the name or the city."""
    page = client.get("/bapas?q=RAN").get_data(as_text=True)
    names = re.findall(r'<h2 class="h6 card-title">([^<]+)</h2>', page)
    assert names == [
        "Balai Pemasyarakatan Kelas II Karangasem",      # Bali
        "Balai Pemasyarakatan Kelas I Tangerang",        # Banten
        "Balai Pemasyarakatan Kelas II Ciangir",         # Banten, city Kabupaten Tangerang
        "Balai Pemasyarakatan Kelas II Serang",          # Banten
        "Balai Pemasyarakatan Kelas I Semarang",         # Jawa Tengah
    ]
    for query in ("q=kabupaten%20tangerang", "q=KELAS%20II%20CIANGIR", "city=Kabupaten%20TANGERANG"):
        found = client.get(f"/bapas?{query}").get_data(as_text=True)   # the city; the name; the city
        assert re.findall(r'<h2 class="h6 card-title">([^<]+)</h2>', found) == [
            "Balai Pemasyarakatan Kelas II Ciangir"], query


def _rows(section: str) -> list[tuple[str, str]]:
    return re.findall(r'<tr><td>([^<]+)</td><td class="text-end">(\d+)</td></tr>', section)


def test_figures_count_only_active_partners_and_published_places_largest_first(app, client, orgs):
    """Public figures (DESIGN §2 least privilege: aggregates only): active partners by province
    and by kind, published opportunities by sector and by province, each largest first and
    ties by name; named only the active partners that chose to be listed, by name."""
    from .support import make_posting
    for office_code, kind in (("BAPAS-BDG", "religious"), ("BAPAS-BDG", "religious"),
                              ("BAPAS-BDG", "ngo"), ("BAPAS-SMG", "employer")):
        orgs.make("active", office_code=office_code, kind=kind)
    listed = orgs.make("active", office_code="BAPAS-DPS", kind="academic", listed_publicly=True,
                       name="Universitas Terbuka Uji")
    orgs.make("active", kind="religious", listed_publicly=True, name="Masjid Terbuka Uji")
    orgs.make("applied", kind="employer", listed_publicly=True, name="Pemohon Terbuka Uji")
    orgs.make("suspended", office_code="BAPAS-SMG", kind="ngo", listed_publicly=True,
              name="Yayasan Ditangguhkan Uji")
    orgs.make("ended", office_code="BAPAS-SMG", kind="ngo")
    for status, office_code, sector in (
            ("published", "BAPAS-SMG", "garment"), ("published", "BAPAS-SMG", "garment"),
            ("published", "BAPAS-SMG", "trade"), ("published", "BAPAS-BDG", "food"),
            ("published", "BAPAS-BDG", "agriculture"), ("published", "BAPAS-DPS", "garment"),
            ("published", "BAPAS-DPS", "garment"), ("closed", "BAPAS-BDG", "garment"),
            ("draft", "BAPAS-BDG", "technology"), ("pending", "BAPAS-BDG", "technology")):
        make_posting(app, listed.id, status=status, office_codes=(office_code,), sector=sector)

    page = client.get("/angka-mitra?lang=en").get_data(as_text=True)
    assert "6 active partners" in page
    by_province, rest = page.split('id="by-province"')[1].split('id="by-kind"')
    by_kind, rest = rest.split('id="listed"')
    listed_part, jobs = rest.split('id="jobs-h"')
    by_sector, jobs_by_province = jobs.split("<caption>By province</caption>")
    assert _rows(by_province) == [("Jawa Barat", "4"), ("Bali", "1"), ("Jawa Tengah", "1")]
    assert _rows(by_kind) == [("Religious or community leader", "3"), ("Academic", "1"),
                              ("Employer", "1"), ("NGO or foundation", "1")]
    assert re.findall(r"<strong>([^<]+)</strong>", listed_part) == ["Masjid Terbuka Uji",
                                                                   "Universitas Terbuka Uji"]
    assert _rows(by_sector) == [("Garment and tailoring", "4"), ("Agriculture", "1"),
                                ("Food and hospitality", "1"), ("Trade and retail", "1")]
    assert _rows(jobs_by_province) == [("Jawa Tengah", "3"), ("Bali", "2"), ("Jawa Barat", "2")]


def test_directory_counts_the_active_partners_of_each_office(client, orgs):
    for office_code, status in (("BAPAS-BDG", "active"), ("BAPAS-BDG", "active"),
                                ("BAPAS-SMG", "active"), ("BAPAS-SMG", "applied"),
                                ("BAPAS-SMG", "suspended")):
        orgs.make(status, office_code=office_code)

    def active_partners(q: str) -> list[str]:
        page = client.get(f"/bapas?lang=en&q={q}").get_data(as_text=True)
        return re.findall(r"<dt>Active partners</dt><dd>(\d+)</dd>", page)

    assert active_partners("Kelas I Bandung") == ["2"]
    assert active_partners("Kelas I Semarang") == ["1"]
    assert active_partners("Kelas I Denpasar") == ["0"]
