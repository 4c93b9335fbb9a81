"""The audit promises (DESIGN §2 and §7): every read of a client's record, every view of a
complainant's identity, every download and export, every read of an observation or referral
and every state change leaves an audit event. One row per promise: from which state (given),
who sends which request, and the event that must exist afterwards — its action, the object
(type and id), the actor and the office. Delete the audit.record() behind a row and the row
fails."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal import uploads
from portal.audit import AuditEvent
from portal.clients.workflow import ASSIGNMENT_WORKFLOW, CLIENT_WORKFLOW
from portal.complaints.models import Complaint, Execution, Sanction
from portal.complaints.workflow import COMPLAINT_WORKFLOW
from portal.conversations.models import Message
from portal.conversations.workflow import THREAD_WORKFLOW
from portal.extensions import db
from portal.homes.workflow import CASE_REASSIGN_WORKFLOW, CLIENT_REASSIGN_WORKFLOW
from portal.jobs.workflow import POSTING_WORKFLOW, REFERRAL_WORKFLOW
from portal.observations.models import Observation
from portal.observations.workflow import OBSERVATION_WORKFLOW
from portal.partners.workflow import PARTNER_WORKFLOW
from portal.supervision.models import Condition, TravelNotice
from portal.supervision.workflow import CONDITION_WORKFLOW, SHEET_WORKFLOW, TRAVEL_WORKFLOW
from portal.visits.models import HomeVisit
from portal.visits.workflow import VISIT_WORKFLOW

from .scene import Scene, Upload, fill
from .support import GROUNDS, PASSWORD, prefixed

A = "A"  # office A = Bapas Bandung, the client's (office_b in forms is Bapas Semarang)
PDF = Upload("dokumen.pdf")
CSV = Upload("klien.csv", lambda: (
    b"register_number,full_name,programme,supervision_start_on,supervision_end_on,officer_email,"
    b"risk_level,area,nik,decree_number,offence_category,general_conditions,special_conditions\n"
    b"PAS-IMPOR/2026,Klien Impor,PB,2026-01-10,2027-01-10,,low,Kota Bandung,,,,,\n"))
CLIENT_FORM = {"full_name": "Klien Baru Audit", "register_number": "PAS-AUDIT/2026", "programme": "PB",
               "supervision_start_on": "2026-01-05", "supervision_end_on": "2027-06-30",
               "officer_id": "", "risk_level": "medium", "area": "Kota Bandung",
               "general_conditions": "", "special_conditions": "", "nik": "", "decree_number": "",
               "offence_category": ""}
POSTING_FORM = {"kind": "job", "title": "Penjahit konveksi", "sector": "garment",
                "description": "Menjahit seragam sekolah di bengkel kami, lima hari seminggu.",
                "region_id": "{region_a}", "city": "Bandung", "office_ids": ["{office_a}"],
                "places": "2", "closes_on": "{next_month}", "submission_key": "audit-posting",
                "contact_method": "PK menghubungi bagian personalia."}
OBSERVATION_FORM = {"observed_on": "{today}", "category": "routine", "submission_key": "audit-obs",
                    "narrative": "Klien datang bekerja tepat waktu setiap hari minggu ini."}
PUBLIC_COMPLAINT = {"complainant_name": "Warga", "complainant_phone": "081211112222",
                    "complainant_relationship": "tetangga", "office_id": "{office_a}",
                    "client_name": "Seseorang", "grounds": ["PUBLIC_UNREST"], "declaration": "y",
                    "narrative": "Sering membuat keributan di gang pada malam hari dan mengancam warga.",
                    "submission_key": "audit-public"}
ORAL_COMPLAINT = {"channel": "oral", "complainant_name": "Pak RT", "complainant_phone": "081233334444",
                  "complainant_relationship": "ketua RT", "client_name": "Budi",
                  "grounds": ["MOVED_WITHOUT_NOTICE"], "declaration": "y", "submission_key": "audit-staff",
                  "narrative": "Sudah dua bulan tidak tinggal di alamat yang terdaftar di RT kami."}
BAP_FORM = {"version": "{complaint_version}", "subject": "client", "subject_name": "Klien Audit Satu",
            "examined_on": "{today}", "place": "Ruang konseling Bapas",
            "qa-0-q": "Apakah Anda pindah alamat?", "qa-0-a": "Tidak."}

HEARING_FORM = {"version": "{complaint_version}", "held_on": "{today}", "kind": "regular",
                "place": "Aula Bapas", "chair": "{head_id}", "secretary": "{officer_id}",
                "team_size": "3", "recommendation": "warning",
                "minutes": "TPP merekomendasikan teguran dan pengawasan intensif."}


STATUS_GROUNDS = "Alasan keputusan yang tercatat."  # a status move staff make by hand
# Issue 10 §1: the deliberate decisions, each confirmed with its grounds and reasons.
DECISIONS = {"close", "decide_not_pursued", "decide_warning", "decide_summons", "decide_intensive",
             "decide_temporary_revocation", "propose", "forward", "record_revoked",
             "record_cancelled", "record_not_revoked"}


def step(action: str, **data) -> dict:
    """The form of one complaint procedure step (fields carry the action as prefix)."""
    grounds = GROUNDS if action in DECISIONS else {}
    return prefixed(action, {"version": "{complaint_version}", **grounds, **data})


WITHDRAWAL = {"version": "{complaint_version}", "grounds_text": "Sudah diselesaikan secara kekeluargaan."}


def _with_summons(s) -> None:
    """A warning_issued case whose summons' day passed yesterday, unanswered."""
    s.complaint("warning_issued", baps=True, hearing=True)
    with s.app.app_context():
        stored = db.session.get(Complaint, s.values["complaint_id"])
        summons = Sanction(client_id=stored.client_id, office_id=stored.office_id, kind="summons",
                           issued_on=dt.date.today() - dt.timedelta(days=8),
                           appear_on=dt.date.today() - dt.timedelta(days=1),
                           appear_place="Kantor Bapas", grounds=["PUBLIC_UNREST"])
        stored.sanctions.append(summons)
        db.session.commit()
        s.values.update(sanction=summons.id, complaint_version=stored.version)


def _awaiting_return(s) -> None:
    """A revoked case ten days after the outcome, the client not yet back."""
    s.complaint("revoked", baps=True, hearing=True, client_status="revoked",
                decree_number="PAS-3.PK.05.09/2026", decree_on=dt.date.today())
    with s.app.app_context():
        stored = db.session.get(Complaint, s.values["complaint_id"])
        stored.execution = Execution(client_id=stored.client_id, office_id=stored.office_id,
                                     since_on=dt.date.today() - dt.timedelta(days=10))
        db.session.commit()
        s.values.update(complaint_version=stored.version)


def _two_complaints_forwarded(s) -> None:
    """An open complaint about the client, and another about the same client forwarded."""
    s.complaint("in_review")
    s.complaint("forwarded", baps=True, hearing=True, client_status="temporarily_revoked")


def _suspected_violation(scene) -> None:
    """The scene's observation, recorded as a suspected violation of a new offence."""
    scene.observation()
    with scene.app.app_context():
        item = db.session.get(Observation, scene.values["obs_id"])
        item.category, item.grounds = "suspected_violation", ["NEW_OFFENCE"]
        db.session.commit()


