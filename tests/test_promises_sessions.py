"""A copied session cookie dies with the session: after logout, after a password change (all
other copies; the changing browser stays signed in), and when an admin deactivates the account
or changes its role."""
from __future__ import annotations

from .support import PASSWORD, login_client, office, t

NEW_PASSWORD = "gunung-tangkuban-perahu-9"


def signed_in_twice(app, user):
    """The user signs in through the form; the session cookie is copied to a second browser."""
    first = app.test_client()
    assert first.post("/masuk", data={"email": user.email, "password": PASSWORD}).status_code == 302
    copy = app.test_client()
    copy.set_cookie("pokmas_session", first.get_cookie("pokmas_session").value)
    assert copy.get("/akun/").status_code == 200  # the copy works like the original
    return first, copy


def assert_signed_out(app, session) -> None:
    """A private page sends the browser to the sign-in form."""
    response = session.get("/akun/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/masuk?next=/akun/"
    landed = session.get(response.headers["Location"]).get_data(as_text=True)
    assert 'name="password"' in landed and t(app, "Sign in") in landed


def test_logout_ends_the_copied_cookie(app, users):
    user = users.make("officer")
    first, copy = signed_in_twice(app, user)
    not_by_get = first.get("/keluar")
    assert not_by_get.status_code == 405
    assert t(app, "This page cannot be used this way.") in not_by_get.get_data(as_text=True)
    assert first.post("/keluar").headers["Location"] == "/"
    assert_signed_out(app, first)
    assert_signed_out(app, copy)
    assert copy.post("/keluar").headers["Location"].startswith("/masuk")


def test_a_password_change_ends_the_other_copies_and_keeps_this_browser(app, users):
    user = users.make("officer")
    first, copy = signed_in_twice(app, user)
    changed = first.post("/akun/sandi", data={"current": PASSWORD, "password": NEW_PASSWORD,
                                              "confirm": NEW_PASSWORD})
    assert changed.headers["Location"] == "/akun/"
    page = first.get("/akun/")
    assert page.status_code == 200
    message = t(app, "Your password is changed. Other sessions have been signed out.")
    assert message in page.get_data(as_text=True)
    assert_signed_out(app, copy)
    assert first.get("/akun/").status_code == 200  # and it stays signed in


def test_deactivation_by_an_admin_ends_every_copy(app, users):
    user = users.make("officer")
    first, copy = signed_in_twice(app, user)
    admin = login_client(app, users.make("admin"))
    assert admin.post(f"/admin/pengguna/{user.id}/nonaktifkan").status_code == 302
    assert_signed_out(app, first)
    assert_signed_out(app, copy)
    again = app.test_client().post("/masuk", data={"email": user.email, "password": PASSWORD})
    assert again.status_code == 200 and t(app, "The email or password is wrong.") in again.get_data(as_text=True)


def test_a_role_change_by_an_admin_ends_every_copy(app, users):
    user = users.make("officer")
    first, copy = signed_in_twice(app, user)
    with app.app_context():
        office_id = office().id
    admin = login_client(app, users.make("admin"))
    saved = admin.post(f"/admin/pengguna/{user.id}", data={
        "name": user.name, "email": user.email, "role": "supervisor", "office_id": str(office_id),
        "region_id": "", "locale": "id"})
    assert saved.headers["Location"] == f"/admin/pengguna/{user.id}"
    assert_signed_out(app, first)
    assert_signed_out(app, copy)
    # signing in again gives a session with the new role
    again = app.test_client().post("/masuk", data={"email": user.email, "password": PASSWORD})
    assert again.headers["Location"] == "/beranda/"  # every role starts at its work home (issue 11)
