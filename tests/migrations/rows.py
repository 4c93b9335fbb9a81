"""Representative rows for the tables of each revision, written out literally.

Every dict names every column the table has at the revision that created it, so a
test that compares `db.rows(table)` with these also checks which columns exist.
Ids are given so that references between rows can be read off the page.
"""
from __future__ import annotations

import datetime as dt

UTC = dt.UTC

# ------------------------------------------------------------------ 0001_foundation

FOUNDATION_TABLES = {"alembic_version", "region", "office", "user", "audit_event",
                     "one_time_token", "outbox_message"}

REGIONS = [
    {"id": 1, "code": "32", "name": "Jawa Barat"},
    {"id": 2, "code": "33", "name": "Jawa Tengah"},
]

OFFICES = [
    {"id": 1, "code": "BAPAS-BANDUNG", "name": "Balai Pemasyarakatan Kelas I Bandung",
     "office_class": "I", "region_id": 1, "parent_id": None, "city": "Bandung",
     "address": "Jl. Ibu Inggit Garnasih No. 2, Bandung", "phone": "022-5204373",
     "email": "bapas.bandung@example.go.id", "source": "Ditjenpas office list 2025",
     "active": True,
     "created_at": dt.datetime(2026, 1, 5, 2, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 1, 5, 2, 0, tzinfo=UTC)},
    {"id": 2, "code": "BAPAS-GARUT", "name": "Balai Pemasyarakatan Kelas II Garut",
     "office_class": "II", "region_id": 1, "parent_id": 1, "city": "Garut",
     "address": None, "phone": None, "email": None, "source": None,
     "active": False,
     "created_at": dt.datetime(2026, 1, 5, 2, 1, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 2, 10, 7, 30, tzinfo=UTC)},
]

# Staff accounts as 0001 knows them (no partner columns yet).
STAFF = [
    {"id": 1, "email": "siti.officer@example.go.id", "name": "Siti Rahmawati",
     "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
     "role": "officer", "office_id": 1, "region_id": None, "locale": "id",
     "totp_secret": None, "totp_last_counter": None, "active": True,
     "session_nonce": "5f1c2a9e0b7d4c3a8e6f1b2d3c4a5e6f", "failed_logins": 0,
     "locked_until": None,
     "last_login_at": dt.datetime(2026, 3, 2, 1, 15, tzinfo=UTC),
     "password_changed_at": dt.datetime(2026, 1, 6, 3, 0, tzinfo=UTC),
     "created_at": dt.datetime(2026, 1, 6, 2, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 3, 2, 1, 15, tzinfo=UTC)},
    {"id": 2, "email": "budi.head@example.go.id", "name": "Budi Santoso",
     "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$cGVwcGVy$b3RoZXJoYXNo",
     "role": "head", "office_id": 1, "region_id": None, "locale": "en",
     "totp_secret": "JBSWY3DPEHPK3PXP", "totp_last_counter": 59012345, "active": True,
     "session_nonce": "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "failed_logins": 3,
     "locked_until": dt.datetime(2026, 3, 3, 4, 45, tzinfo=UTC),
     "last_login_at": None, "password_changed_at": None,
     "created_at": dt.datetime(2026, 1, 6, 2, 5, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 3, 3, 4, 30, tzinfo=UTC)},
    {"id": 3, "email": "dewi.regional@example.go.id", "name": "Dewi Lestari",
     "password_hash": None, "role": "regional", "office_id": None, "region_id": 1,
     "locale": None, "totp_secret": None, "totp_last_counter": None, "active": False,
     "session_nonce": "ffeeddccbbaa99887766554433221100", "failed_logins": 0,
     "locked_until": None, "last_login_at": None, "password_changed_at": None,
     "created_at": dt.datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 2, 1, 9, 0, tzinfo=UTC)},
]

