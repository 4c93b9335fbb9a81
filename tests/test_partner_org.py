"""The partner organisation: members, public profile, suspension and reinstatement."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from sqlalchemy import select

from portal.auth.models import User
from portal.extensions import db
from portal.partners.models import PartnerOrg

from .support import PASSWORD, login_client, t


def test_org_admin_invites_a_member_who_joins(app, users, mailbox):
    admin = users.make("partner")
    client = login_client(app, admin)
    response = client.post("/mitra/anggota", data={"name": "Rudi Hartono", "email": "rudi@test.example"})
    assert response.status_code == 302
    [email] = mailbox.to("rudi@test.example")
    path = urlsplit(mailbox.links(email)[0]).path
    member = app.test_client()
    member.post(path, data={"password": "bukit-tinggi-jam-gadang", "confirm": "bukit-tinggi-jam-gadang"})
    assert member.post("/masuk", data={"email": "rudi@test.example",
                                       "password": "bukit-tinggi-jam-gadang"}).status_code == 302
    with app.app_context():
        joined = db.session.scalar(select(User).where(User.email == "rudi@test.example"))
        assert joined.partner_org_id == admin.partner_org_id and not joined.org_admin
    # a plain member can read the list but not invite or deactivate
    assert member.get("/mitra/anggota").status_code == 200
    assert member.post("/mitra/anggota", data={"name": "X", "email": "x@test.example"}).status_code == 403
    assert member.post(f"/mitra/anggota/{admin.id}/nonaktifkan").status_code in (403, 404)


def test_invite_refuses_a_taken_email(app, users):
    admin = users.make("partner")
    other = users.make("officer")
    page = login_client(app, admin).post("/mitra/anggota", data={"name": "X", "email": other.email})
    assert page.status_code == 200 and 'aria-invalid="true"' in page.get_data(as_text=True)


def test_deactivated_member_loses_access_at_once(app, users):
    admin = users.make("partner")
    member = users.make("partner", partner_org_id=admin.partner_org_id)
    member_client = login_client(app, member)
    assert member_client.get("/mitra/").status_code == 200
    login_client(app, admin).post(f"/mitra/anggota/{member.id}/nonaktifkan")
    assert member_client.get("/mitra/").status_code == 302
    login_client(app, admin).post(f"/mitra/anggota/{member.id}/aktifkan")
    assert app.test_client().post("/masuk", data={"email": member.email, "password": PASSWORD}).status_code == 302


def test_members_of_another_org_are_out_of_reach(app, users):
    admin = users.make("partner")
    stranger = users.make("partner")
    client = login_client(app, admin)
    assert stranger.email not in client.get("/mitra/anggota").get_data(as_text=True)
    assert client.post(f"/mitra/anggota/{stranger.id}/nonaktifkan").status_code == 404
    with app.app_context():
        assert db.session.get(User, stranger.id).active


def test_listing_is_the_partners_choice(app, users):
    admin = users.make("partner")
    with app.app_context():
        name = db.session.get(PartnerOrg, admin.partner_org_id).name
    public = app.test_client()
    figures = public.get("/angka-mitra").get_data(as_text=True)
    assert name not in figures and "Jawa Barat" in figures
    client = login_client(app, admin)
    client.post("/mitra/profil", data={"public_description": "Pelatihan menjahit.",
                                       "website": "https://harapan.example", "listed_publicly": "y"})
    figures = public.get("/angka-mitra").get_data(as_text=True)
    assert name in figures and "Pelatihan menjahit." in figures
    bad = client.post("/mitra/profil", data={"website": "not a url"})
    assert bad.status_code == 200 and 'aria-invalid="true"' in bad.get_data(as_text=True)


def test_suspension_cuts_members_off_and_reinstatement_restores(app, users, mailbox):
    admin = users.make("partner")
    member_client = login_client(app, admin)
    assert member_client.get("/mitra/").status_code == 200
    supervisor = login_client(app, users.make("supervisor"))
    with app.app_context():
        org = db.session.get(PartnerOrg, admin.partner_org_id)
        public_id, version = org.public_id, org.version
    supervisor.post(f"/staf/mitra/{public_id}/suspend",
                    data={"suspend-version": version, "suspend-reason": "Membagikan data klien di media sosial."})
    response = member_client.get("/mitra/")
    assert response.status_code == 302 and response.headers["Location"] == "/masuk"
    # the member signed in at that moment is told why, as a warning
    told = member_client.get("/masuk").get_data(as_text=True)
    assert ('<div class="alert alert-warning">Organisasi Anda saat ini bukan mitra aktif, sehingga akunnya '
            'tidak dapat masuk. Hubungi Bapas Anda.</div>') in told
    refused = app.test_client().post("/masuk", data={"email": admin.email, "password": PASSWORD})
    assert t(app, "Your organisation is not an active partner at the moment, so its accounts cannot "
                  "sign in. Contact your Bapas.") in refused.get_data(as_text=True)
    assert "Membagikan data klien" in mailbox.body(mailbox.to(admin.email)[0])
    with app.app_context():
        version = db.session.get(PartnerOrg, admin.partner_org_id).version
    supervisor.post(f"/staf/mitra/{public_id}/reinstate", data={"reinstate-version": version})
    assert app.test_client().post("/masuk", data={"email": admin.email, "password": PASSWORD}).status_code == 302


def test_members_are_listed_admins_first_then_by_name_and_only_this_organisations(app, users):
    admin = users.make("partner", email="zainal@mitra.example")
    org_id = admin.partner_org_id
    for email, is_admin in (("bayu@mitra.example", False), ("rudi@mitra.example", True),
                            ("ani@mitra.example", False)):
        users.make("partner", partner_org_id=org_id, org_admin=is_admin, email=email)
    users.make("partner", email="lain@mitra-lain.example")
    names = {"zainal": "Zainal Arifin", "bayu": "Bayu Aji", "rudi": "Rudi Hartono", "ani": "Ani Lestari"}
    with app.app_context():
        for user in db.session.scalars(select(User).where(User.partner_org_id == org_id)):
            user.name = names[user.email.split("@")[0]]
        db.session.commit()
    page = login_client(app, admin).get("/mitra/anggota").get_data(as_text=True)
    assert re.findall(r"<td>([^<]+@[^<]+)</td>", page) == [
        "rudi@mitra.example", "zainal@mitra.example", "ani@mitra.example", "bayu@mitra.example"]
