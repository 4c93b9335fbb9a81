"""Edges of the policy modules that no page reaches: each scoped query (DESIGN §4 "queries
loads the object scoped to the user (404 if out of scope)") refuses every role that DESIGN §2
does not give it, even where the page's guard already stops that role first; and a URL that
names nothing answers 404 for those who may use it."""
from __future__ import annotations

import pytest
from werkzeug.exceptions import Forbidden, NotFound

from portal.auth.models import User
from portal.clients import queries as clients
from portal.clients.models import Assignment, Client
from portal.complaints import queries as complaints
from portal.extensions import db
from portal.jobs import queries as jobs
from portal.observations import queries as observations
from portal.partners import queries as partners
from portal.partners.models import PartnerOrg

from .scene import Scene
from .support import make_complaint

ROLES = ("partner", "officer", "supervisor", "head", "regional", "admin")
STAFF = {"officer", "supervisor", "head"}          # DESIGN §2: staff of one Bapas
LEADS = {"supervisor", "head"}                     # vetting (issue 3 §3)
PARTNER = {"partner"}


def _client(w) -> Client:
    return db.session.get(Client, w.client.id)


# query → (the call, with the user and the scene; the roles it serves, all others refused)
QUERIES = {
    "clients.clients_query": (lambda u, w: clients.clients_query(u), STAFF),
    "clients.get_client_for_staff_or_404": (
        lambda u, w: clients.get_client_for_staff_or_404(u, w.client.public_id), STAFF),
    "clients.timeline_query": (lambda u, w: clients.timeline_query(u, _client(w)), STAFF),
    "clients.check_ins_of": (lambda u, w: clients.check_ins_of(u, _client(w)), STAFF),
    "clients.assignments_of": (lambda u, w: clients.assignments_of(u, _client(w)), STAFF),
    "clients.alerts_query": (lambda u, w: clients.alerts_query(u), STAFF),
    "clients.partner_assignments_query": (lambda u, w: clients.partner_assignments_query(u), PARTNER),
    "clients.get_assignment_for_partner_or_404": (
        lambda u, w: clients.get_assignment_for_partner_or_404(u, w.client.public_id), PARTNER),
    "clients.pending_assignments": (lambda u, w: clients.pending_assignments(u), PARTNER),
    "clients.get_pending_assignment_or_404": (
        lambda u, w: clients.get_pending_assignment_or_404(u, w.values["proposal_id"]), PARTNER),
    "complaints.queue_query": (lambda u, w: complaints.queue_query(u), STAFF | {"regional"}),
    "complaints.get_case_or_404": (lambda u, w: complaints.get_case_or_404(u, w.values["ref"]), STAFF),
    "complaints.partner_complaints": (lambda u, w: complaints.partner_complaints(u), PARTNER),
    "complaints.get_partner_complaint_or_404": (
        lambda u, w: complaints.get_partner_complaint_or_404(u, w.values["filed"]), PARTNER),
    "jobs.published_query": (lambda u, w: jobs.published_query(u), STAFF | PARTNER),
    "jobs.get_visible_or_404": (lambda u, w: jobs.get_visible_or_404(u, w.values["posting"]),
                                STAFF | PARTNER),
    "jobs.own_postings": (lambda u, w: jobs.own_postings(u), PARTNER),
    "jobs.get_own_posting_or_404": (lambda u, w: jobs.get_own_posting_or_404(u, w.values["posting"]),
                                    PARTNER),
    "jobs.moderation_queue": (lambda u, w: jobs.moderation_queue(u), STAFF),
    "jobs.referrals_for_partner": (lambda u, w: jobs.referrals_for_partner(u), PARTNER),
    "jobs.get_referral_for_partner_or_404": (
        lambda u, w: jobs.get_referral_for_partner_or_404(u, w.values["code"]), PARTNER),
    "jobs.referrals_for_staff": (lambda u, w: jobs.referrals_for_staff(u), STAFF),
    "jobs.get_referral_for_staff_or_404": (
        lambda u, w: jobs.get_referral_for_staff_or_404(u, w.values["code"]), STAFF),
    "jobs.staff_figures": (lambda u, w: jobs.staff_figures(u), STAFF),
    "jobs.partner_figures": (lambda u, w: jobs.partner_figures(u), PARTNER),
    "observations.inbox_query": (lambda u, w: observations.inbox_query(u, "submitted"), STAFF),
    "observations.get_observation_for_staff_or_404": (
        lambda u, w: observations.get_observation_for_staff_or_404(u, w.values["obs"]), STAFF),
    "observations.get_observation_for_partner_or_404": (
        lambda u, w: observations.get_observation_for_partner_or_404(u, w.values["obs"]), PARTNER),
    "partners.get_org_for_staff_or_404": (
        lambda u, w: partners.get_org_for_staff_or_404(u, w.values["vet"]), LEADS),
    "partners.own_org": (lambda u, w: partners.own_org(u), PARTNER),
    "partners.members_of": (
        lambda u, w: partners.members_of(u, db.session.get(PartnerOrg, w.partner.partner_org_id)),
        PARTNER),
    "partners.get_member_or_404": (
        lambda u, w: partners.get_member_or_404(u, w.values["member_id"]), PARTNER),
}


@pytest.fixture
def world(app, users, clients, orgs):
    """One of everything in Bapas Bandung, and one person of each role there (the regional
    user in its province, the partner the admin of the organisation that supports the client)."""
    scene = Scene(app, users, clients, orgs)
    scene.second_client_proposed()
    scene.partner_member()
    scene.complaint("submitted")
    scene.observation()
    scene.referral("proposed")
    scene.application("applied")
    scene.values["filed"] = make_complaint(app, channel="portal",
                                           complainant_user_id=scene.partner.id).reference
    return scene


