"""The access-policy table: every URL rule of the app, who may use it, sample arguments.

tests/test_access_policy.py fails when a rule is missing here, when a row names a rule
that no longer exists, or when the code's guard disagrees with a row.
"""
PUBLIC = "public"
ALL = ("partner", "officer", "supervisor", "head", "regional", "admin")
ADMIN = ("admin",)

# endpoint: (who may use it, sample URL arguments)
POLICY: dict[str, tuple[object, dict]] = {
    "static": (PUBLIC, {"filename": "css/portal.css"}),
    "public.home": (PUBLIC, {}),
    "public.healthz": (PUBLIC, {}),
    "auth.login": (PUBLIC, {}),
    "auth.second_factor": (PUBLIC, {}),
    "auth.forgot_password": (PUBLIC, {}),
    "auth.set_password": (PUBLIC, {"token": "no-such-token"}),
    "auth.logout": (ALL, {}),
    "account.index": (ALL, {}),
    "account.language": (ALL, {}),
    "account.password": (ALL, {}),
    "account.totp_setup": (ALL, {}),
    "account.totp_disable": (ALL, {}),
    "admin.users": (ADMIN, {}),
    "admin.user_new": (ADMIN, {}),
    "admin.user_edit": (ADMIN, {"user_id": 1}),
    "admin.user_deactivate": (ADMIN, {"user_id": 1}),
    "admin.user_reactivate": (ADMIN, {"user_id": 1}),
    "admin.user_reinvite": (ADMIN, {"user_id": 1}),
    "admin.user_reset_totp": (ADMIN, {"user_id": 1}),
    "admin.audit_log": (ADMIN, {}),
}

VETTING = ("supervisor", "head")
PARTNER = ("partner",)
POLICY.update({
    "public.about": (PUBLIC, {}),
    "public.how_to_join": (PUBLIC, {}),
    "public.faq": (PUBLIC, {}),
    "public.privacy": (PUBLIC, {}),
    "public.accessibility": (PUBLIC, {}),
    "public.directory": (PUBLIC, {}),
    "public.figures": (PUBLIC, {}),
    "public.apply": (PUBLIC, {}),
    "public.apply_sent": (PUBLIC, {}),
    "public.apply_confirm": (PUBLIC, {"token": "no-such-token"}),
    "public.apply_answer": (PUBLIC, {"token": "no-such-token"}),
    "vetting.queue": (VETTING, {}),
    "vetting.detail": (VETTING, {"public_id": "no-such-id"}),
    "vetting.document": (VETTING, {"public_id": "no-such-id", "attachment_id": 1}),
    "vetting.act": (VETTING, {"public_id": "no-such-id", "action": "reject"}),
    "partner.dashboard": (PARTNER, {}),
    "partner.members": (PARTNER, {}),
    "partner.member_active": (PARTNER, {"member_id": 1, "change": "nonaktifkan"}),
    "partner.profile": (PARTNER, {}),
})

STAFF = ("officer", "supervisor", "head")
EDITORS = ("officer", "supervisor")
POLICY.update({
    "clients.index": (STAFF, {}),
    "clients.new": (EDITORS, {}),
    "clients.detail": (STAFF, {"public_id": "no-such-id"}),
    "clients.edit": (EDITORS, {"public_id": "no-such-id"}),
    "clients.status": (STAFF, {"public_id": "no-such-id"}),
    "clients.assign": (EDITORS, {"public_id": "no-such-id"}),
    "clients.end_assignment": (EDITORS, {"public_id": "no-such-id", "assignment_id": 1, "change": "akhiri"}),
    "clients.check_in": (EDITORS, {"public_id": "no-such-id"}),
    "clients.alerts": (STAFF, {}),
    "clients.import_csv": (VETTING, {}),
    "clients.import_template": (VETTING, {}),
    "partner_clients.index": (PARTNER, {}),
    "partner_clients.detail": (PARTNER, {"public_id": "no-such-id"}),
    "partner_clients.observe": (PARTNER, {"public_id": "no-such-id"}),
    "partner_clients.observation": (PARTNER, {"public_id": "no-such-id"}),
    "partner_clients.correct": (PARTNER, {"public_id": "no-such-id"}),
    "partner_clients.assignments": (PARTNER, {}),
    "partner_clients.decide": (PARTNER, {"assignment_id": 1, "answer": "terima"}),
    "observations.inbox": (STAFF, {}),
    "observations.detail": (STAFF, {"public_id": "no-such-id"}),
    "observations.attachment": (STAFF, {"public_id": "no-such-id", "attachment_id": 1}),
    "observations.answer": (STAFF, {"public_id": "no-such-id", "step": "tanggapi"}),
    "notifications.index": (ALL, {}),
    "notifications.mark_read": (ALL, {}),
})

