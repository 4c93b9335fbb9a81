"""Deny by default: walk app.url_map and check every rule against the policy table."""
from __future__ import annotations

import pytest
from flask import url_for

from portal.security import PUBLIC as CODE_PUBLIC
from portal.security import ROLES, endpoint_access

from .access_policy import POLICY, PUBLIC
from .support import login_client

REFUSED = {302, 403, 404}


def _rules(app):
    return sorted(app.url_map.iter_rules(), key=lambda r: r.endpoint)


def _method(rule) -> str:
    return "GET" if "GET" in rule.methods else "POST"


def _url(app, rule) -> str:
    _, args = POLICY[rule.endpoint]
    with app.test_request_context():
        return url_for(rule.endpoint, **args)


def test_every_rule_is_in_the_policy_table(app):
    missing = [r.endpoint for r in app.url_map.iter_rules() if r.endpoint not in POLICY]
    assert missing == [], f"add these endpoints to tests/access_policy.py: {missing}"


def test_every_policy_row_names_a_real_rule(app):
    endpoints = {r.endpoint for r in app.url_map.iter_rules()}
    assert sorted(set(POLICY) - endpoints) == []


def test_code_and_table_agree(app):
    for endpoint, (allowed, _) in POLICY.items():
        access = endpoint_access(app, endpoint)
        if allowed == PUBLIC:
            assert access == CODE_PUBLIC, endpoint
        else:
            assert set(access or ()) == set(allowed), endpoint


def test_public_endpoints_are_the_allow_list(app):
    public = sorted(e for e, (allowed, _) in POLICY.items() if allowed == PUBLIC)
    assert public == sorted([
        "static", "public.home", "public.healthz", "auth.login", "auth.second_factor",
        "auth.forgot_password", "auth.set_password", "public.about", "public.how_to_join",
        "public.faq", "public.privacy", "public.accessibility", "public.directory",
        "public.figures", "public.apply", "public.apply_sent", "public.apply_confirm",
        "public.apply_answer", "complaints.public_new", "complaints.receipt", "complaints.track",
        "complaints.case_public", "complaints.case_public_step"])


def test_anonymous_is_sent_to_sign_in_for_every_private_rule(app):
    client = app.test_client()
    checked = 0
    for rule in _rules(app):
        allowed, _ = POLICY[rule.endpoint]
        url = _url(app, rule)
        response = client.open(url, method=_method(rule))
        if allowed == PUBLIC:
            assert response.status_code < 500 and response.status_code not in (401, 403), url
        else:
            assert response.status_code == 302, (rule.endpoint, response.status_code)
            assert response.headers["Location"].startswith("/masuk"), rule.endpoint
            checked += 1
    assert checked >= 14


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_refused_where_the_table_does_not_allow_it(app, users, role):
    user = users.make(role)  # roles that need TOTP get it, so no enrolment detour
    client = login_client(app, user)
    for rule in _rules(app):
        allowed, _ = POLICY[rule.endpoint]
        url = _url(app, rule)
        response = client.open(url, method=_method(rule))
        if allowed == PUBLIC:
            continue
        if role in allowed:
            assert response.status_code < 500 and response.status_code != 403, (role, url)
        else:
            assert response.status_code in REFUSED, (role, url, response.status_code)
            assert response.status_code != 200


def test_user_needing_totp_enrolment_reaches_only_the_enrolment_page(app, users):
    head = users.make("head", totp=False)
    client = login_client(app, head)
    for rule in _rules(app):
        allowed, _ = POLICY[rule.endpoint]
        if allowed == PUBLIC or rule.endpoint in ("account.totp_setup", "auth.logout"):
            continue
        response = client.open(_url(app, rule), method=_method(rule))
        assert response.status_code in (302, 403), rule.endpoint
        if response.status_code == 302:
            assert response.headers["Location"] == "/akun/2fa", rule.endpoint
    assert client.get("/akun/2fa").status_code == 200