@pytest.mark.parametrize("name", QUERIES)
def test_each_scoped_query_serves_its_roles_and_refuses_the_others_with_404(app, world, name):
    call, allowed = QUERIES[name]
    with app.test_request_context():
        for role in ROLES:
            user = db.session.get(User, world.person(role).id)
            if role in allowed:
                assert call(user, world) is not None, f"{name}: {role} is refused"
            else:
                with pytest.raises(NotFound):
                    call(user, world)
                db.session.rollback()


def test_the_vetting_queue_refuses_whoever_does_not_vet_with_403(app, world):
    """Issue 3 §3: the queue belongs to the supervisors and the head; a list names no object,
    so anyone else is told 403 (as the guard answers a page of another role)."""
    with app.test_request_context():
        for role in ROLES:
            user = db.session.get(User, world.person(role).id)
            if role in LEADS:
                assert partners.vetting_queue(user, None, None, None) is not None
            else:
                with pytest.raises(Forbidden):
                    partners.vetting_queue(user, None, None, None)


def test_a_partner_whose_organisation_is_not_active_sees_no_client(app, world):
    """DESIGN §2: partners see clients "only while the assignment and PKS are active"."""
    with app.test_request_context():
        db.session.get(PartnerOrg, world.partner.partner_org_id).status = "suspended"
        db.session.flush()
        user = db.session.get(User, world.partner.id)
        for call in (lambda: clients.partner_assignments_query(user),
                     lambda: clients.get_assignment_for_partner_or_404(user, world.client.public_id)):
            with pytest.raises(NotFound):
                call()
        db.session.rollback()


# ---------------------------------------------------------------- a URL that names nothing

NOTHING = [
    ("officer", "/staf/klien/no-such-client"),
    ("officer", "/staf/pengamatan/no-such-observation"),
    ("officer", "/staf/rujukan/NOSUCHCODE"),
    ("officer", "/staf/pengaduan/ADU-0000-0000"),
    ("officer", "/lowongan/no-such-posting"),
    ("supervisor", "/staf/mitra/no-such-application"),
    ("partner", "/mitra/klien/no-such-client"),
    ("partner", "/mitra/klien/pengamatan/no-such-observation"),
    ("partner", "/mitra/kandidat/NOSUCHCODE"),
    ("partner", "/mitra/lowongan/no-such-posting/ubah"),
    ("partner", "/mitra/pengaduan/ADU-0000-0000"),
    ("admin", "/admin/pengguna/999999"),
]


@pytest.mark.parametrize("role, url", NOTHING)
def test_a_url_naming_nothing_answers_404(app, users, role, url):
    from .support import login_client
    assert login_client(app, users.make(role)).get(url).status_code == 404


def test_an_assignment_that_does_not_exist_cannot_be_answered(app, users):
    from .support import login_client
    with app.app_context():
        missing = (db.session.scalar(db.select(db.func.max(Assignment.id))) or 0) + 1
    response = login_client(app, users.make("partner")).post(f"/mitra/klien/penugasan/{missing}/terima")
    assert response.status_code == 404


# ---------------------------------------------------------------- the three markers of a view

def test_the_markers_of_a_view_are_what_the_guard_applies(app, users):
    """DESIGN §6 "deny by default": @public opens a view to everyone, @signed_in to any
    signed-in user, @roles_required to those roles only; a role the portal does not know is
    refused when the view is defined; a view with no marker is closed to everyone."""
    from portal.security import public, roles_required, signed_in

    def open_view():
        return "open"

    def any_user_view():
        return "any user"

    def heads_view():
        return "heads"

    def unmarked_view():
        return "unmarked"

    app.add_url_rule("/_uji/terbuka", "uji_open", public(open_view))
    app.add_url_rule("/_uji/masuk", "uji_any", signed_in(any_user_view))
    app.add_url_rule("/_uji/kepala", "uji_heads", roles_required("head", "supervisor")(heads_view))
    app.add_url_rule("/_uji/tanpa", "uji_unmarked", unmarked_view)
    with pytest.raises(ValueError, match="judge"):
        roles_required("head", "judge")
    from .support import login_client
    urls = ("/_uji/terbuka", "/_uji/masuk", "/_uji/kepala", "/_uji/tanpa")

    def answers(session):
        return [session.get(url).status_code for url in urls]

    anonymous = app.test_client()
    assert answers(anonymous) == [200, 302, 302, 302]
    assert anonymous.get("/_uji/masuk").headers["Location"].startswith("/masuk?next=")
    assert answers(login_client(app, users.make("officer"))) == [200, 200, 403, 403]
    assert answers(login_client(app, users.make("head"))) == [200, 200, 200, 403]
    assert answers(login_client(app, users.make("supervisor"))) == [200, 200, 200, 403]


def test_a_refused_role_learns_nothing_of_an_object_a_url_names(app, users):
    """A role a page is not for gets 404 on a URL that names an existing object (as if it did not
    exist: DESIGN §2, least privilege), and 403 on a page that names nothing."""
    from .support import login_client
    complaint = make_complaint(app)
    partner, admin = login_client(app, users.make("partner")), login_client(app, users.make("admin"))
    for session in (partner, admin):
        assert session.get(f"/staf/pengaduan/{complaint.reference}").status_code == 404
        assert session.get("/staf/pengaduan/").status_code == 403