AUDIT_EVENTS = [
    {"id": 1, "at": dt.datetime(2026, 3, 2, 1, 15, tzinfo=UTC), "actor_id": 1,
     "actor_role": "officer", "office_id": 1, "action": "auth.login",
     "object_type": "User", "object_id": "1", "ip": "203.0.113.7",
     "details": {"method": "password", "totp": False}},
    {"id": 2, "at": dt.datetime(2026, 3, 3, 4, 30, tzinfo=UTC), "actor_id": None,
     "actor_role": None, "office_id": None, "action": "auth.login_failed",
     "object_type": None, "object_id": None, "ip": "2001:db8::7",
     "details": {"email": "budi.head@example.go.id", "attempt": 3}},
]

# Tokens of user accounts as 0001 knows them.
USER_TOKENS = [
    {"id": 1, "user_id": 3, "purpose": "invite",
     "token_hash": "9b74c9897bac770ffc029102a200c5de1a1b2c3d4e5f60718293a4b5c6d7e8f9",
     "created_at": dt.datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
     "expires_at": dt.datetime(2026, 2, 4, 9, 0, tzinfo=UTC), "used_at": None},
    {"id": 2, "user_id": 1, "purpose": "reset",
     "token_hash": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
     "created_at": dt.datetime(2026, 3, 1, 6, 0, tzinfo=UTC),
     "expires_at": dt.datetime(2026, 3, 1, 7, 0, tzinfo=UTC),
     "used_at": dt.datetime(2026, 3, 1, 6, 12, tzinfo=UTC)},
]

OUTBOX_MESSAGES = [
    {"id": 1, "recipient": "dewi.regional@example.go.id",
     "subject": "Undangan akun Portal POKMAS LIPAS", "body": "Buka tautan berikut …",
     "created_at": dt.datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
     "sent_at": dt.datetime(2026, 2, 1, 9, 1, tzinfo=UTC), "attempts": 1,
     "last_error": None},
    {"id": 2, "recipient": "siti.officer@example.go.id", "subject": "Password reset",
     "body": "Use this link within one hour …",
     "created_at": dt.datetime(2026, 3, 1, 6, 0, tzinfo=UTC), "sent_at": None,
     "attempts": 2, "last_error": "451 4.3.0 mail server temporarily unavailable"},
]

# ------------------------------------------------------------------ 0002_partners

PARTNERS_TABLES = FOUNDATION_TABLES | {"partner_org", "pks_reminder", "attachment",
                                       "partner_event"}

# The staff and their tokens as they read once 0002 has added its columns.
STAFF_0002 = [{**user, "partner_org_id": None, "org_admin": False} for user in STAFF]
USER_TOKENS_0002 = [{**token, "partner_org_id": None} for token in USER_TOKENS]

PARTNER_ORGS = [
    {"id": 1, "public_id": "po_7QmX2kLr9vBnT4sW", "reference": "PKM-2026-0001",
     "submission_key": "a3f1c0de5b6a7980a3f1c0de5b6a7980", "status": "active",
     "version": 6, "applicant_type": "organisation", "kind": "employer",
     "name": "CV Sinar Garut Mandiri",
     "fields": {"npwp": "01.234.567.8-901.000", "deed_number": "AHU-0012345"},
     "office_id": 1, "contact_name": "Agus Wijaya", "email": "agus@sinargarut.example",
     "phone": "081234567890", "address": "Jl. Ciledug No. 12, Garut",
     "motivation": "Kami membuka lowongan bagi klien pemasyarakatan.",
     "consent_at": dt.datetime(2026, 1, 20, 3, 0, tzinfo=UTC), "locale": "id",
     "email_confirmed_at": dt.datetime(2026, 1, 20, 3, 10, tzinfo=UTC),
     "documents_verified_at": dt.datetime(2026, 1, 25, 2, 0, tzinfo=UTC),
     "visit_on": dt.date(2026, 1, 28), "visit_notes": "Workshop seen; 14 staff.",
     "decision_reason": None, "decided_at": dt.datetime(2026, 2, 2, 5, 0, tzinfo=UTC),
     "pks_number": "W11.PAS.PAS21-12/2026", "pks_signed_on": dt.date(2026, 2, 3),
     "pks_valid_until": dt.date(2027, 2, 2), "listed_publicly": True,
     "public_description": "Konveksi dan sablon.", "website": "https://sinargarut.example",
     "created_at": dt.datetime(2026, 1, 20, 3, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 2, 3, 4, 0, tzinfo=UTC)},
    {"id": 2, "public_id": "po_Hc4Nw8ZpYt2mQa6E", "reference": "PKM-2026-0002",
     "submission_key": None, "status": "unconfirmed", "version": 1,
     "applicant_type": "individual", "kind": "mentor", "name": "Rina Kartika",
     "fields": {}, "office_id": 2, "contact_name": "Rina Kartika",
     "email": "rina.kartika@example.com", "phone": "085712345678",
     "address": "Kp. Sukamaju RT 02/RW 05, Garut", "motivation": "Ingin menjadi pendamping.",
     "consent_at": dt.datetime(2026, 3, 4, 10, 0, tzinfo=UTC), "locale": "id",
     "email_confirmed_at": None, "documents_verified_at": None, "visit_on": None,
     "visit_notes": None, "decision_reason": None, "decided_at": None,
     "pks_number": None, "pks_signed_on": None, "pks_valid_until": None,
     "listed_publicly": False, "public_description": None, "website": None,
     "created_at": dt.datetime(2026, 3, 4, 10, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 3, 4, 10, 0, tzinfo=UTC)},
]

