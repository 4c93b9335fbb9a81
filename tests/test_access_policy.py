"""Deny by default: walk app.url_map and check every rule against the policy table, on real
objects in and out of each actor's scope."""
from __future__ import annotations

import uuid
from typing import NamedTuple

import pytest

from portal import create_app
from portal.extensions import db
from portal.security import PUBLIC as CODE_PUBLIC
from portal.security import endpoint_access

from .access_policy import ACTORS, FINER, FINER_OBJECTS, NEVER_SEES, POLICY, PUBLIC, REFUSED, Page, Redirect, sample_url
from .access_world import build_world
from .conftest import Snapshot, base_config
from .support import login_client

SIGNS_OUT = {"auth.logout"}  # ends every session of the user: walked last


def _rules(app):
    return sorted(app.url_map.iter_rules(), key=lambda r: r.endpoint)


def _method(rule) -> str:
    return "GET" if "GET" in rule.methods else "POST"


def _url(rule, side=None) -> str:
    return POLICY[rule.endpoint].path.format(x=side) if side else sample_url(rule.endpoint)


def _expected(actor: str, endpoint: str):
    """The table's answer for this actor on the in-scope object."""
    row = POLICY[endpoint]
    role = ACTORS[actor]
    if role not in row.roles:
        return REFUSED
    if (actor, endpoint) in FINER:
        return FINER[(actor, endpoint)]
    return row.answer[role] if isinstance(row.answer, dict) else row.answer


def _problem(response, expected, side, must_not_show: dict[str, str]) -> str | None:
    """What is wrong with the response, or None."""
    status = response.status_code
    if expected == REFUSED:
        if status not in (403, 404):
            return f"expected 403/404, got {status} {response.headers.get('Location', '')}"
    elif isinstance(expected, Redirect):
        want = expected.path.format(x=side)
        if status != 302 or response.headers.get("Location") != want:
            return f"expected 302 to {want}, got {status} {response.headers.get('Location', '')}"
    elif isinstance(expected, Page):
        if status != expected.status:
            return f"expected {expected.status}, got {status} {response.headers.get('Location', '')}"
        if side.text[expected.shows].encode() not in response.data:
            return f"the page does not show the object ({expected.shows})"
    elif status != expected:
        return f"expected {expected}, got {status} {response.headers.get('Location', '')}"
    seen = [key for key, text in must_not_show.items() if text.encode() in response.data]
    return f"shows text it must not show: {seen}" if seen else None


@pytest.fixture(scope="module")
def rules_app(smtp_server, tmp_path_factory):
    """An app for the tests that read only its URL map (no database is opened)."""
    return create_app(base_config("sqlite://", smtp_server.port, tmp_path_factory.mktemp("rules")))


@pytest.fixture(scope="module")
def world_snapshot(databases, smtp_server, tmp_path_factory):
    """The world, built once on a database of its own."""
    url = databases.clone(f"w{uuid.uuid4().hex[:10]}")
    storage = tmp_path_factory.mktemp("world-storage")
    app = create_app(base_config(url, smtp_server.port, storage))
    world = build_world(app)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    yield Snapshot(url, storage), world
    databases.drop(url)


@pytest.fixture
def world(make_app, world_snapshot):
    """A fresh copy of the world for each actor (the walk's POSTs may change it): (app, world)."""
    snapshot, world = world_snapshot
    return make_app(copy_of=snapshot), world


# ---------------------------------------------------------------- the table and the code

def test_every_rule_is_in_the_policy_table(rules_app):
    missing = [r.endpoint for r in rules_app.url_map.iter_rules() if r.endpoint not in POLICY]
    assert missing == [], f"add these endpoints to tests/access_policy.py: {missing}"


def test_every_policy_row_names_a_real_rule(rules_app):
    endpoints = {r.endpoint for r in rules_app.url_map.iter_rules()}
    assert sorted(set(POLICY) - endpoints) == []


def test_every_row_url_is_its_own_rule(rules_app):
    adapter = rules_app.url_map.bind("localhost")
    for rule in _rules(rules_app):
        endpoint, _ = adapter.match(_url(rule), method=_method(rule))
        assert endpoint == rule.endpoint, (rule.endpoint, _url(rule))
    methods = {rule.endpoint: _method(rule) for rule in rules_app.url_map.iter_rules()}
    for actor, endpoint, path in FINER_OBJECTS:
        assert ACTORS[actor] in POLICY[endpoint].roles, (actor, endpoint)
        url = sample_url(path)
        assert adapter.match(url, method=methods[endpoint])[0] == endpoint, (endpoint, url)


