"""Intake verbs (issue 10 point 7): triage with the client found in the register or created
there, and revocation cases the Bapas opens itself from its own supervision — a partner's
suspected-violation observation, or the alert of three missed check-ins in a row."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from babel.dates import format_date
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .. import audit
from ..auth.models import User
from ..clients import services as client_services
from ..clients.models import MISSED_ALERT, Client
from ..db import find_submitted
from ..extensions import db
from ..observations.models import Observation
from ..workflow import Refused
from . import services
from .models import Complaint
from .workflow import OPEN_STATES

MONITORING = "monitoring"  # the channel of cases staff open from their own supervision
NEW_CLIENT_FIELDS = ("full_name", "register_number", "programme", "supervision_start_on",
                     "supervision_end_on", "birth_on")


def triage(actor: User, complaint: Complaint, client: Client | None, officer_id: str | int | None,
           note: str | None = None) -> None:
    """The triage move of the complaint table, with the client picked from the register of
    the case's Bapas (or none yet: linked later)."""
    if client is not None:
        if client.office_id != complaint.office_id:
            raise Refused(_l("Choose a client of this Bapas."), "client")
        complaint.client_id = client.id
    services.move(actor, complaint, "triage", officer=officer_id, note=note)


def create_client_and_triage(actor: User, complaint: Complaint, data: Mapping[str, Any],
                             officer_id: str | int | None) -> Client:
    """Register the client in the case's Bapas (minimal record, through the client
    register's own verb), link it to the case and triage it to the officer."""
    values = {k: data.get(k) for k in NEW_CLIENT_FIELDS}
    values["officer_id"] = officer_id or None
    try:
        client = client_services.create_client(actor, values, office_id=complaint.office_id)
    except client_services.DuplicateRegisterNumber:
        raise Refused(_l("Another client of this Bapas has this register number: search for "
                         "it and pick it from the list."), "register_number") from None
    triage(actor, complaint, client, officer_id)
    return client


# ---------------------------------------------------------------- cases from supervision

def _lock(model: type[Observation] | type[Client], row_id: int) -> None:
    """Two pages sent at the same moment open one case: on PostgreSQL the second waits for
    the first on this row lock (SQLite has no row locks: there the unique observation of a
    case still makes the second insert find the first)."""
    db.session.execute(select(model.id).where(model.id == row_id).with_for_update())


def _check_supervised(client: Client) -> None:
    if not client.under_supervision:
        raise Refused(_l("The client is no longer under supervision: a revocation case cannot "
                         "be opened."), "client")


def case_from_observation(observation: Observation) -> Complaint | None:
    """The case already opened from this observation, if any."""
    return db.session.scalar(select(Complaint).where(Complaint.observation_id == observation.id))


def check_observation(observation: Observation) -> None:
    """Only a suspected violation of a client under supervision opens a case."""
    if observation.category != "suspected_violation":
        raise Refused(_l("Only an observation of a suspected violation can open a revocation "
                         "case."), "observation")
    _check_supervised(observation.client)


def open_from_observation(actor: User, observation: Observation, account: str,
                          submission_key: str | None) -> tuple[Complaint, bool]:
    """A staff-filed case about the observation's client, linked to the observation, with the
    observation's grounds. (case, created): a second submit returns the first case."""
    _lock(Observation, observation.id)
    existing = case_from_observation(observation) or find_submitted(Complaint, submission_key)
    if existing is not None:
        return existing, False
    check_observation(observation)
    client = observation.client
    try:  # the observation's case is unique: a page sent at the same moment finds the first
        receipt = _file(actor, client, account, submission_key, list(observation.grounds),
                        columns={"observation_id": observation.id},
                        incident_from_on=observation.observed_on,
                        incident_to_on=observation.observed_on)
    except IntegrityError:
        first = case_from_observation(observation)
        if first is None:
            raise
        return first, False
    if receipt.created:
        audit.record(actor, "complaint.opened_from_observation", receipt.complaint,
                     office_id=client.office_id, observation_id=observation.id)
    return receipt.complaint, receipt.created


def open_missed_reporting_case(client: Client) -> Complaint | None:
    """An open staff-filed case about the client's missed reporting, if any."""
    for complaint in db.session.scalars(select(Complaint).where(
            Complaint.client_id == client.id, Complaint.channel == MONITORING,
            Complaint.status.in_(OPEN_STATES), Complaint.observation_id.is_(None))):
        if "MISSED_REPORTING" in complaint.grounds:
            return complaint
    return None


def check_alert(client: Client) -> list[dt.date]:
    """The missed months that make the alert; refused when there is no alert."""
    _check_supervised(client)
    months = client_services.missed_run_of(client)
    if len(months) < MISSED_ALERT:
        raise Refused(_l("The client has no three missed check-ins in a row."), "client")
    return months


def months_in_words(months: list[dt.date], locale: str = "id") -> str:
    return ", ".join(format_date(m, "MMMM yyyy", locale=locale) for m in months)


def _months_line(months: list[dt.date]) -> str:
    """The line the case's narrative gets (in the case's language, Indonesian)."""
    with force_locale("id"):
        return gettext("Months without reporting: %(months)s.", months=months_in_words(months))


def open_from_alert(actor: User, client: Client, account: str,
                    submission_key: str | None) -> tuple[Complaint, bool]:
    """A staff-filed case about a client with three missed check-ins in a row, the ground
    "failed to report" filled and the missed months listed. (case, created)."""
    _lock(Client, client.id)
    existing = open_missed_reporting_case(client) or find_submitted(Complaint, submission_key)
    if existing is not None:
        return existing, False
    months = check_alert(client)
    last = months[-1]
    month_end = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    receipt = _file(actor, client, account, submission_key, ["MISSED_REPORTING"],
                    incident_from_on=months[0], incident_to_on=month_end,
                    missed_visits=len(months),
                    months_line=_months_line(months))
    if receipt.created:
        audit.record(actor, "complaint.opened_from_alert", receipt.complaint,
                     office_id=client.office_id, months=[m.isoformat() for m in months])
    return receipt.complaint, receipt.created


def _file(actor: User, client: Client, account: str, submission_key: str | None,
          grounds: list[str], *, months_line: str | None = None,
          columns: Mapping[str, Any] | None = None, **extra: Any) -> services.Receipt:
    account = (account or "").strip()
    if not account:
        raise Refused(_l("Give your account of what was found."), "account")
    narrative = f"{account}\n\n{months_line}" if months_line else account
    data = {"submission_key": submission_key, "client_name": client.full_name,
            "client_area": client.area, "client_register_number": client.register_number,
            "grounds": grounds, "narrative": narrative, "complainant_name": actor.name,
            "complainant_relationship": None, **extra}
    return services._create(data, channel=MONITORING, office_id=client.office_id, locale="id",
                            client=client, files=[], actor=actor, columns=columns)
