"""Every form answers bad input with a translated error on the page — never a 500 —
and keeps what the user typed (passwords excepted)."""
from __future__ import annotations

import pytest

from .support import login_client

# (form, role or None, URL, data, text that must come back, a typed value that must be kept)
CASES = [
    ("login-empty", None, "/masuk", {"email": "", "password": ""}, "Isian ini wajib diisi.", None),
    ("login-long", None, "/masuk", {"email": "a@b.example", "password": "x" * 600},
     "Isian tidak boleh lebih dari", 'value="a@b.example"'),
    ("second-factor-no-session", None, "/masuk/kode", {"code": "abc"}, None, None),
    ("forgot-bad-email", None, "/lupa-sandi", {"email": "not-an-email"}, "Alamat email tidak sah.",
     'value="not-an-email"'),
    ("set-password-bad-token", None, "/sandi/nope", {"password": "x", "confirm": "y"}, None, None),
    ("change-password-mismatch", "officer", "/akun/sandi",
     {"current": "wrong", "password": "padang-rendang-2026-a", "confirm": "padang-rendang-2026-b"},
     "Kedua kata sandi tidak sama.", None),
    ("change-password-short", "officer", "/akun/sandi",
     {"current": "x", "password": "short", "confirm": "short"}, "Gunakan minimal 12 karakter.", None),
    ("enrol-totp-letters", "officer", "/akun/2fa", {"code": "abcdef"}, "Masukkan 6 digit", None),
    ("language-unknown", "officer", "/akun/bahasa", {"locale": "xx"}, None, None),
    ("notices-bad-phone", "officer", "/akun/pemberitahuan", {"email": "y", "phone": "telepon saya"},
     "Masukkan nomor ponsel seperti 0812 3456 7890", 'value="telepon saya"'),
    ("reminder-days-descending", "supervisor", "/staf/pengaduan/pengingat", {"days": "17, 10, 3"},
     "Tulis hari-hari itu berurutan", 'value="17, 10, 3"'),
    ("disable-totp-empty", "officer", "/akun/2fa/nonaktif", {}, None, None),
    ("user-new-empty", "admin", "/admin/pengguna/baru",
     {"name": "", "email": "", "role": "nope", "office_id": "abc", "region_id": "", "locale": "id"},
     "Isian ini wajib diisi.", None),
    ("user-new-long-name", "admin", "/admin/pengguna/baru",
     {"name": "N" * 300, "email": "long@test.example", "role": "admin", "office_id": "",
      "region_id": "", "locale": "id"}, "Isian tidak boleh lebih dari", 'value="long@test.example"'),
]


@pytest.mark.parametrize("name, role, url, data, expected, kept", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_answered_on_the_form(app, users, name, role, url, data, expected, kept):
    client = login_client(app, users.make(role)) if role else app.test_client()
    response = client.post(url, data=data)
    assert response.status_code in (200, 302, 404), response.status_code
    page = response.get_data(as_text=True)
    if expected:
        assert response.status_code == 200
        assert expected in page
        assert 'aria-invalid="true"' in page or 'role="alert"' in page
    if kept:
        assert kept in page


def test_filter_forms_ignore_nonsense(app, users):
    client = login_client(app, users.make("admin"))
    for url in ("/admin/pengguna?role=zzz&status=zzz&page=abc",
                "/admin/audit?date_from=31-31-2026&date_to=x&page=-4"):
        assert client.get(url).status_code == 200


def test_english_user_gets_english_wtforms_messages(client):
    page = client.post("/masuk?lang=en", data={"email": "", "password": ""}).get_data(as_text=True)
    assert "This field is required." in page


VETTING_CASES = [
    ("checklist", {"checklist-visit_on": "2999-01-01"}, "Tanggal tidak boleh di masa mendatang."),
    ("checklist", {"checklist-visit_on": "kemarin"}, "Tanggal tidak sah."),
    ("request_info", {"info-message": "kurang"}, "Isian harus antara 10 dan 2000 karakter."),
    ("reject", {"reject-reason": ""}, "Isian ini wajib diisi."),
    ("record_pks", {"pks-pks_number": ""}, "Isian ini wajib diisi."),
]


@pytest.mark.parametrize("action, data, expected", VETTING_CASES, ids=[c[0] for c in VETTING_CASES])
def test_vetting_forms_answer_bad_input(app, users, orgs, action, data, expected):
    org = orgs.make("vetted" if action == "record_pks" else "applied")
    client = login_client(app, users.make("head"))
    prefix = next(iter(data)).split("-")[0]
    response = client.post(f"/staf/mitra/{org.public_id}/{action}",
                           data={f"{prefix}-version": org.version, **data})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert expected in page and 'aria-invalid="true"' in page


def test_filter_forms_of_partners_ignore_nonsense(app, users):
    client = login_client(app, users.make("supervisor"))
    assert client.get("/staf/mitra/?status=zzz&kind=zzz&age=abc").status_code == 200
    assert app.test_client().get("/bapas?province=zzz&page=999").status_code == 200
