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