def _visit_planned(scene, about_observation: bool = False) -> None:
    """A home visit of the scene's client planned by its officer (about the observation)."""
    if about_observation:
        scene.observation(acknowledged=True)  # a visit is planned about an answered observation
    data = {"planned_on": "{today}", "purpose": "Memeriksa keadaan klien di rumah.",
            "submission_key": f"scene-visit-{about_observation}"}
    if about_observation:
        data["observation"] = "{obs}"
    response = scene.session("officer").post(fill("/staf/kunjungan/rencana/{client}", scene.values),
                                             data=fill(data, scene.values))
    assert response.status_code == 302, response.status_code
    with scene.app.app_context():
        visit = db.session.scalar(select(HomeVisit).order_by(HomeVisit.id.desc()))
        scene.values.update(visit=visit.public_id, visit_id=visit.id)


def _message_with_file(scene) -> None:
    """A partner's message with a file in the thread of the scene's observation."""
    scene.observation()
    response = scene.session("partner").post(
        fill("/percakapan/pengamatan/{obs}", scene.values), content_type="multipart/form-data",
        data={"body": "Foto rumah klien terlampir.", "submission_key": "scene-message",
              "attachment": PDF.value()})
    assert response.status_code == 302, response.status_code
    with scene.app.app_context():
        message = db.session.scalar(select(Message))
        scene.values.update(message=message.public_id,
                            message_file=uploads.attachments_of(message)[0].id)


VISIT_DONE = {"visited_on": "{today}", "met_whom": "Klien dan ibunya",
              "findings": "Klien tinggal di alamat terdaftar dan bekerja.", "next_step": "Kunjungan bulan depan."}
CONDITION_FORM = {"kind": "special", "code": "stay_in_area", "text": "", "starts_on": "{today}",
                  "review_on": ""}
SHEET_FORM = {"conditions": ["{condition_id}"], "watch_for": "Klien pulang larut malam.",
              "contact": "Hubungi PK pada jam kerja."}
TRAVEL_FORM = {"destination": "Kota Surabaya", "from_on": "{next_month}", "to_on": "{next_month}",
               "purpose": "Menghadiri pernikahan kakak.", "submission_key": "audit-travel"}


def _condition(s, sheet: bool = False) -> None:
    """A condition of the scene's client (and, with `sheet`, the partner's sheet naming it)."""
    officer = s.session("officer")
    officer.post(f"/staf/klien/{s.client.public_id}/syarat/baru", data=fill(CONDITION_FORM, s.values))
    with s.app.app_context():
        condition = db.session.scalar(select(Condition))
        s.values.update(condition_id=condition.id, condition_version=condition.version)
    if sheet:
        officer.post(f"/staf/klien/{s.client.public_id}/penugasan/{s.assignment.id}/lembar",
                     data=fill(SHEET_FORM, s.values))


def _travel_requested(s) -> None:
    """A travel request the scene's partner recorded, waiting for the PK."""
    s.session("partner").post(f"/mitra/klien/{s.client.public_id}/bepergian",
                              data=fill({**TRAVEL_FORM, "submission_key": "scene-travel"}, s.values))
    with s.app.app_context():
        notice = db.session.scalar(select(TravelNotice))
        s.values.update(travel=notice.public_id, travel_id=notice.id, travel_version=notice.version)
def _second_officer(s) -> None:
    """Another PK of the client's Bapas (to hand the client or the case to)."""
    s.values["officer2_id"] = s.users.make("officer").id
    s.refresh_client()


# Givens: the state a row starts from (every row also has the scene's people, the client
# "Klien Audit Satu" of the officer and its active assignment to the partner's organisation).
GIVEN = {
    "client": lambda s: None,
    "client, a second officer": _second_officer,
    "complaint in_review, a second officer": lambda s: (s.complaint("in_review"), _second_officer(s)),
    "client intensive": lambda s: s.set_client_status("intensive"),
    "check-in 2026-11 missed": lambda s: s.check_in("2026-11", "missed"),
    "second client proposed": lambda s: s.second_client_proposed(),
    "observation": lambda s: s.observation(),
    "observation answered": lambda s: s.observation(acknowledged=True),
    "observation of a suspected violation": lambda s: _suspected_violation(s),
    "three missed check-ins": lambda s: [s.check_in(m, "missed") for m in ("2026-06", "2026-07", "2026-08")],
    "draft posting": lambda s: s.posting("draft"),
    "pending posting": lambda s: s.posting("pending"),
    "published posting": lambda s: s.posting("published"),
    "posting closing 2027-01-10": lambda s: s.posting("published", closes_on=dt.date(2027, 1, 10)),
    "referral proposed": lambda s: s.referral("proposed"),
    "referral interview": lambda s: s.referral("interview"),
    "referral offered, name released": lambda s: s.referral("offered", disclosed=True),
    "referral placed, name released": lambda s: s.referral("placed", disclosed=True),
    "application applied": lambda s: s.application("applied"),
    "application checked": lambda s: s.application("applied", checked=True),
    "application vetted": lambda s: s.application("vetted"),
    "partner active": lambda s: s.application("active", pks_valid_until=dt.date(2027, 1, 4)),
    "partner suspended": lambda s: s.application("suspended"),
    "application unconfirmed": lambda s: s.application("unconfirmed", token="partner_confirm"),
    "application info_requested": lambda s: s.application("info_requested", token="partner_info"),
    "complaint submitted": lambda s: s.complaint("submitted", assigned=False),
    "complaint in_review": lambda s: s.complaint("in_review"),
    "complaint in_review, tracked": lambda s: s.complaint("in_review", tracked=True),
    "complaint needs_info, tracked": lambda s: s.complaint("needs_info", tracked=True),
    "complaint needs_info until 2026-11-16": lambda s: s.complaint(
        "needs_info", paused_since=dt.date(2026, 11, 2),
        info_due_on=dt.date(2026, 11, 16)),
    "complaint examination": lambda s: s.complaint("examination"),
    "complaint examination, both BAPs": lambda s: s.complaint("examination", baps=True),
    "complaint tpp_hearing": lambda s: s.complaint("tpp_hearing", baps=True),
    "complaint tpp_hearing, heard": lambda s: s.complaint("tpp_hearing", baps=True, hearing=True),
    "complaint temporarily_revoked": lambda s: s.complaint("temporarily_revoked", baps=True, hearing=True,
                                                           client_status="temporarily_revoked"),
    "complaint proposed": lambda s: s.complaint("proposed", baps=True, hearing=True),
    "complaint forwarded": lambda s: s.complaint("forwarded", baps=True, hearing=True,
                                                 client_status="temporarily_revoked"),
    "complaint proposed, documents": lambda s: s.complaint("proposed", documents=True),
    "complaint warning_issued, summons unanswered": _with_summons,
    "complaint revoked, awaiting return": _awaiting_return,
    "two complaints, one forwarded": _two_complaints_forwarded,
    "complaint filed by the partner": lambda s: s.complaint(
        "submitted", assigned=False, channel="portal", complainant_user_id=s.partner.id,
        complainant_name=s.partner.name),
    "cuti bersama 2027-03-09": lambda s: s.leave_day(),
    "officer deactivated": lambda s: s.deactivate_officer(),
    "a second member": lambda s: s.partner_member(),
    "visit planned": lambda s: _visit_planned(s),
    "visit planned about the observation": lambda s: _visit_planned(s, about_observation=True),
    "observation thread with a file": _message_with_file,
    "condition": lambda s: _condition(s),
    "partner sheet": lambda s: _condition(s, sheet=True),
    "travel requested": _travel_requested,
}