def test_code_and_table_agree(rules_app):
    for endpoint, row in POLICY.items():
        access = endpoint_access(rules_app, endpoint)
        if row.roles == PUBLIC:
            assert access == CODE_PUBLIC, endpoint
        else:
            assert set(access or ()) == set(row.roles), endpoint


def test_public_endpoints_are_the_allow_list():
    public = sorted(e for e, row in POLICY.items() if row.roles == PUBLIC)
    assert public == sorted([
        "static", "public.home", "public.healthz", "auth.login", "auth.second_factor",
        "auth.forgot_password", "auth.set_password", "public.about", "public.how_to_join",
        "public.faq", "public.privacy", "public.accessibility", "public.directory",
        "public.figures", "public.apply", "public.apply_sent", "public.apply_confirm",
        "public.apply_answer", "complaints.public_new", "complaints.receipt", "complaints.track",
        "complaints.case_public", "complaints.case_public_step", "complaints.withdraw_public",
        "complaints.verify"])  # issue 10: the QR code on every letter leads there


# ---------------------------------------------------------------- anonymous

def test_anonymous_is_sent_to_sign_in_for_every_private_rule(app):
    client = app.test_client()
    checked = 0
    for rule in _rules(app):
        row = POLICY[rule.endpoint]
        response = client.open(_url(rule), method=_method(rule))
        if row.roles == PUBLIC:
            assert response.status_code < 500 and response.status_code not in (401, 403), rule.endpoint
        else:
            assert response.status_code == 302, (rule.endpoint, response.status_code)
            assert response.headers["Location"].startswith("/masuk"), rule.endpoint
            checked += 1
    assert checked == sum(1 for row in POLICY.values() if row.roles != PUBLIC)


# ---------------------------------------------------------------- each actor on real objects

class Check(NamedTuple):
    what: str
    url: str
    method: str
    expected: object             # an answer of the table, or REFUSED
    side: object                 # the side of the world the URL names
    must_not_show: dict          # text key → text the response must not contain


def _checks(app, world, actor: str) -> list[Check]:
    """Every private rule on the in-scope object, and on the out-of-scope one, and the finer
    refusals of this actor; the rule that signs out comes last."""
    side_b = {f"B:{key}": text for key, text in world.b.text.items()}
    anything = {**world.a.text, **side_b}
    allowed_not = {**{k: world.a.text[k] for k in NEVER_SEES[actor]}, **side_b}
    methods = {rule.endpoint: _method(rule) for rule in app.url_map.iter_rules()}
    checks = []
    for rule in _rules(app):
        row = POLICY[rule.endpoint]
        if row.roles == PUBLIC:
            continue
        method = methods[rule.endpoint]
        expected = _expected(actor, rule.endpoint)
        checks.append(Check(f"{rule.endpoint} in scope", _url(rule, world.a), method, expected, world.a,
                            anything if expected == REFUSED else allowed_not))
        if row.out and "{x." in row.path:
            checks.append(Check(f"{rule.endpoint} out of scope", _url(rule, world.b), method, REFUSED,
                                world.b, anything))
    for who, endpoint, path in FINER_OBJECTS:
        if who == actor:
            checks.append(Check(f"{endpoint} refused by a finer rule", path.format(x=world.a),
                                methods[endpoint], REFUSED, world.a, anything))
    return sorted(checks, key=lambda check: check.what.split()[0] in SIGNS_OUT)


@pytest.mark.parametrize("actor", ACTORS)
def test_each_actor_gets_the_tables_answer_in_and_out_of_scope(world, actor):
    app, world = world
    session = login_client(app, world.actors[actor])
    problems = []
    for check in _checks(app, world, actor):
        response = session.open(check.url, method=check.method)
        problem = _problem(response, check.expected, check.side, check.must_not_show)
        if problem:
            problems.append(f"{check.what} {check.method} {check.url}: {problem}")
    assert problems == [], f"{actor} ({ACTORS[actor]}):\n" + "\n".join(problems)


def test_user_needing_totp_enrolment_reaches_only_the_enrolment_page(app, users):
    head = users.make("head", totp=False)
    client = login_client(app, head)
    for rule in _rules(app):
        row = POLICY[rule.endpoint]
        if row.roles == PUBLIC or rule.endpoint in ("account.totp_setup", "auth.logout"):
            continue
        response = client.open(_url(rule), method=_method(rule))
        assert response.status_code == 302, rule.endpoint
        assert response.headers["Location"] == "/akun/2fa", rule.endpoint
    assert client.get("/akun/2fa").status_code == 200