PKS_REMINDERS = [
    {"id": 1, "org_id": 1, "valid_until": dt.date(2027, 2, 2), "days_before": 60,
     "sent_at": dt.datetime(2026, 12, 4, 0, 30, tzinfo=UTC)},
]

# Attachments of partner organisations; the later revisions add their own owners.
PARTNER_ATTACHMENTS = [
    {"id": 1, "owner_type": "PartnerOrg", "owner_id": 1, "purpose": "deed",
     "original_name": "akta pendirian.pdf", "content_type": "application/pdf",
     "size": 48213,
     "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "storage_key": "3f9a1c7e5b2d4a6c8e0f1a3b5c7d9e1f", "uploaded_by_id": None,
     "created_at": dt.datetime(2026, 1, 20, 3, 0, tzinfo=UTC)},
    {"id": 2, "owner_type": "PartnerOrg", "owner_id": 1, "purpose": "pks",
     "original_name": "PKS signed.jpg", "content_type": "image/jpeg", "size": 731204,
     "sha256": "5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9",
     "storage_key": "8d0e2f4a6c8e0a2c4e6a8c0e2a4c6e8a", "uploaded_by_id": 2,
     "created_at": dt.datetime(2026, 2, 3, 4, 0, tzinfo=UTC)},
]

PARTNER_EVENTS = [
    {"id": 1, "org_id": 1, "at": dt.datetime(2026, 1, 20, 3, 0, tzinfo=UTC),
     "actor_id": None, "action": "applied", "from_status": None,
     "to_status": "unconfirmed", "note": None},
    {"id": 2, "org_id": 1, "at": dt.datetime(2026, 2, 3, 4, 0, tzinfo=UTC),
     "actor_id": 2, "action": "record_pks", "from_status": "vetted",
     "to_status": "active", "note": "PKS W11.PAS.PAS21-12/2026"},
]

# A partner organisation's administrator: a user row that 0002's columns describe.
PARTNER_MEMBER = {
    "id": 4, "email": "agus@sinargarut.example", "name": "Agus Wijaya",
    "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$cGFydG5lcg$cGFydG5lcmhhc2g",
    "role": "partner", "office_id": None, "region_id": None, "locale": "id",
    "totp_secret": None, "totp_last_counter": None, "active": True,
    "session_nonce": "1234567890abcdef1234567890abcdef", "failed_logins": 0,
    "locked_until": None, "last_login_at": dt.datetime(2026, 3, 5, 2, 0, tzinfo=UTC),
    "password_changed_at": dt.datetime(2026, 2, 3, 5, 0, tzinfo=UTC),
    "created_at": dt.datetime(2026, 2, 3, 4, 0, tzinfo=UTC),
    "updated_at": dt.datetime(2026, 3, 5, 2, 0, tzinfo=UTC),
    "partner_org_id": 1, "org_admin": True,
}