ROWS = [
    # case id | given | who | request | form | action | object | office
    # ---- reads of a client's record
    ("client page, officer", "client", "officer", "GET /staf/klien/{client}", None,
     "client.viewed", "Client {client_id}", A),
    ("client page, head", "client", "head", "GET /staf/klien/{client}", None,
     "client.viewed", "Client {client_id}", A),
    ("client edit page", "client", "supervisor", "GET /staf/klien/{client}/ubah", None,
     "client.viewed", "Client {client_id}", A),
    ("partner client page", "client", "partner", "GET /mitra/klien/{client}", None,
     "client.viewed_by_partner", "Client {client_id}", A),
    # ---- views of the complainant's identity
    ("complainant page, assigned officer", "complaint in_review", "officer", "GET /staf/pengaduan/{ref}/pelapor", None,
     "complaint.complainant_viewed", "Complaint {complaint_id}", A),
    ("complainant page, supervisor", "complaint in_review", "supervisor", "GET /staf/pengaduan/{ref}/pelapor", None,
     "complaint.complainant_viewed", "Complaint {complaint_id}", A),
    ("complainant page, head", "complaint in_review", "head", "GET /staf/pengaduan/{ref}/pelapor", None,
     "complaint.complainant_viewed", "Complaint {complaint_id}", A),
    ("complainant's BAP PDF names them", "complaint proposed, documents", "officer",
     "GET /staf/pengaduan/{ref}/dokumen/{bap_complainant}", None,
     "complaint.complainant_viewed", "Complaint {complaint_id}", A),
    # the scanned letter of a written complaint carries the sender's name, as the complainant's BAP does
    ("scanned letter names the complainant", "complaint proposed, documents", "supervisor",
     "GET /staf/pengaduan/{ref}/berkas/{letter}", None,
     "complaint.complainant_viewed", "Complaint {complaint_id}", A),
    ("signed scan of the complainant's BAP names them", "complaint proposed, documents", "officer",
     "GET /staf/pengaduan/{ref}/berkas/{bap_scan}", None,
     "complaint.complainant_viewed", "Complaint {complaint_id}", A),
    # ---- document downloads
    ("complainant's BAP PDF", "complaint proposed, documents", "officer",
     "GET /staf/pengaduan/{ref}/dokumen/{bap_complainant}", None, "document.downloaded", "Complaint {complaint_id}", A),
    ("client's BAP PDF", "complaint proposed, documents", "supervisor",
     "GET /staf/pengaduan/{ref}/dokumen/{bap_client}", None, "document.downloaded", "Complaint {complaint_id}", A),
    ("proposal PDF, regional office", "complaint proposed, documents", "regional",
     "GET /staf/pengaduan/{ref}/dokumen/{proposal}", None, "document.downloaded", "Complaint {complaint_id}", A),
    ("scanned letter", "complaint proposed, documents", "supervisor", "GET /staf/pengaduan/{ref}/berkas/{letter}",
     None, "complaint.file_downloaded", "Complaint {complaint_id}", A),
    ("signed scan of the complainant's BAP", "complaint proposed, documents", "officer",
     "GET /staf/pengaduan/{ref}/berkas/{bap_scan}", None, "complaint.file_downloaded", "Complaint {complaint_id}", A),
    ("complaint evidence", "complaint proposed, documents", "supervisor", "GET /staf/pengaduan/{ref}/berkas/{evidence}",
     None, "complaint.file_downloaded", "Complaint {complaint_id}", A),
    ("observation file", "observation", "officer", "GET /staf/pengamatan/{obs}/berkas/{obs_file}", None,
     "observation.file_downloaded", "Observation {obs_id}", A),
    ("vetting document", "application applied", "supervisor", "GET /staf/mitra/{vet}/dokumen/{vet_doc}", None,
     "partner.document_downloaded", "PartnerOrg {vet_id}", A),
    # ---- exports
    ("complaint CSV", "complaint in_review", "supervisor", "GET /staf/pengaduan/ekspor.csv", None,
     "complaint.exported", None, A),
    # the view records the export; it reaches the database when the request commits
    ("candidates CSV", "referral proposed", "partner", "GET /mitra/kandidat.csv", None,
     "referral.exported", None, A),
    # ---- other reads: cases, observations, referrals, applications
    ("complaint case, supervisor", "complaint in_review", "supervisor", "GET /staf/pengaduan/{ref}", None,
     "complaint.viewed", "Complaint {complaint_id}", A),
    ("complaint case, regional office", "complaint proposed", "regional", "GET /staf/pengaduan/{ref}", None,
     "complaint.viewed", "Complaint {complaint_id}", A),
    ("observation, officer", "observation", "officer", "GET /staf/pengamatan/{obs}", None,
     "observation.viewed", "Observation {obs_id}", A),
    ("observation, supervisor", "observation", "supervisor", "GET /staf/pengamatan/{obs}", None,
     "observation.viewed", "Observation {obs_id}", A),
    ("referral, officer", "referral proposed", "officer", "GET /staf/rujukan/{code}", None,
     "referral.viewed", "Referral {referral_id}", A),
    ("named candidate, partner", "referral offered, name released", "partner", "GET /mitra/kandidat/{code}", None,
     "referral.viewed_by_partner", "Referral {referral_id}", A),
    ("application", "application applied", "supervisor", "GET /staf/mitra/{vet}", None,
     "partner.viewed", "PartnerOrg {vet_id}", A),
    # ---- partner vetting: every move of PARTNER_WORKFLOW
    ("vetting confirm_email", "application unconfirmed", "public", "GET /gabung/konfirmasi/{token}", None,
     "partner.confirm_email", "PartnerOrg {vet_id}", A),
    ("vetting update_checklist", "application applied", "supervisor", "POST /staf/mitra/{vet}/checklist",
     {"checklist-version": "{vet_version}", "checklist-documents_verified": "y", "checklist-visit_on": "{today}"},
     "partner.update_checklist", "PartnerOrg {vet_id}", A),
    ("vetting request_info", "application applied", "supervisor", "POST /staf/mitra/{vet}/request_info",
     {"info-version": "{vet_version}", "info-message": "Mohon kirim akta pendirian yayasan."},
     "partner.request_info", "PartnerOrg {vet_id}", A),
    ("vetting answer_info", "application info_requested", "public", "POST /gabung/lengkapi/{token}",
     {"answer": "Akta pendirian kami lampirkan."}, "partner.answer_info", "PartnerOrg {vet_id}", A),
    ("vetting reject", "application applied", "supervisor", "POST /staf/mitra/{vet}/reject",
     {"reject-version": "{vet_version}", "reject-reason": "Yayasan belum berbadan hukum."},
     "partner.reject", "PartnerOrg {vet_id}", A),
    ("vetting approve_vetting", "application checked", "supervisor", "POST /staf/mitra/{vet}/approve_vetting",
     {"approve-version": "{vet_version}"}, "partner.approve_vetting", "PartnerOrg {vet_id}", A),
    ("vetting record_pks", "application vetted", "head", "POST /staf/mitra/{vet}/record_pks",
     {"pks-version": "{vet_version}", "pks-pks_number": "W11/PKS/9", "pks-pks_signed_on": "{today}",
      "pks-pks_valid_until": "{next_year}", "pks-scan": PDF}, "partner.record_pks", "PartnerOrg {vet_id}", A),
    ("vetting renew_pks", "partner active", "head", "POST /staf/mitra/{vet}/renew_pks",
     {"renew-version": "{vet_version}", "renew-pks_number": "W11/PKS/10", "renew-pks_signed_on": "{today}",
      "renew-pks_valid_until": "{next_year}", "renew-scan": PDF}, "partner.renew_pks", "PartnerOrg {vet_id}", A),
    ("vetting suspend", "partner active", "supervisor", "POST /staf/mitra/{vet}/suspend",
     {"suspend-version": "{vet_version}", "suspend-reason": "Laporan penyalahgunaan data klien."},
     "partner.suspend", "PartnerOrg {vet_id}", A),
    ("vetting end", "partner active", "head", "POST /staf/mitra/{vet}/end",
     {"end-version": "{vet_version}", "end-reason": "Mitra menghentikan usahanya."},
     "partner.end", "PartnerOrg {vet_id}", A),
    ("vetting reinstate", "partner suspended", "supervisor", "POST /staf/mitra/{vet}/reinstate",
     {"reinstate-version": "{vet_version}"}, "partner.reinstate", "PartnerOrg {vet_id}", A),
    ("vetting lapse (daily job)", "partner active", "system", "CLI partners daily --date 2027-01-05", None,
     "partner.lapse", "PartnerOrg {vet_id}", A),
    # ---- the client's record and supervision status
    ("client created", "client", "supervisor", "POST /staf/klien/baru", CLIENT_FORM,
     "client.created", "Client *", A),
    ("client edited", "client", "supervisor", "POST /staf/klien/{client}/ubah",
     {**CLIENT_FORM, "register_number": "{client_register}", "officer_id": "{officer_id}"},
     "client.updated", "Client {client_id}", A),
    ("clients imported", "client", "supervisor", "POST /staf/klien/impor", {"csv_file": CSV},
     "client.imported", None, A),
    ("status intensify", "client", "officer", "POST /staf/klien/{client}/status",
     {"version": "{client_version}", "action": "intensify", "note": STATUS_GROUNDS},
     "client.intensify", "Client {client_id}", A),
    ("status relax", "client intensive", "officer", "POST /staf/klien/{client}/status",
     {"version": "{client_version}", "action": "relax", "note": STATUS_GROUNDS},
     "client.relax", "Client {client_id}", A),
    ("status complete", "client", "supervisor", "POST /staf/klien/{client}/status",
     {"version": "{client_version}", "action": "complete", "note": STATUS_GROUNDS},
     "client.complete", "Client {client_id}", A),
    ("status transfer", "client", "head", "POST /staf/klien/{client}/status",
     {"version": "{client_version}", "action": "transfer", "transfer_office_id": "{office_b}",
      "note": STATUS_GROUNDS},
     "client.transfer", "Client {client_id}", A),
    # Issue 10 §2: intensified supervision is its own decision (or added to a warning).
    ("status intensify by the decision", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_intensive",
     step("decide_intensive", period_end_on="{next_year}", review_on="{today}"),
     "client.intensify", "Client {client_id}", A),
    ("status temporarily_revoke by the decision", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_temporary_revocation", step("decide_temporary_revocation"),
     "client.temporarily_revoke", "Client {client_id}", A),
    ("status revoke by the outcome", "complaint forwarded", "regional",
     "POST /staf/pengaduan/{ref}/langkah/record_revoked",
     step("record_revoked", decree_number="PAS-1.PK.05.09/2026", decree_on="{today}"),
     "client.revoke", "Client {client_id}", A),
    ("status restore by the outcome", "complaint forwarded", "regional",
     "POST /staf/pengaduan/{ref}/langkah/record_not_revoked",
     step("record_not_revoked", decree_number="PAS-2.PK.05.09/2026", decree_on="{today}"),
     "client.restore", "Client {client_id}", A),
    ("check-in recorded", "client", "officer", "POST /staf/klien/{client}/wajib-lapor",
     {"month": "2026-11", "outcome": "attended"}, "client.checkin_recorded", "Client {client_id}", A),
    # a recorded month changes only through the correction page, with a reason (issue 10 point 8)
    ("check-in corrected", "check-in 2026-11 missed", "officer", "POST /staf/klien/{client}/wajib-lapor/koreksi",
     {"month": "2026-11", "outcome": "attended", "correction": "Daftar hadir menunjukkan klien datang."},
     "client.checkin_corrected", "Client {client_id}", A),
    # ---- assignments
    ("assignment proposed", "client", "officer", "POST /staf/klien/{client}/penugasan",
     {"partner_org_id": "{org_id}", "relationship_kind": "mentor", "starts_on": "{today}", "ends_on": "2027-06-30"},
     "assignment.proposed", "Assignment *", A),
    ("assignment accept", "second client proposed", "partner", "POST /mitra/klien/penugasan/{proposal_id}/terima",
     None, "assignment.accept", "Assignment {proposal_id}", A),
    ("assignment decline", "second client proposed", "partner", "POST /mitra/klien/penugasan/{proposal_id}/tolak",
     None, "assignment.decline", "Assignment {proposal_id}", A),
    ("assignment withdraw", "second client proposed", "officer",
     "POST /staf/klien/{client2}/penugasan/{proposal_id}/tarik", None,
     "assignment.withdraw", "Assignment {proposal_id}", A),
    ("assignment started by a placement", "referral offered, name released", "partner",
     "POST /mitra/kandidat/{code}/mulai", {"version": "{referral_version}", "on": "{today}"},
     "assignment.start_placement", "Assignment *", A),
    ("assignment end", "client", "officer", "POST /staf/klien/{client}/penugasan/{assignment_id}/akhiri", None,
     "assignment.end", "Assignment {assignment_id}", A),
    ("assignment end (daily job)", "client", "system", "CLI clients daily --date 2028-01-03", None,
     "assignment.end", "Assignment {assignment_id}", A),
    # ---- observations
    ("observation submitted", "client", "partner", "POST /mitra/klien/{client}/pengamatan", OBSERVATION_FORM,
     "observation.submitted", "Observation *", A),
    ("observation corrected", "observation", "partner", "POST /mitra/klien/pengamatan/{obs}/ubah",
     OBSERVATION_FORM, "observation.corrected", "Observation {obs_id}", A),
    ("observation acknowledged", "observation", "officer", "POST /staf/pengamatan/{obs}/tanggapi",
     {"version": "{obs_version}", "reply": "Terima kasih, kami pantau."},
     "observation.acknowledged", "Observation {obs_id}", A),
    ("observation followed up", "observation answered", "officer", "POST /staf/pengamatan/{obs}/tindak-lanjut",
     {"version": "{obs_version}", "follow_up": "warning_issued"},
     "observation.followed_up", "Observation {obs_id}", A),
    # ---- home visits (issue 11 §4)
    ("visit planned", "client", "officer", "POST /staf/kunjungan/rencana/{client}",
     {"planned_on": "{today}", "purpose": "Memeriksa keadaan klien.", "submission_key": "audit-visit"},
     "visit.planned", "HomeVisit *", A),
    ("visit planned about the answered observation", "observation answered", "officer",
     "POST /staf/kunjungan/rencana/{client}",
     {"planned_on": "{today}", "purpose": "Memeriksa laporan mitra.", "observation": "{obs}",
      "submission_key": "audit-visit-obs"}, "observation.visit_planned", "Observation {obs_id}", A),
    ("visit opened", "visit planned", "supervisor", "GET /staf/kunjungan/{visit}", None,
     "visit.viewed", "HomeVisit {visit_id}", A),
    ("visit recorded as made", "visit planned", "officer", "POST /staf/kunjungan/{visit}/dilakukan", VISIT_DONE,
     "visit.record_done", "HomeVisit {visit_id}", A),
    ("visit recorded as missed", "visit planned", "officer", "POST /staf/kunjungan/{visit}/batal",
     {"missed_reason": "Klien dan keluarga tidak ada di rumah."}, "visit.record_missed", "HomeVisit {visit_id}", A),
    ("observation closed by the visit made", "visit planned about the observation", "officer",
     "POST /staf/kunjungan/{visit}/dilakukan", VISIT_DONE, "observation.closed_by_visit", "Observation {obs_id}", A),
    ("visit rule set", "client", "supervisor", "POST /staf/kunjungan/aturan",
     {"intensive_days": "14", "regular_days": "60"}, "office.visit_intervals_set", "Office {office_a}", A),
    # ---- threads (issue 11 §3)
    ("thread message, partner", "observation", "partner", "POST /percakapan/pengamatan/{obs}",
     {"body": "Klien sudah kembali bekerja.", "submission_key": "audit-thread-p"},
     "thread.post", "Observation {obs_id}", A),
    ("thread message, officer", "observation", "officer", "POST /percakapan/pengamatan/{obs}",
     {"body": "Terima kasih, saya akan berkunjung.", "submission_key": "audit-thread-o"},
     "thread.post", "Observation {obs_id}", A),
    ("thread internal note", "observation", "supervisor", "POST /percakapan/pengamatan/{obs}",
     {"body": "Cek catatan wajib lapor.", "internal": "y", "submission_key": "audit-thread-n"},
     "thread.note", "Observation {obs_id}", A),
    ("thread message on a referral", "referral proposed", "partner", "POST /percakapan/rujukan/{code}",
     {"body": "Kapan kandidat bisa wawancara?", "submission_key": "audit-thread-r"},
     "thread.post", "Referral {referral_id}", A),
    ("thread file", "observation thread with a file", "officer",
     "GET /percakapan/pengamatan/{obs}/berkas/{message}/{message_file}", None,
     "thread.file_downloaded", "Observation {obs_id}", A),
    # ---- postings
    ("posting created", "client", "partner", "POST /mitra/lowongan/baru", POSTING_FORM,
     "opportunity.created", "Opportunity *", A),
    ("posting edited", "draft posting", "partner", "POST /mitra/lowongan/{posting}/ubah", POSTING_FORM,
     "opportunity.edited", "Opportunity {posting_id}", A),
    ("posting submit", "draft posting", "partner", "POST /mitra/lowongan/{posting}/ajukan", None,
     "opportunity.submit", "Opportunity {posting_id}", A),
    ("posting publish", "pending posting", "supervisor", "POST /staf/lowongan/{posting}/terbitkan",
     {"version": "{posting_version}"}, "opportunity.publish", "Opportunity {posting_id}", A),
    ("posting request_changes", "pending posting", "supervisor", "POST /staf/lowongan/{posting}/minta-perbaikan",
     {"version": "{posting_version}", "note": "Tuliskan jam kerja."},
     "opportunity.request_changes", "Opportunity {posting_id}", A),
    ("posting reject", "pending posting", "supervisor", "POST /staf/lowongan/{posting}/tolak",
     {"version": "{posting_version}", "note": "Bukan lowongan kerja."},
     "opportunity.reject", "Opportunity {posting_id}", A),
    ("posting close, partner", "published posting", "partner", "POST /mitra/lowongan/{posting}/tutup", None,
     "opportunity.close", "Opportunity {posting_id}", A),
    ("posting close, supervisor", "published posting", "supervisor", "POST /staf/lowongan/{posting}/tutup",
     {"version": "{posting_version}"}, "opportunity.close", "Opportunity {posting_id}", A),
    ("posting close (daily job)", "posting closing 2027-01-10", "system", "CLI jobs daily --date 2027-01-11", None,
     "opportunity.close", "Opportunity {posting_id}", A),
    # ---- referrals
    ("referral created", "published posting", "officer", "POST /staf/klien/{client}/rujuk",
     {"opportunity": "{posting}", "consent_on": "{today}", "consent_method": "in_person", "disclosure": "after",
      "summary": "Terampil menjahit, pernah bekerja di konveksi dua tahun.", "submission_key": "audit-ref"},
     "referral.created", "Referral *", A),
    ("referral invite", "referral proposed", "partner", "POST /mitra/kandidat/{code}/undang",
     {"version": "{referral_version}", "on": "{next_month}"}, "referral.invite", "Referral {referral_id}", A),
    ("referral offer", "referral proposed", "partner", "POST /mitra/kandidat/{code}/tawarkan",
     {"version": "{referral_version}"}, "referral.offer", "Referral {referral_id}", A),
    ("referral decline", "referral proposed", "partner", "POST /mitra/kandidat/{code}/tolak",
     {"version": "{referral_version}", "reason": "Posisi sudah terisi."},
     "referral.decline", "Referral {referral_id}", A),
    ("referral start", "referral offered, name released", "partner", "POST /mitra/kandidat/{code}/mulai",
     {"version": "{referral_version}", "on": "{today}"}, "referral.start", "Referral {referral_id}", A),
    ("referral end", "referral placed, name released", "partner", "POST /mitra/kandidat/{code}/akhiri",
     {"version": "{referral_version}", "on": "{today}", "reason": "Kontrak selesai lebih awal."},
     "referral.end", "Referral {referral_id}", A),
    ("referral complete", "referral placed, name released", "partner", "POST /mitra/kandidat/{code}/selesai",
     {"version": "{referral_version}", "on": "{today}"}, "referral.complete", "Referral {referral_id}", A),
    ("referral withdraw", "referral proposed", "officer", "POST /staf/rujukan/{code}/tarik", None,
     "referral.withdraw", "Referral {referral_id}", A),
    ("referral disclose", "referral interview", "officer", "POST /staf/rujukan/{code}/buka-identitas",
     {"grounds": "Klien setuju namanya dibuka untuk wawancara."},
     "referral.disclose", "Referral {referral_id}", A),
    # ---- complaints: filing, every move of COMPLAINT_WORKFLOW, casework
    ("complaint filed by the public", "client", "public", "POST /pengaduan/baru",
     PUBLIC_COMPLAINT, "complaint.submitted", "Complaint *", A),
    ("complaint transcribed by staff", "client", "officer", "POST /staf/pengaduan/baru",
     ORAL_COMPLAINT, "complaint.submitted", "Complaint *", A),
    ("complaint filed by a partner", "client", "partner", "POST /mitra/klien/{client}/pengaduan",
     {"grounds": ["PROGRAMME_NONCOMPLIANCE"], "declaration": "y", "submission_key": "audit-partner",
      "narrative": "Klien menolak datang ke tempat kerja tiga minggu berturut-turut."},
     "complaint.submitted", "Complaint *", A),
    ("complaint triage", "complaint submitted", "supervisor", "POST /staf/pengaduan/{ref}/langkah/triage",
     step("triage", officer_id="{officer_id}"), "complaint.triage", "Complaint {complaint_id}", A),
    # ---- intake (issue 10 point 7)
    ("clients listed at triage", "complaint submitted", "supervisor", "POST /staf/pengaduan/{ref}/triase",
     {"step": "find", "find-name": "Audit Satu"}, "client.searched", "Complaint {complaint_id}", A),
    ("complaint triage at the triage page", "complaint submitted", "supervisor",
     "POST /staf/pengaduan/{ref}/triase", {"step": "pick", "version": "{complaint_version}",
                                           "client": "{client}", "officer_id": "{officer_id}"},
     "complaint.triage", "Complaint {complaint_id}", A),
    ("client registered at triage", "complaint submitted", "supervisor", "POST /staf/pengaduan/{ref}/triase",
     {"step": "create", "new-version": "{complaint_version}", "new-full_name": "Klien Triase",
      "new-register_number": "PAS-TRIASE/2026", "new-programme": "PB", "new-supervision_start_on": "2026-01-05",
      "new-supervision_end_on": "2027-06-30", "new-officer_id": "{officer_id}"},
     "client.created", "Client *", A),
    ("case opened from a suspected violation", "observation of a suspected violation", "officer",
     "POST /staf/pengaduan/dari-pengamatan/{obs}", {"submission_key": "audit-open-observation",
                                                   "account": "Mitra melaporkan klien ditangkap polisi kemarin."},
     "complaint.opened_from_observation", "Complaint *", A),
    ("case opened from the missed-reporting alert", "three missed check-ins", "officer",
     "POST /staf/pengaduan/dari-peringatan/{client}", {"submission_key": "audit-open-alert",
                                                       "account": "Klien tidak melapor tiga bulan berturut-turut."},
     "complaint.opened_from_alert", "Complaint *", A),
    ("complaint close", "complaint submitted", "supervisor", "POST /staf/pengaduan/{ref}/langkah/close",
     step("close", reason="not_violation"), "complaint.close", "Complaint {complaint_id}", A),
    # the transfer is made by Bapas A while the case is A's; it stays in A's audit trail
    ("complaint transfer", "complaint submitted", "supervisor", "POST /staf/pengaduan/{ref}/langkah/transfer",
     step("transfer", office_id="{office_b}"), "complaint.transfer", "Complaint {complaint_id}", A),
    ("complaint request_info", "complaint in_review", "officer", "POST /staf/pengaduan/{ref}/langkah/request_info",
     step("request_info", message="Kapan tepatnya kejadian kedua?"), "complaint.request_info",
     "Complaint {complaint_id}", A),
    ("complaint info_received", "complaint needs_info, tracked", "public", "POST /pengaduan/kasus/balas",
     {"body": "Kejadian kedua hari Jumat malam."}, "complaint.info_received", "Complaint {complaint_id}", A),
    ("complaint info_lapsed (daily job)", "complaint needs_info until 2026-11-16", "system",
     "CLI complaints daily --date 2026-11-17", None, "complaint.info_lapsed", "Complaint {complaint_id}", A),
    ("complaint start_examination", "complaint in_review", "officer",
     "POST /staf/pengaduan/{ref}/langkah/start_examination", step("start_examination"),
     "complaint.start_examination", "Complaint {complaint_id}", A),
    ("complaint refer_to_tpp", "complaint examination, both BAPs", "officer",
     "POST /staf/pengaduan/{ref}/langkah/refer_to_tpp", step("refer_to_tpp"),
     "complaint.refer_to_tpp", "Complaint {complaint_id}", A),
    ("complaint decide_not_pursued", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_not_pursued", step("decide_not_pursued", reason="not_violation"),
     "complaint.decide_not_pursued", "Complaint {complaint_id}", A),
    ("complaint decide_warning", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_warning", step("decide_warning"),
     "complaint.decide_warning", "Complaint {complaint_id}", A),
    ("complaint decide_temporary_revocation", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_temporary_revocation", step("decide_temporary_revocation"),
     "complaint.decide_temporary_revocation", "Complaint {complaint_id}", A),
    ("complaint propose", "complaint temporarily_revoked", "head", "POST /staf/pengaduan/{ref}/langkah/propose",
     step("propose"), "complaint.propose", "Complaint {complaint_id}", A),
    ("proposal letter issued", "complaint temporarily_revoked", "head", "POST /staf/pengaduan/{ref}/langkah/propose",
     step("propose"), "document.proposal_issued", "Complaint {complaint_id}", A),
    ("complaint forward", "complaint proposed", "regional", "POST /staf/pengaduan/{ref}/langkah/forward",
     step("forward", note="Diteruskan dengan surat W11.PK.05.09."), "complaint.forward", "Complaint {complaint_id}", A),
    ("complaint record_revoked", "complaint forwarded", "regional", "POST /staf/pengaduan/{ref}/langkah/record_revoked",
     step("record_revoked", decree_number="PAS-1.PK.05.09/2026", decree_on="{today}"),
     "complaint.record_revoked", "Complaint {complaint_id}", A),
    ("complaint record_not_revoked", "complaint forwarded", "regional",
     "POST /staf/pengaduan/{ref}/langkah/record_not_revoked",
     step("record_not_revoked", decree_number="PAS-2.PK.05.09/2026", decree_on="{today}"),
     "complaint.record_not_revoked", "Complaint {complaint_id}", A),
    ("complaint withdraw, receipt holder", "complaint in_review, tracked", "public", "POST /pengaduan/kasus/tarik",
     WITHDRAWAL, "complaint.withdraw", "Complaint {complaint_id}", A),
    ("complaint withdraw, partner", "complaint filed by the partner", "partner", "POST /mitra/pengaduan/{ref}/tarik",
     WITHDRAWAL, "complaint.withdraw", "Complaint {complaint_id}", A),
    # ---- issue 10: the sanctions ladder, pembatalan, the execution after the decree
    ("complaint decide_summons", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_summons",
     step("decide_summons", appear_on="{next_year}", appear_time="09:00", appear_place="Kantor Bapas"),
     "complaint.decide_summons", "Complaint {complaint_id}", A),
    ("complaint decide_intensive", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_intensive",
     step("decide_intensive", period_end_on="{next_year}", review_on="{today}"),
     "complaint.decide_intensive", "Complaint {complaint_id}", A),
    ("complaint record_cancelled", "complaint forwarded", "regional",
     "POST /staf/pengaduan/{ref}/langkah/record_cancelled",
     step("record_cancelled", grounds=["CONDITIONS_NOT_MET"], decree_number="PAS-4.PK.05.09/2026",
          decree_on="{today}"), "complaint.record_cancelled", "Complaint {complaint_id}", A),
    ("complaint close_superseded by the revocation", "two complaints, one forwarded", "regional",
     "POST /staf/pengaduan/{ref}/langkah/record_revoked",
     step("record_revoked", decree_number="PAS-5.PK.05.09/2026", decree_on="{today}"),
     "complaint.close_superseded", "Complaint *", A),
    ("complaint record_summons_answer", "complaint warning_issued, summons unanswered", "officer",
     "POST /staf/pengaduan/{ref}/panggilan/{sanction}",
     {"version": "{complaint_version}", "appeared": "no", "answered_on": "{today}"},
     "complaint.record_summons_answer", "Complaint {complaint_id}", A),
    ("complaint record_aph_letter", "complaint revoked, awaiting return", "head",
     "POST /staf/pengaduan/{ref}/eksekusi/surat",
     {"version": "{complaint_version}", "addressee": "Kepala Polres Bandung", "letter_on": "{today}"},
     "complaint.record_aph_letter", "Complaint {complaint_id}", A),
    ("complaint record_return", "complaint revoked, awaiting return", "officer",
     "POST /staf/pengaduan/{ref}/eksekusi/kembali",
     {"version": "{complaint_version}", "returned_on": "{today}", "facility": "Lapas Kelas I Sukamiskin"},
     "complaint.record_return", "Complaint {complaint_id}", A),
    ("return period set", "client", "head", "POST /staf/pengaduan/pengaturan", {"days": "10"},
     "office.return_period_set", "Office {office_a}", A),
    ("reminder days set", "client", "supervisor", "POST /staf/pengaduan/pengingat", {"days": "5, 12"},
     "office.reminder_days_set", "Office {office_a}", A),
    ("complaint record_at_large", "complaint revoked, awaiting return", "officer",
     "POST /staf/pengaduan/{ref}/eksekusi/buron",
     {"version": "{complaint_version}", "body": "Tidak ditemukan di alamat terdaftar."},
     "complaint.record_at_large", "Complaint {complaint_id}", A),
    ("complainant reply", "complaint in_review, tracked", "public", "POST /pengaduan/kasus/balas",
     {"body": "Ada saksi lain: pemilik warung."}, "complaint.complainant_reply", "Complaint {complaint_id}", A),
    ("complaint assigned", "complaint submitted", "supervisor", "POST /staf/pengaduan/{ref}/tugaskan",
     {"version": "{complaint_version}", "officer_id": "{officer_id}"},
     "complaint.assigned", "Complaint {complaint_id}", A),
    # Issue 11, point 1: the Kasi hands a client or a case to another PK.
    ("client reassigned", "client, a second officer", "supervisor", "POST /beranda/klien/{client}/alihkan",
     {"version": "{client_version}", "officer": "{officer2_id}", "reason": "Beban kerja PK terlalu berat."},
     "client.reassigned", "Client {client_id}", A),
    ("complaint reassigned", "complaint in_review, a second officer", "head",
     "POST /beranda/pengaduan/{ref}/alihkan",
     {"version": "{complaint_version}", "officer": "{officer2_id}", "reason": "PK sedang cuti panjang."},
     "complaint.reassigned", "Complaint {complaint_id}", A),
    ("complaint claimed", "complaint submitted", "officer", "POST /staf/pengaduan/{ref}/tugaskan",
     {"version": "{complaint_version}"}, "complaint.assigned", "Complaint {complaint_id}", A),
    ("complaint flagged", "complaint in_review", "supervisor", "POST /staf/pengaduan/{ref}/tandai",
     {"version": "{complaint_version}", "reason": "Pelapor punya sengketa tanah dengan klien."},
     "complaint.flagged", "Complaint {complaint_id}", A),
    ("complaint internal note", "complaint in_review", "supervisor", "POST /staf/pengaduan/{ref}/catatan",
     {"version": "{complaint_version}", "body": "Cek CCTV pasar."}, "complaint.note", "Complaint {complaint_id}", A),
    ("complaint message", "complaint in_review", "officer", "POST /staf/pengaduan/{ref}/catatan",
     {"version": "{complaint_version}", "body": "Terima kasih, kami tindak lanjuti.", "to_complainant": "y"},
     "complaint.message", "Complaint {complaint_id}", A),
    ("BAP recorded", "complaint examination", "officer", "POST /staf/pengaduan/{ref}/bap",
     BAP_FORM, "complaint.bap_recorded", "Complaint {complaint_id}", A),
    ("BAP PDF issued", "complaint examination", "officer", "POST /staf/pengaduan/{ref}/bap",
     BAP_FORM, "document.bap_client_issued", "Complaint {complaint_id}", A),
    ("TPP hearing recorded", "complaint tpp_hearing", "supervisor", "POST /staf/pengaduan/{ref}/tpp",
     HEARING_FORM, "complaint.tpp_recorded", "Complaint {complaint_id}", A),
    # Issue 10, point 4: the TPP minutes, the head's decisions and the Kanwil's forwarding.
    ("TPP minutes issued", "complaint tpp_hearing", "supervisor", "POST /staf/pengaduan/{ref}/tpp",
     HEARING_FORM, "document.tpp_minutes_issued", "Complaint {complaint_id}", A),
    ("warning letter issued", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_warning", step("decide_warning"),
     "document.warning_issued", "Complaint {complaint_id}", A),
    ("temporary revocation decision issued", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_temporary_revocation", step("decide_temporary_revocation"),
     "document.temporary_revocation_issued", "Complaint {complaint_id}", A),
    ("forwarding letter issued", "complaint proposed", "regional", "POST /staf/pengaduan/{ref}/langkah/forward",
     step("forward", note="Diteruskan."), "document.forwarding_issued", "Complaint {complaint_id}", A),
    ("summons letter issued", "complaint tpp_hearing, heard", "head",
     "POST /staf/pengaduan/{ref}/langkah/decide_summons",
     step("decide_summons", appear_on="{next_year}", appear_time="09:00", appear_place="Kantor Bapas"),
     "document.summons_issued", "Complaint {complaint_id}", A),
    ("APH letter issued", "complaint revoked, awaiting return", "head", "POST /staf/pengaduan/{ref}/eksekusi/surat",
     {"version": "{complaint_version}", "addressee": "Kepala Polres Bandung", "letter_on": "{today}"},
     "document.aph_letter_issued", "Complaint {complaint_id}", A),
    # ---- accounts
    ("account created", "client", "admin", "POST /admin/pengguna/baru",
     {"name": "Petugas Baru", "email": "petugas.baru@test.example", "role": "officer", "office_id": "{office_a}",
      "region_id": "", "locale": "id"}, "user.created", "User *", A),
    ("role changed", "client", "admin", "POST /admin/pengguna/{officer_id}",
     {"name": "{officer_name}", "email": "{officer_email}", "role": "supervisor", "office_id": "{office_a}",
      "region_id": "", "locale": "id"}, "user.updated", "User {officer_id}", A),
    ("account deactivated", "client", "admin", "POST /admin/pengguna/{officer_id}/nonaktifkan", None,
     "user.deactivated", "User {officer_id}", A),
    ("account reactivated", "officer deactivated", "admin", "POST /admin/pengguna/{officer_id}/aktifkan", None,
     "user.reactivated", "User {officer_id}", A),
    ("two-factor reset", "client", "admin", "POST /admin/pengguna/{head_id}/reset-2fa", None,
     "2fa.reset_by_admin", "User {head_id}", A),
    ("password changed", "client", "officer", "POST /akun/sandi",
     {"current": PASSWORD, "password": "gunung-tangkuban-perahu-9", "confirm": "gunung-tangkuban-perahu-9"},
     "password.set", "User {officer_id}", A),
    ("how to be told changed", "client", "officer", "POST /akun/pemberitahuan", {"phone": "081234567890"},
     "user.notices_changed", "User {officer_id}", A),
    ("partner member invited", "client", "partner", "POST /mitra/anggota",
     {"name": "Anggota Baru", "email": "anggota.baru@test.example"}, "user.created", "User *", A),
    ("partner member deactivated", "a second member", "partner", "POST /mitra/anggota/{member_id}/nonaktifkan",
     None, "user.deactivated", "User {member_id}", A),
    ("partner profile updated", "client", "partner", "POST /mitra/profil",
     {"public_description": "Konveksi yang menerima klien pemasyarakatan.", "website": "", "listed_publicly": "y"},
     "partner.profile_updated", "PartnerOrg {org_id}", A),
    # ---- supervision (issue 11 §2, §5): conditions, partner sheets, travel
    ("condition added", "client", "officer", "POST /staf/klien/{client}/syarat/baru", CONDITION_FORM,
     "condition.added", "Condition *", A),
    ("condition changed", "condition", "officer", "POST /staf/klien/{client}/syarat/{condition_id}/ubah",
     {**CONDITION_FORM, "code": "other", "text": "Tidak mendatangi rumah korban.",
      "version": "{condition_version}"}, "condition.changed", "Condition {condition_id}", A),
    ("condition ended", "condition", "supervisor", "POST /staf/klien/{client}/syarat/{condition_id}/akhiri",
     None, "condition.ended", "Condition {condition_id}", A),
    ("partner sheet written", "condition", "officer",
     "POST /staf/klien/{client}/penugasan/{assignment_id}/lembar", SHEET_FORM, "partner_sheet.written",
     "Assignment {assignment_id}", A),
    ("partner sheet read by the partner", "partner sheet", "partner", "GET /mitra/klien/{client}", None,
     "partner_sheet.viewed_by_partner", "Client {client_id}", A),
    ("travel recorded by the partner", "client", "partner", "POST /mitra/klien/{client}/bepergian",
     TRAVEL_FORM, "travel.recorded", "TravelNotice *", A),
    ("travel recorded by the PK", "client", "officer", "POST /staf/klien/{client}/bepergian/baru",
     TRAVEL_FORM, "travel.recorded", "TravelNotice *", A),
    ("travel request opened", "travel requested", "supervisor", "GET /staf/bepergian/{travel}", None,
     "travel.viewed", "TravelNotice {travel_id}", A),
    ("travel approved", "travel requested", "officer", "POST /staf/bepergian/{travel}",
     {"version": "{travel_version}", "decision": "approve", "note": ""}, "travel.approve",
     "TravelNotice {travel_id}", A),
    ("travel refused", "travel requested", "supervisor", "POST /staf/bepergian/{travel}",
     {"version": "{travel_version}", "decision": "refuse", "note": "Bertepatan dengan wajib lapor."},
     "travel.refuse", "TravelNotice {travel_id}", A),
    ("travel withdrawn", "travel requested", "partner", "POST /mitra/klien/bepergian/{travel}/tarik", None,
     "travel.withdraw", "TravelNotice {travel_id}", A),
    # ---- the calendar
    ("cuti bersama added", "client", "admin", "POST /admin/cuti-bersama",
     {"day": "2027-03-12", "name": "Cuti bersama Idul Fitri"}, "calendar.leave_added", None, None),
    ("cuti bersama removed", "cuti bersama 2027-03-09", "admin", "POST /admin/cuti-bersama/{leave_id}/hapus", None,
     "calendar.leave_removed", None, None),
]


