"""Admin pages: list, create, edit, deactivate, reactivate; the audit log."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.auth.models import User
from portal.extensions import db

from .support import PASSWORD, login_client, office, t


def _office_id(app, code="BAPAS-BDG"):
    with app.app_context():
        return office(code).id


def test_list_filters_and_paginates(app, users):
    admin = users.make("admin")
    for _ in range(30):
        users.make("officer")
    client = login_client(app, admin)
    page = client.get("/admin/pengguna?role=officer").get_data(as_text=True)
    assert "30 akun" in page or "30 account" in page
    assert page.count("@test.example</td>") == 25
    second = client.get("/admin/pengguna?role=officer&page=2").get_data(as_text=True)
    assert second.count("@test.example</td>") == 5
    assert client.get("/admin/pengguna?q=nothing-matches").status_code == 200


def test_list_uses_a_bounded_number_of_queries(app, users):
    from sqlalchemy import event
    admin = users.make("admin")
    client = login_client(app, admin)

    def count_for(n_extra):
        for _ in range(n_extra):
            users.make("officer")
        statements = []
        with app.app_context():
            listener = lambda *a, **k: statements.append(1)  # noqa: E731
            event.listen(db.engine, "before_cursor_execute", listener)
            try:
                client.get("/admin/pengguna")
            finally:
                event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    few = count_for(2)
    many = count_for(20)
    assert many <= few + 2, (few, many)


def test_create_requires_an_office_for_bapas_staff(app, users):
    client = login_client(app, users.make("admin"))
    response = client.post("/admin/pengguna/baru", data={
        "name": "Tanpa Kantor", "email": "tanpa.kantor@test.example", "role": "officer",
        "office_id": "", "region_id": "", "locale": "id"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'aria-invalid="true"' in page
    assert 'value="Tanpa Kantor"' in page  # what was typed is kept
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "tanpa.kantor@test.example")) is None


def test_create_refuses_a_duplicate_email_and_a_bad_email(app, users):
    existing = users.make("officer")
    client = login_client(app, users.make("admin"))
    for email in (existing.email.upper(), "not-an-email"):
        response = client.post("/admin/pengguna/baru", data={
            "name": "X", "email": email, "role": "officer",
            "office_id": str(_office_id(app)), "region_id": "", "locale": "id"})
        assert response.status_code == 200
        assert 'aria-invalid="true"' in response.get_data(as_text=True)


def test_create_has_no_password_field_and_sets_no_password(app, users, mailbox):
    client = login_client(app, users.make("admin"))
    assert 'type="password"' not in client.get("/admin/pengguna/baru").get_data(as_text=True)
    client.post("/admin/pengguna/baru", data={
        "name": "Kanwil User", "email": "kanwil.user@test.example", "role": "regional",
        "office_id": "", "region_id": "1", "locale": "id"})
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "kanwil.user@test.example"))
        assert user.password_hash is None and user.region_id == 1 and user.office_id is None


def test_edit_role_and_office_ends_the_users_sessions(app, users):
    officer = users.make("officer")
    officer_client = login_client(app, officer)
    admin_client = login_client(app, users.make("admin"))
    response = admin_client.post(f"/admin/pengguna/{officer.id}", data={
        "name": officer.name, "email": officer.email, "role": "supervisor",
        "office_id": str(_office_id(app, "BAPAS-SMG")), "region_id": "", "locale": "id"})
    assert response.status_code == 302
    with app.app_context():
        user = db.session.get(User, officer.id)
        assert user.role == "supervisor" and user.office.code == "BAPAS-SMG"
    assert officer_client.get("/akun/").status_code == 302


def test_deactivate_ends_sessions_and_blocks_sign_in_then_reactivate(app, users):
    officer = users.make("officer")
    officer_client = login_client(app, officer)
    admin_client = login_client(app, users.make("admin"))
    admin_client.post(f"/admin/pengguna/{officer.id}/nonaktifkan")
    assert officer_client.get("/akun/").status_code == 302
    assert app.test_client().post("/masuk", data={"email": officer.email, "password": PASSWORD}).status_code == 200
    admin_client.post(f"/admin/pengguna/{officer.id}/aktifkan")
    assert app.test_client().post("/masuk", data={"email": officer.email, "password": PASSWORD}).status_code == 302
    with app.app_context():
        acts = list(db.session.scalars(select(AuditEvent.action).where(
            AuditEvent.object_id == str(officer.id), AuditEvent.object_type == "User")))
    assert "user.deactivated" in acts and "user.reactivated" in acts


def test_admin_cannot_deactivate_themselves(app, users):
    admin = users.make("admin")
    client = login_client(app, admin)
    client.post(f"/admin/pengguna/{admin.id}/nonaktifkan")
    assert client.get("/admin/pengguna").status_code == 200


def test_unknown_user_is_404(app, users):
    client = login_client(app, users.make("admin"))
    assert client.get("/admin/pengguna/999999").status_code == 404


def test_audit_log_page_filters(app, users):
    officer = users.make("officer")
    app.test_client().post("/masuk", data={"email": officer.email, "password": "wrong-password-x"})
    client = login_client(app, users.make("admin"))
    page = client.get("/admin/audit?action=login.failure").get_data(as_text=True)
    # the action in words (issue 10 §5), the wrong password as the reason
    assert 'data-action="login.failure"' in page and 'data-action="user.created"' not in page
    assert "Gagal masuk" in page and "Kata sandi salah" in page
    assert f"Akun {officer.email}" in page
    assert "login.failure" not in re.sub(r"<[^>]*>", "", page)  # only in markup
    page = client.get("/admin/audit?date_from=2001-01-01&date_to=2001-01-02").get_data(as_text=True)
    assert 'data-action="login.failure"' not in page
    assert client.get("/admin/audit?date_from=not-a-date").status_code == 200


@pytest.mark.parametrize("role", ["partner", "officer", "supervisor", "head", "regional"])
def test_admin_queries_refuse_anyone_else_with_404(app, users, role):
    from werkzeug.exceptions import NotFound

    from portal.admin import queries
    admin, other = users.make("admin"), users.make(role)
    with app.test_request_context():
        assert db.session.get(User, other.id) is not None
        assert queries.get_user_or_404(admin, other.id).id == other.id
        calls = (lambda: queries.users_query(other, None, None, None),
                 lambda: queries.get_user_or_404(other, admin.id),
                 lambda: queries.audit_query(other, None, None, None, None, None))
        for call in calls:
            with pytest.raises(NotFound):
                call()


def _emails_in_order(page: str, emails) -> list[str]:
    """The given emails that the page shows, in the order it shows them."""
    return sorted((e for e in emails if e in page), key=page.index)


def test_the_user_list_searches_name_and_email_and_filters_by_status(app, users):
    """The admin's user list: the search matches a part of the name or of the email, whatever
    its case; the status filter shows the active or the deactivated accounts; newest first."""
    ratna = users.make("officer", email="kasi.satu@bdg.example")
    ratih = users.make("supervisor", email="ratih.w@bdg.example")
    gone = users.make("officer", email="joko@bdg.example", active=False)
    with app.app_context():
        for user, name in ((ratna, "Ratna Sari"), (ratih, "Budi Santoso"), (gone, "Joko Susilo")):
            db.session.get(User, user.id).name = name
        db.session.commit()
    client = login_client(app, users.make("admin"))
    emails = (ratna.email, ratih.email, gone.email)

    def shown(query: str) -> list[str]:
        response = client.get(f"/admin/pengguna?{query}")
        assert response.status_code == 200
        return _emails_in_order(response.get_data(as_text=True), emails)

    assert shown("") == ["joko@bdg.example", "ratih.w@bdg.example", "kasi.satu@bdg.example"]
    assert shown("q=RATNA") == ["kasi.satu@bdg.example"]          # by name only
    assert shown("q=Ratih.W") == ["ratih.w@bdg.example"]          # by email only
    assert shown("q=%20sari%20") == ["kasi.satu@bdg.example"]     # spaces around are ignored
    assert shown("status=active") == ["ratih.w@bdg.example", "kasi.satu@bdg.example"]
    assert shown("status=inactive") == ["joko@bdg.example"]
    assert shown("q=bdg.example&role=officer&status=active") == ["kasi.satu@bdg.example"]


def _events(app, rows) -> None:
    """Audit events at given times: (action, at, actor or None, object type)."""
    with app.app_context():
        for action, at, actor, object_type in rows:
            db.session.add(AuditEvent(action=action, at=at, actor_id=getattr(actor, "id", None),
                                      actor_role=getattr(actor, "role", None),
                                      object_type=object_type, object_id="1"))
        db.session.commit()


def test_the_audit_log_filters_by_day_actor_and_object_newest_first(app, users):
    """The dates are whole days (UTC), both ends included; the actor is matched by email
    whatever its case; the object type exactly; events without an actor are listed too."""
    import datetime as dt
    officer = users.make("officer", email="pk.audit@bdg.example")
    supervisor = users.make("supervisor", email="kasi.audit@bdg.example")
    utc = dt.UTC
    # Five distinct client actions stand for five moments (every action shown has a label).
    probes = {"client.complete": "feb28_last_second", "client.intensify": "mar01_midnight",
              "client.relax": "mar01_evening", "client.revoke": "mar02_midnight",
              "client.restore": "mar03_noon"}
    _events(app, [
        ("client.complete", dt.datetime(2026, 2, 28, 23, 59, 59, tzinfo=utc), officer, "Client"),
        ("client.intensify", dt.datetime(2026, 3, 1, 0, 0, tzinfo=utc), officer, "Client"),
        ("client.relax", dt.datetime(2026, 3, 1, 23, 59, 59, tzinfo=utc), supervisor, "User"),
        ("client.revoke", dt.datetime(2026, 3, 2, 0, 0, tzinfo=utc), None, "Client"),
        ("client.restore", dt.datetime(2026, 3, 3, 12, 0, tzinfo=utc), None, "Client"),
    ])
    client = login_client(app, users.make("admin"))

    def shown(query: str) -> list[str]:
        response = client.get(f"/admin/audit?action=client.&{query}")
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        found = [f"probe.{probes[a]}" for a in re.findall(r'data-action="(client\.[a-z_]+)"', page)]
        assert len(found) == len(set(found)), f"an event is listed twice: {found}"
        return found

    assert shown("") == ["probe.mar03_noon", "probe.mar02_midnight", "probe.mar01_evening",
                         "probe.mar01_midnight", "probe.feb28_last_second"]
    assert shown("date_from=2026-03-01&date_to=2026-03-01") == ["probe.mar01_evening",
                                                                "probe.mar01_midnight"]
    assert shown("date_from=2026-03-02") == ["probe.mar03_noon", "probe.mar02_midnight"]
    assert shown("date_to=2026-03-01") == ["probe.mar01_evening", "probe.mar01_midnight",
                                           "probe.feb28_last_second"]
    assert shown("actor=PK.Audit@BDG.example") == ["probe.mar01_midnight", "probe.feb28_last_second"]
    assert shown("object_type=User") == ["probe.mar01_evening"]
    assert shown("object_type=Client&actor=kasi.audit@bdg.example") == []
    # who acted is named (hidden only where the actor is a complainant: test_promises_confidentiality)
    page = client.get("/admin/audit?date_from=2026-03-01&date_to=2026-03-01").get_data(as_text=True)
    assert "pk.audit@bdg.example" in page and "kasi.audit@bdg.example" in page
    assert t(app, "the complainant (identity hidden)") not in page