# A partner application's email-confirmation token: no user yet, only the application.
PARTNER_TOKENS = [
    {"id": 3, "user_id": None, "partner_org_id": 2, "purpose": "partner_confirm",
     "token_hash": "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
     "created_at": dt.datetime(2026, 3, 4, 10, 0, tzinfo=UTC),
     "expires_at": dt.datetime(2026, 3, 6, 10, 0, tzinfo=UTC), "used_at": None},
]

# ------------------------------------------------------------------ 0003_clients

CLIENTS_TABLES = PARTNERS_TABLES | {"client", "notification", "assignment", "check_in",
                                    "observation", "client_event", "observation_revision"}

CLIENTS = [
    {"id": 1, "public_id": "cl_Vb3Kq9Lm2Xn7Rt5Y", "office_id": 1,
     "register_number": "PAS-BDG-2026/0117", "full_name": "Joko Prasetyo",
     "programme": "PB", "supervision_start_on": dt.date(2026, 1, 10),
     "supervision_end_on": dt.date(2027, 7, 9),
     "general_conditions": "Wajib lapor setiap bulan.",
     "special_conditions": "Tidak meninggalkan Kabupaten Garut tanpa izin.",
     "officer_id": 1, "risk_level": "medium", "status": "active", "area": "Garut Kota",
     "nik": "3205011201900003", "decree_number": "PAS-1234.PK.05.09/2026",
     "offence_category": "theft", "transferred_to_id": None, "consecutive_misses": 1,
     "version": 4, "created_at": dt.datetime(2026, 1, 10, 2, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 3, 1, 2, 0, tzinfo=UTC)},
    {"id": 2, "public_id": "cl_Pw6Zs1Ch8Fj4Dg0U", "office_id": 1,
     "register_number": "PAS-BDG-2026/0118", "full_name": "Maya Sari",
     "programme": "CB", "supervision_start_on": dt.date(2025, 6, 1),
     "supervision_end_on": dt.date(2026, 2, 28), "general_conditions": None,
     "special_conditions": None, "officer_id": None, "risk_level": "low",
     "status": "transferred", "area": None, "nik": None, "decree_number": None,
     "offence_category": None, "transferred_to_id": 2, "consecutive_misses": 0,
     "version": 2, "created_at": dt.datetime(2025, 6, 1, 2, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 2, 20, 2, 0, tzinfo=UTC)},
]

NOTIFICATIONS = [
    {"id": 1, "user_id": 1, "kind": "observation_new",
     "link": "/clients/cl_Vb3Kq9Lm2Xn7Rt5Y/observations/ob_Tn5Wq2Er7Yu1Io3P",
     "created_at": dt.datetime(2026, 3, 5, 2, 30, tzinfo=UTC), "read_at": None},
]

ASSIGNMENTS = [
    {"id": 1, "client_id": 1, "partner_org_id": 1, "relationship_kind": "employer",
     "starts_on": dt.date(2026, 2, 10), "ends_on": dt.date(2027, 2, 9),
     "status": "active", "proposed_by_id": 1, "decided_by_id": 4,
     "decided_at": dt.datetime(2026, 2, 9, 3, 0, tzinfo=UTC), "ended_at": None,
     "end_reason": None, "note": "Bagian produksi.",
     "created_at": dt.datetime(2026, 2, 8, 3, 0, tzinfo=UTC)},
]

CHECK_INS = [
    {"id": 1, "client_id": 1, "month": dt.date(2026, 2, 1), "outcome": "attended",
     "reason": None, "recorded_by_id": 1,
     "recorded_at": dt.datetime(2026, 2, 14, 3, 0, tzinfo=UTC)},
    {"id": 2, "client_id": 1, "month": dt.date(2026, 3, 1), "outcome": "missed",
     "reason": "Tidak hadir, tidak ada kabar.", "recorded_by_id": None,
     "recorded_at": dt.datetime(2026, 3, 1, 0, 5, tzinfo=UTC)},
]