@pytest.fixture
def scene(app, users, clients, orgs):
    return Scene(app, users, clients, orgs)


def _send(scene, who: str, request: str, form):
    method, _, target = request.partition(" ")
    target = fill(target, scene.values)
    if method == "CLI":
        result = scene.app.test_cli_runner().invoke(args=target.split())
        assert result.exit_code == 0, result.output
        return f"CLI exit {result.exit_code}: {result.output.strip()}"
    session = scene.session(who)
    if method == "GET":
        response = session.get(target)
    else:
        response = session.post(target, data=fill(form or {}, scene.values),
                                content_type="multipart/form-data")
    with session.session_transaction() as sess:
        flashes = sess.get("_flashes", [])
    return f"{method} {target} → {response.status_code} {response.headers.get('Location', '')} {flashes}"


@pytest.mark.parametrize("given, who, request_line, form, action, obj, office",
                         [pytest.param(*row[1:], id=row[0]) for row in ROWS])
def test_audit_promise(scene, given, who, request_line, form, action, obj, office):
    GIVEN[given](scene)
    before = scene.last_audit_id()
    outcome = _send(scene, who, request_line, form)
    actor = scene.person(who)
    object_type, _, object_id = (fill(obj, scene.values).partition(" ") if obj else (None, "", None))
    expected = {"object_type": object_type, "actor_id": getattr(actor, "id", None),
                "actor_role": getattr(actor, "role", None),
                "office_id": scene.office_ids[office] if office else None}
    with scene.app.app_context():
        events = db.session.scalars(select(AuditEvent).where(
            AuditEvent.id > before, AuditEvent.action == action)).all()
        found = [{"object_type": e.object_type, "object_id": e.object_id, "actor_id": e.actor_id,
                  "actor_role": e.actor_role, "office_id": e.office_id} for e in events]
    matches = [f for f in found if all(f[k] == v for k, v in expected.items())
               and (object_id in ("*", None) or f["object_id"] == object_id)]
    assert matches, f"no audit event {action} {obj} by {who} in office {office}; {outcome}; found {found}"


