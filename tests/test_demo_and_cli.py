"""`flask demo` and `flask users create-admin`."""
from __future__ import annotations

from sqlalchemy import func, select

from portal import create_app
from portal.auth.models import User
from portal.demo import DEMO_PASSWORD, DEMO_USERS
from portal.extensions import db


def test_demo_twice_creates_each_account_once(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "--no-serve"])
    assert first.exit_code == 0, first.output
    for _role, email, _, secret in DEMO_USERS:
        assert email in first.output
        if secret:
            assert secret in first.output
    second = runner.invoke(args=["demo", "--no-serve"])
    assert second.exit_code == 0
    with app.app_context():
        # and the work homes' demo (issue 11): two more PKs, an invited account, a locked one
        assert db.session.scalar(select(func.count(User.id))) == len(DEMO_USERS) + 4
    client = app.test_client()
    response = client.post("/masuk", data={"email": "pk.bandung@pokmas.example",
                                           "password": DEMO_PASSWORD})
    assert response.status_code == 302
    partner = app.test_client()
    partner.post("/masuk", data={"email": "mitra@pokmas.example", "password": DEMO_PASSWORD})
    assert "Yayasan Bina Harapan" in partner.get("/mitra/").get_data(as_text=True)
    with app.app_context():
        from portal.partners.models import PartnerOrg
        assert db.session.scalar(select(func.count(PartnerOrg.id))) == 4  # and one vetted, for the Kepala
    from portal.demo_data import DEMO_COMPLAINT_REFERENCE, DEMO_COMPLAINT_SECRET
    tracker = app.test_client()
    response = tracker.post("/pengaduan/lacak", data={"reference": DEMO_COMPLAINT_REFERENCE,
                                                      "secret": DEMO_COMPLAINT_SECRET})
    assert response.headers["Location"] == "/pengaduan/kasus"


def test_demo_refuses_the_production_config():
    app = create_app({"ENV_NAME": "production", "SECRET_KEY": "k" * 40,
                      "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://u@127.0.0.1:1/x",
                      "STORAGE_DIR": "/tmp/x"})
    result = app.test_cli_runner().invoke(args=["demo", "--no-serve"])
    assert result.exit_code != 0 and "production" in result.output


def test_create_admin_checks_the_password_and_creates_no_default(app):
    runner = app.test_cli_runner()
    weak = runner.invoke(args=["users", "create-admin", "--email", "boss@test.example",
                               "--name", "Boss"], input="password1234\npassword1234\n")
    assert weak.exit_code != 0
    ok = runner.invoke(args=["users", "create-admin", "--email", "Boss@Test.example",
                             "--name", "Boss"], input="lembah-baliem-sunrise\nlembah-baliem-sunrise\n")
    assert ok.exit_code == 0, ok.output
    again = runner.invoke(args=["users", "create-admin", "--email", "boss@test.example",
                                "--name", "Boss"], input="lembah-baliem-sunrise\nlembah-baliem-sunrise\n")
    assert again.exit_code != 0
    client = app.test_client()
    response = client.post("/masuk", data={"email": "boss@test.example",
                                           "password": "lembah-baliem-sunrise"})
    assert response.headers["Location"] == "/akun/2fa"  # admins enrol before anything else