OBSERVATIONS = [
    {"id": 1, "public_id": "ob_Tn5Wq2Er7Yu1Io3P",
     "submission_key": "0f1e2d3c4b5a69780f1e2d3c4b5a6978", "client_id": 1,
     "office_id": 1, "assignment_id": 1, "partner_org_id": 1, "author_id": 4,
     "observed_on": dt.date(2026, 3, 4), "category": "concern",
     "grounds": ["absent_from_work", "late_payment"],
     "narrative": "Tidak masuk kerja tiga hari berturut-turut.", "status": "acknowledged",
     "reply": "Terima kasih, akan kami tindak lanjuti.", "follow_up": None,
     "follow_up_note": None, "acknowledged_by_id": 1,
     "acknowledged_at": dt.datetime(2026, 3, 5, 3, 0, tzinfo=UTC),
     "followed_up_at": None, "digested_at": None, "version": 3,
     "created_at": dt.datetime(2026, 3, 5, 2, 30, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 3, 5, 3, 0, tzinfo=UTC)},
]

# Evidence filed with an observation (owner "Observation").
OBSERVATION_ATTACHMENTS = [
    {"id": 3, "owner_type": "Observation", "owner_id": 1, "purpose": "evidence",
     "original_name": "daftar hadir.jpg", "content_type": "image/jpeg", "size": 204800,
     "sha256": "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b",
     "storage_key": "b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1", "uploaded_by_id": 4,
     "created_at": dt.datetime(2026, 3, 5, 2, 30, tzinfo=UTC)},
]

CLIENT_EVENTS = [
    {"id": 1, "client_id": 1, "at": dt.datetime(2026, 2, 9, 3, 0, tzinfo=UTC),
     "actor_id": 4, "kind": "assignment", "action": "accepted", "from_status": "proposed",
     "to_status": "active", "note": None, "assignment_id": 1, "check_in_id": None,
     "observation_id": None},
    {"id": 2, "client_id": 1, "at": dt.datetime(2026, 3, 1, 0, 5, tzinfo=UTC),
     "actor_id": None, "kind": "check_in", "action": "missed", "from_status": None,
     "to_status": None, "note": None, "assignment_id": None, "check_in_id": 2,
     "observation_id": None},
    {"id": 3, "client_id": 1, "at": dt.datetime(2026, 3, 5, 2, 30, tzinfo=UTC),
     "actor_id": 4, "kind": "observation", "action": "observation_submitted",
     "from_status": None, "to_status": "submitted", "note": None, "assignment_id": 1,
     "check_in_id": None, "observation_id": 1},
]

OBSERVATION_REVISIONS = [
    {"id": 1, "observation_id": 1, "observed_on": dt.date(2026, 3, 3),
     "category": "routine", "grounds": [], "narrative": "Tidak masuk kerja.",
     "written_at": dt.datetime(2026, 3, 5, 2, 30, tzinfo=UTC),
     "replaced_at": dt.datetime(2026, 3, 5, 2, 40, tzinfo=UTC), "replaced_by_id": 4},
]

# ------------------------------------------------------------------ 0004_opportunities

JOBS_TABLES = CLIENTS_TABLES | {"opportunity", "opportunity_office", "referral",
                                "referral_event"}