# The audit action each workflow move writes, where it is not "<prefix>.<move>".
WRITTEN_AS = {"opportunity.edit": "opportunity.edited", "observation.correct": "observation.corrected",
              "observation.acknowledge": "observation.acknowledged",
              "observation.record_follow_up": "observation.followed_up",
              "complaint.reply": "complaint.complainant_reply", "complaint.record_bap": "complaint.bap_recorded",
              "complaint.record_hearing": "complaint.tpp_recorded", "complaint.assign": "complaint.assigned",
              "complaint.claim": "complaint.assigned", "complaint.flag": "complaint.flagged",
              "observation.plan_visit": "observation.visit_planned",
              "observation.close_by_visit": "observation.closed_by_visit", "visit.plan": "visit.planned",
              "condition.add": "condition.added", "condition.edit": "condition.changed",
              "condition.end": "condition.ended", "travel.record": "travel.recorded",
              "partner_sheet.write": "partner_sheet.written",
              "client.reassign_client": "client.reassigned", "complaint.reassign_case": "complaint.reassigned"}
NO_WAY_IN = {"observation.archive"}  # in the table, but no page or job archives an observation


@pytest.mark.parametrize("prefix, workflow", [
    ("partner", PARTNER_WORKFLOW), ("client", CLIENT_WORKFLOW), ("assignment", ASSIGNMENT_WORKFLOW),
    ("observation", OBSERVATION_WORKFLOW), ("opportunity", POSTING_WORKFLOW),
    ("referral", REFERRAL_WORKFLOW), ("complaint", COMPLAINT_WORKFLOW), ("visit", VISIT_WORKFLOW),
    ("thread", THREAD_WORKFLOW),
    ("condition", CONDITION_WORKFLOW), ("partner_sheet", SHEET_WORKFLOW), ("travel", TRAVEL_WORKFLOW),
    ("client", CLIENT_REASSIGN_WORKFLOW), ("complaint", CASE_REASSIGN_WORKFLOW)])
def test_every_workflow_move_has_a_row(prefix, workflow):
    """A move added to a workflow table without a row above fails here."""
    covered = {row[5] for row in ROWS}
    moves = {f"{prefix}.{action}" for action in workflow.transitions} - NO_WAY_IN
    assert {WRITTEN_AS.get(move, move) for move in moves} - covered == set()
