"""CSRF protection on every POST, logout included, with CSRF switched on."""
from __future__ import annotations

from .access_policy import sample_url
from .support import PASSWORD, UserFactory, csrf_token


def test_every_post_rule_refuses_a_missing_token(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    user = UserFactory(app).make("admin")
    client = app.test_client()
    with client.session_transaction() as sess:
        from portal.db import utcnow
        sess["_user_id"] = user.get_id()
        sess["_auth_at"] = sess["_seen"] = utcnow().timestamp()
    posts = [r for r in app.url_map.iter_rules() if "POST" in r.methods]
    assert len(posts) >= 10
    for rule in posts:
        response = client.post(sample_url(rule.endpoint), data={})
        assert response.status_code == 400, rule.endpoint
        assert "Formulir kedaluwarsa" in response.get_data(as_text=True)
    assert client.get("/akun/").status_code == 200  # still signed in: nothing happened


def test_sign_in_works_with_the_token_from_the_page(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    user = UserFactory(app).make("officer")
    client = app.test_client()
    token = csrf_token(client.get("/masuk").get_data(as_text=True))
    response = client.post("/masuk", data={"email": user.email, "password": PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 302


def test_token_from_another_session_is_refused(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    user = UserFactory(app).make("officer")
    other_token = csrf_token(app.test_client().get("/masuk").get_data(as_text=True))
    client = app.test_client()
    client.get("/masuk")
    response = client.post("/masuk", data={"email": user.email, "password": PASSWORD,
                                           "csrf_token": other_token})
    assert response.status_code == 400