OPPORTUNITIES = [
    {"id": 1, "public_id": "op_Ke8Rt3Yu6Io9Pa2S",
     "submission_key": "77aa88bb99cc00dd77aa88bb99cc00dd", "partner_org_id": 1,
     "created_by_id": 4, "kind": "job", "title": "Operator mesin jahit",
     "description": "Menjahit kaos dan seragam; pelatihan diberikan.",
     "sector": "garment", "region_id": 1, "city": "Garut", "places": 3,
     "requirements": "Usia 18–45 tahun.", "hours": "Senin–Sabtu 08.00–16.00",
     "pay": "UMK Garut", "starts_on": dt.date(2026, 4, 1),
     "closes_on": dt.date(2026, 3, 31), "contact_method": "Melalui petugas Bapas.",
     "excluded_offences": ["sexual_offence", "child_abuse"], "status": "published",
     "moderation_note": None, "moderated_by_id": 2,
     "moderated_at": dt.datetime(2026, 3, 6, 2, 0, tzinfo=UTC),
     "published_at": dt.datetime(2026, 3, 6, 2, 0, tzinfo=UTC), "closed_reason": None,
     "version": 2, "created_at": dt.datetime(2026, 3, 5, 4, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 3, 6, 2, 0, tzinfo=UTC)},
]

OPPORTUNITY_OFFICES = [
    {"opportunity_id": 1, "office_id": 1},
    {"opportunity_id": 1, "office_id": 2},
]

REFERRALS = [
    {"id": 1, "code": "RJ-4K7M-2P9Q", "submission_key": None, "opportunity_id": 1,
     "client_id": 1, "office_id": 1, "officer_id": 1, "consent_on": dt.date(2026, 3, 7),
     "consent_method": "signed_form", "disclose_now": True, "consent_assignment": True,
     "disclosed_at": dt.datetime(2026, 3, 7, 3, 0, tzinfo=UTC),
     "summary": "Pengalaman menjahit dua tahun.", "status": "placed",
     "interview_on": dt.date(2026, 3, 10), "partner_note": "Mulai 1 April.",
     "placement_started_on": dt.date(2026, 4, 1), "placement_ended_on": None,
     "end_reason": None, "assignment_id": 1, "version": 5,
     "created_at": dt.datetime(2026, 3, 7, 3, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 3, 12, 3, 0, tzinfo=UTC)},
]

REFERRAL_EVENTS = [
    {"id": 1, "referral_id": 1, "at": dt.datetime(2026, 3, 7, 3, 0, tzinfo=UTC),
     "actor_id": 1, "action": "refer", "from_status": None, "to_status": "proposed",
     "note": None},
    {"id": 2, "referral_id": 1, "at": dt.datetime(2026, 3, 12, 3, 0, tzinfo=UTC),
     "actor_id": 4, "action": "place", "from_status": "offered", "to_status": "placed",
     "note": "Mulai 1 April."},
]

# ------------------------------------------------------------------ 0005_complaints

COMPLAINTS_TABLES = JOBS_TABLES | {"collective_leave", "complaint", "complaint_event",
                                   "examination_record", "hearing", "issued_document"}

COLLECTIVE_LEAVE = [
    {"id": 1, "day": dt.date(2026, 3, 20), "name": "Cuti bersama Idulfitri"},
]

COMPLAINTS = [
    {"id": 1, "reference": "ADU-2026-0007",
     "secret_hash": "$argon2id$v=19$m=65536,t=3,p=4$YWR1YW4$c2VjcmV0aGFzaA",
     "submission_key": "5e5e5e5e6f6f6f6f7a7a7a7a8b8b8b8b", "channel": "portal",
     "office_id": 1, "client_id": 1, "client_name": "Joko Prasetyo",
     "client_area": "Garut Kota", "client_register_number": "PAS-BDG-2026/0117",
     "grounds": ["missed_reporting", "left_area"], "missed_visits": 2,
     "narrative": "Klien tidak melapor dua bulan dan terlihat di Bandung.",
     "incident_from_on": dt.date(2026, 2, 1), "incident_to_on": dt.date(2026, 3, 1),
     "incident_place": "Terminal Guntur, Garut", "witnesses": "Pak RT setempat",
     "complainant_name": "Agus Wijaya", "complainant_phone": "081234567890",
     "complainant_email": "agus@sinargarut.example",
     "complainant_relationship": "employer", "complainant_user_id": 4,
     "partner_org_id": 1, "recorded_by_id": None,
     "declaration_at": dt.datetime(2026, 3, 8, 2, 0, tzinfo=UTC), "locale": "id",
     "status": "examination", "assigned_officer_id": 1,
     "submitted_on": dt.date(2026, 3, 8), "due_on": dt.date(2026, 4, 8),
     "paused_since": None, "info_due_on": None, "closing_reason": None,
     "flagged_malicious": False, "flag_reason": None, "decree_number": None,
     "decree_on": None, "closed_at": None, "version": 4,
     "created_at": dt.datetime(2026, 3, 8, 2, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 3, 12, 2, 0, tzinfo=UTC)},
]