READERS = ("officer", "supervisor", "head", "partner")
POLICY.update({
    "jobs.browse": (READERS, {}),
    "jobs.detail": (READERS, {"public_id": "no-such-id"}),
    "jobs.own": (PARTNER, {}),
    "jobs.new": (PARTNER, {}),
    "jobs.edit": (PARTNER, {"public_id": "no-such-id"}),
    "jobs.change": (PARTNER, {"public_id": "no-such-id", "change": "ajukan"}),
    "jobs.candidate": (PARTNER, {"code": "RJK-XXXX-XXXX"}),
    "jobs.respond": (PARTNER, {"code": "RJK-XXXX-XXXX", "answer": "undang"}),
    "jobs.candidates_csv": (PARTNER, {}),
    "jobs.staff_home": (STAFF, {}),
    "jobs.moderate": (("supervisor",), {"public_id": "no-such-id", "decision": "terbitkan"}),
    "jobs.refer": (EDITORS, {"public_id": "no-such-id"}),
    "jobs.referral": (STAFF, {"code": "RJK-XXXX-XXXX"}),
    "jobs.referral_action": (EDITORS, {"code": "RJK-XXXX-XXXX", "action": "tarik"}),
})

CASE_READERS = ("officer", "supervisor", "head", "regional")
POLICY.update({
    "complaints.public_new": (PUBLIC, {}),
    "complaints.receipt": (PUBLIC, {}),
    "complaints.track": (PUBLIC, {}),
    "complaints.case_public": (PUBLIC, {}),
    "complaints.case_public_step": (PUBLIC, {"step": "keluar"}),
    "complaints.partner_new": (PARTNER, {"public_id": "no-such-id"}),
    "complaints.partner_list": (PARTNER, {}),
    "complaints.partner_case": (PARTNER, {"reference": "ADU-XXXX-XXXX"}),
    "complaints.queue": (CASE_READERS, {}),
    "complaints.export": (CASE_READERS, {}),
    "complaints.staff_new": (STAFF, {}),
    "complaints.case": (CASE_READERS, {"reference": "ADU-XXXX-XXXX"}),
    "complaints.complainant": (CASE_READERS, {"reference": "ADU-XXXX-XXXX"}),
    "complaints.act": (CASE_READERS, {"reference": "ADU-XXXX-XXXX", "action": "triage"}),
    "complaints.note": (STAFF, {"reference": "ADU-XXXX-XXXX"}),
    "complaints.assign": (STAFF, {"reference": "ADU-XXXX-XXXX"}),
    "complaints.flag": (STAFF, {"reference": "ADU-XXXX-XXXX"}),
    "complaints.examination": (EDITORS, {"reference": "ADU-XXXX-XXXX"}),
    "complaints.hearing": (VETTING, {"reference": "ADU-XXXX-XXXX"}),
    "complaints.document": (CASE_READERS, {"reference": "ADU-XXXX-XXXX", "document_id": 1}),
    "complaints.attachment": (STAFF, {"reference": "ADU-XXXX-XXXX", "attachment_id": 1}),
    "complaints.verify": (CASE_READERS, {}),
    "complaints.leave_days": (ADMIN, {}),
    "complaints.leave_day_delete": (ADMIN, {"leave_id": 1}),
})
POLICY["complaints.partner_withdraw"] = (PARTNER, {"reference": "ADU-XXXX-XXXX"})
