"""The partner workflow, tested as a table: every legal move by every allowed role succeeds,
every other role and state is refused — in the table and through the real pages."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.partners.models import PartnerOrg
from portal.partners.workflow import APPLICANT, PARTNER_WORKFLOW, STATES, SYSTEM
from portal.workflow import InvalidTransition, MissingFields, NotPermitted

from .files import pdf_bytes
from .support import login_client

ROLES = ("partner", "officer", "supervisor", "head", "regional", "admin", APPLICANT, SYSTEM)
CASES = [(t.action, state, role) for t in PARTNER_WORKFLOW.transitions.values()
         for state in STATES for role in ROLES]


@pytest.mark.parametrize("action, state, role", CASES)
def test_table(action, state, role):
    transition = PARTNER_WORKFLOW.get(action)
    given = {name: "x" for name in transition.requires}
    legal = state in transition.sources and role in transition.roles
    if legal:
        assert PARTNER_WORKFLOW.check(action, state, role, given) is transition
    else:
        with pytest.raises((InvalidTransition, NotPermitted)):
            PARTNER_WORKFLOW.check(action, state, role, given)


def test_required_fields_are_enforced():
    with pytest.raises(MissingFields) as error:
        PARTNER_WORKFLOW.check("reject", "applied", "supervisor", {"reason": ""})
    assert error.value.fields == ("reason",)


# ---- the same table through HTTP: staff actions on /staf/mitra/<id>/<action>

STAFF_ACTIONS = {
    "checklist": "update_checklist", "request_info": "request_info", "reject": "reject",
    "approve_vetting": "approve_vetting", "record_pks": "record_pks", "renew_pks": "renew_pks",
    "suspend": "suspend", "reinstate": "reinstate",
}
PREFIX = {"checklist": "checklist", "request_info": "info", "reject": "reject",
          "approve_vetting": "approve", "record_pks": "pks", "renew_pks": "renew",
          "suspend": "suspend", "reinstate": "reinstate"}
HTTP_CASES = [(url_action, state, role) for url_action in STAFF_ACTIONS
              for state in STATES if state != "unconfirmed"
              for role in ("officer", "supervisor", "head")]


def _valid_data(url_action: str, version: int) -> dict:
    p = PREFIX[url_action]
    today = dt.date.today()
    data = {f"{p}-version": str(version)}
    data.update({
        "checklist": {f"{p}-documents_verified": "y", f"{p}-visit_on": today.isoformat(),
                      f"{p}-visit_notes": "Kunjungan berjalan baik."},
        "request_info": {f"{p}-message": "Mohon lampirkan akta terbaru."},
        "reject": {f"{p}-reason": "Dokumen tidak sesuai persyaratan."},
        "suspend": {f"{p}-reason": "Melanggar kerahasiaan data klien."},
        "record_pks": {f"{p}-pks_number": "W11.PAS.9-PK.01/2026", f"{p}-pks_signed_on": today.isoformat(),
                       f"{p}-pks_valid_until": (today + dt.timedelta(days=730)).isoformat(),
                       f"{p}-scan": (io.BytesIO(pdf_bytes()), "pks.pdf")},
        "renew_pks": {f"{p}-pks_number": "W11.PAS.9-PK.02/2026", f"{p}-pks_signed_on": today.isoformat(),
                      f"{p}-pks_valid_until": (today + dt.timedelta(days=730)).isoformat(),
                      f"{p}-scan": (io.BytesIO(pdf_bytes()), "pks.pdf")},
    }.get(url_action, {}))
    return data


@pytest.mark.parametrize("url_action, state, role", HTTP_CASES)
def test_staff_actions_through_the_pages(app, users, orgs, url_action, state, role):
    extra = {}
    if url_action == "approve_vetting":
        extra = {"documents_verified_at": dt.datetime.now(dt.timezone.utc), "visit_on": dt.date.today()}
    org = orgs.make(state, **extra)
    client = login_client(app, users.make(role))
    response = client.post(f"/staf/mitra/{org.public_id}/{url_action}",
                           data=_valid_data(url_action, org.version), content_type="multipart/form-data")
    transition = PARTNER_WORKFLOW.get(STAFF_ACTIONS[url_action])
    legal = state in transition.sources and role in transition.roles
    with app.app_context():
        after = db.session.get(PartnerOrg, org.id)
        if role == "officer":
            assert response.status_code == 404
            assert after.version == org.version
        elif legal:
            assert response.status_code == 302
            assert after.status == (transition.target or state)
            assert after.version > org.version
            assert after.events[0].action == transition.action
        else:
            assert after.status == state and after.version == org.version


def test_approval_needs_the_checklist(app, users, orgs):
    org = orgs.make("applied")
    client = login_client(app, users.make("supervisor"))
    client.post(f"/staf/mitra/{org.public_id}/approve_vetting", data={"approve-version": org.version})
    with app.app_context():
        assert db.session.get(PartnerOrg, org.id).status == "applied"


def test_a_stale_form_changes_nothing(app, users, orgs):
    org = orgs.make("applied")
    first = login_client(app, users.make("supervisor"))
    second = login_client(app, users.make("head"))
    ok = first.post(f"/staf/mitra/{org.public_id}/request_info",
                    data={"info-version": org.version, "info-message": "Mohon lengkapi NIB."})
    assert ok.status_code == 302
    late = second.post(f"/staf/mitra/{org.public_id}/reject", follow_redirects=True,
                       data={"reject-version": org.version, "reject-reason": "Tidak memenuhi syarat."})
    with app.app_context():
        assert db.session.get(PartnerOrg, org.id).status == "info_requested"
    assert "Orang lain mengubah" in late.get_data(as_text=True) or "Someone else changed" in late.get_data(as_text=True)