COMPLAINT_EVENTS = [
    {"id": 1, "complaint_id": 1, "at": dt.datetime(2026, 3, 8, 2, 0, tzinfo=UTC),
     "actor_id": None, "by_complainant": True, "kind": "status", "action": "submit",
     "from_status": None, "to_status": "submitted", "visibility": "complainant",
     "body": None},
    {"id": 2, "complaint_id": 1, "at": dt.datetime(2026, 3, 12, 2, 0, tzinfo=UTC),
     "actor_id": 1, "by_complainant": False, "kind": "note", "action": None,
     "from_status": None, "to_status": None, "visibility": "internal",
     "body": "Jadwalkan pemeriksaan klien."},
]

EXAMINATIONS = [
    {"id": 1, "complaint_id": 1, "subject": "client", "subject_name": "Joko Prasetyo",
     "examiner_id": 1, "examined_on": dt.date(2026, 3, 12),
     "place": "Ruang pemeriksaan Bapas Bandung",
     "questions": [{"q": "Mengapa tidak melapor?", "a": "Sakit."}],
     "created_at": dt.datetime(2026, 3, 12, 4, 0, tzinfo=UTC)},
]

HEARINGS = [
    {"id": 1, "complaint_id": 1, "held_on": dt.date(2026, 3, 16),
     "members": "Budi Santoso (ketua); Siti Rahmawati", "recommendation": "warning",
     "minutes": "Sidang TPP merekomendasikan teguran.", "recorded_by_id": 2,
     "created_at": dt.datetime(2026, 3, 16, 6, 0, tzinfo=UTC)},
]

ISSUED_DOCUMENTS = [
    {"id": 1, "complaint_id": 1, "kind": "bap", "examination_id": 1,
     "code": "BAP-2026-0007-01",
     "sha256": "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35",
     "storage_key": "c2e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2", "issued_by_id": 1,
     "issued_at": dt.datetime(2026, 3, 12, 5, 0, tzinfo=UTC)},
]

# Files filed with a complaint and the signed scan of its examination record.
COMPLAINT_ATTACHMENTS = [
    {"id": 4, "owner_type": "Complaint", "owner_id": 1, "purpose": "evidence",
     "original_name": "foto terminal.jpg", "content_type": "image/jpeg", "size": 512000,
     "sha256": "4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce",
     "storage_key": "d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3", "uploaded_by_id": 4,
     "created_at": dt.datetime(2026, 3, 8, 2, 0, tzinfo=UTC)},
    {"id": 5, "owner_type": "ExaminationRecord", "owner_id": 1, "purpose": "signed_scan",
     "original_name": "BAP bertanda tangan.pdf", "content_type": "application/pdf",
     "size": 98304,
     "sha256": "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a",
     "storage_key": "e4a6c8e0a2c4e6a8c0e2a4c6e8a0c2e4", "uploaded_by_id": 1,
     "created_at": dt.datetime(2026, 3, 13, 2, 0, tzinfo=UTC)},
]


# ------------------------------------------------------------------ loading


def load_foundation(db) -> None:
    """0001's tables, as a database at 0001 holds them."""
    db.insert("region", REGIONS)
    db.insert("office", OFFICES)
    db.insert("user", STAFF)
    db.insert("audit_event", AUDIT_EVENTS)
    db.insert("one_time_token", USER_TOKENS)
    db.insert("outbox_message", OUTBOX_MESSAGES)


def load_partners(db) -> None:
    """0002's tables and columns (on top of load_foundation)."""
    db.insert("partner_org", PARTNER_ORGS)
    db.insert("pks_reminder", PKS_REMINDERS)
    db.insert("attachment", PARTNER_ATTACHMENTS)
    db.insert("partner_event", PARTNER_EVENTS)
    db.insert("user", [PARTNER_MEMBER])
    db.insert("one_time_token", PARTNER_TOKENS)


def load_clients(db) -> None:
    """0003's tables (on top of load_partners)."""
    db.insert("client", CLIENTS)
    db.insert("notification", NOTIFICATIONS)
    db.insert("assignment", ASSIGNMENTS)
    db.insert("check_in", CHECK_INS)
    db.insert("observation", OBSERVATIONS)
    db.insert("attachment", OBSERVATION_ATTACHMENTS)
    db.insert("client_event", CLIENT_EVENTS)
    db.insert("observation_revision", OBSERVATION_REVISIONS)


def load_jobs(db) -> None:
    """0004's tables (on top of load_clients)."""
    db.insert("opportunity", OPPORTUNITIES)
    db.insert("opportunity_office", OPPORTUNITY_OFFICES)
    db.insert("referral", REFERRALS)
    db.insert("referral_event", REFERRAL_EVENTS)


def load_complaints(db) -> None:
    """0005's tables (on top of load_jobs)."""
    db.insert("collective_leave", COLLECTIVE_LEAVE)
    db.insert("complaint", COMPLAINTS)
    db.insert("complaint_event", COMPLAINT_EVENTS)
    db.insert("examination_record", EXAMINATIONS)
    db.insert("hearing", HEARINGS)
    db.insert("issued_document", ISSUED_DOCUMENTS)
    db.insert("attachment", COMPLAINT_ATTACHMENTS)


# ------------------------------------------------------------------ checking


def assert_foundation_at_0001(db) -> None:
    """0001's tables hold exactly the rows load_foundation wrote, in 0001's shape."""
    assert db.rows("region") == REGIONS
    assert db.rows("office") == OFFICES
    assert db.rows("user") == STAFF
    assert db.rows("audit_event") == AUDIT_EVENTS
    assert db.rows("one_time_token") == USER_TOKENS
    assert db.rows("outbox_message") == OUTBOX_MESSAGES


def assert_partners_unchanged(db, *, attachments: list[dict]) -> None:
    """0001's and 0002's tables hold what load_foundation and load_partners wrote."""
    assert db.rows("region") == REGIONS
    assert db.rows("office") == OFFICES
    assert db.rows("user") == STAFF_0002 + [PARTNER_MEMBER]
    assert db.rows("audit_event") == AUDIT_EVENTS
    assert db.rows("one_time_token") == USER_TOKENS_0002 + PARTNER_TOKENS
    assert db.rows("outbox_message") == OUTBOX_MESSAGES
    assert db.rows("partner_org") == PARTNER_ORGS
    assert db.rows("pks_reminder") == PKS_REMINDERS
    assert db.rows("attachment") == attachments
    assert db.rows("partner_event") == PARTNER_EVENTS


def assert_clients_unchanged(db) -> None:
    """0003's tables hold what load_clients wrote."""
    assert db.rows("client") == CLIENTS
    assert db.rows("notification") == NOTIFICATIONS
    assert db.rows("assignment") == ASSIGNMENTS
    assert db.rows("check_in") == CHECK_INS
    assert db.rows("observation") == OBSERVATIONS
    assert db.rows("client_event") == CLIENT_EVENTS
    assert db.rows("observation_revision") == OBSERVATION_REVISIONS


def assert_jobs_unchanged(db) -> None:
    """0004's tables hold what load_jobs wrote."""
    assert db.rows("opportunity") == OPPORTUNITIES
    assert db.rows("opportunity_office") == OPPORTUNITY_OFFICES
    assert db.rows("referral") == REFERRALS
    assert db.rows("referral_event") == REFERRAL_EVENTS
