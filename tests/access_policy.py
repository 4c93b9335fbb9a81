"""The access-policy table: every URL rule of the app, who may use it, and what they get.

Each row gives the roles allowed, the URL (for a rule that names an object, written with
placeholders for the objects of the test world in tests/access_world.py: `{x.client}` is the
client of one side), and the answer an allowed role gets on the object in its scope:

- `OK` (200) or `page("client")`: 200, and the page shows the object's identifying text;
- `to("/path")`: a 302 to exactly that path (a POST action answers by going back to its page);
- a number: that status (e.g. 400, an empty form shown again with its errors);
- a dict role → answer where the roles get different answers.

tests/test_access_policy.py walks app.url_map as anonymous and as each actor below, with `x`
the in-scope side A (Bandung, Jawa Barat, partner organisation A), and again with `x` the
out-of-scope side B (Semarang, Jawa Tengah, partner organisation B), which every actor must be
refused (403 or 404) without the page showing the object. `out=False` marks the rules whose
objects have no out-of-scope side (an administrator's accounts and collective-leave days are
national). It fails when a rule is missing here, when a row names a rule that no longer exists,
or when the code's guard disagrees with a row.
"""
from __future__ import annotations

from typing import NamedTuple

PUBLIC = "public"
ALL = ("partner", "officer", "supervisor", "head", "regional", "admin")
ADMIN = ("admin",)
OK = 200


class Page(NamedTuple):
    """200, and the page shows the in-scope object's identifying text (a world text key)."""

    shows: str
    status: int = 200


class Redirect(NamedTuple):
    """302 to exactly this path (placeholders as in the row's URL)."""

    path: str


def page(shows: str) -> Page:
    return Page(shows)


def to(path: str) -> Redirect:
    return Redirect(path)


class Rule(NamedTuple):
    roles: object            # PUBLIC, or the roles allowed
    path: str                # the URL, `{x.…}` naming objects of one side of the world
    answer: object = OK      # what an allowed role gets on the in-scope object
    out: bool = True         # whether the rule's object has an out-of-scope side


VETTING = ("supervisor", "head")
PARTNER = ("partner",)
STAFF = ("officer", "supervisor", "head")
EDITORS = ("officer", "supervisor")
READERS = ("officer", "supervisor", "head", "partner")
CASE_READERS = ("officer", "supervisor", "head", "regional")
# Users already enrolled in two-factor go back to their account page.
SUPERVISION = "/staf/klien/{x.client}#supervision"  # the supervision part of the client page
TOTP_SETUP = {"partner": OK, "officer": OK, "supervisor": OK,
              "head": to("/akun/"), "regional": to("/akun/"), "admin": to("/akun/")}

POLICY: dict[str, Rule] = {
    # ---------------------------------------------------------------- public
    "static": Rule(PUBLIC, "/static/css/portal.css"),
    "public.home": Rule(PUBLIC, "/"),
    "public.healthz": Rule(PUBLIC, "/healthz"),
    "public.about": Rule(PUBLIC, "/tentang-pokmas"),
    "public.how_to_join": Rule(PUBLIC, "/cara-bergabung"),
    "public.faq": Rule(PUBLIC, "/tanya-jawab"),
    "public.privacy": Rule(PUBLIC, "/privasi"),
    "public.accessibility": Rule(PUBLIC, "/aksesibilitas"),
    "public.directory": Rule(PUBLIC, "/bapas"),
    "public.figures": Rule(PUBLIC, "/angka-mitra"),
    "public.apply": Rule(PUBLIC, "/gabung"),
    "public.apply_sent": Rule(PUBLIC, "/gabung/terkirim"),
    "public.apply_confirm": Rule(PUBLIC, "/gabung/konfirmasi/no-such-token"),
    "public.apply_answer": Rule(PUBLIC, "/gabung/lengkapi/no-such-token"),
    "auth.login": Rule(PUBLIC, "/masuk"),
    "auth.second_factor": Rule(PUBLIC, "/masuk/kode"),
    "auth.forgot_password": Rule(PUBLIC, "/lupa-sandi"),
    "auth.set_password": Rule(PUBLIC, "/sandi/no-such-token"),
    "complaints.public_new": Rule(PUBLIC, "/pengaduan/baru"),
    "complaints.receipt": Rule(PUBLIC, "/pengaduan/tanda-terima"),
    "complaints.track": Rule(PUBLIC, "/pengaduan/lacak"),
    "complaints.case_public": Rule(PUBLIC, "/pengaduan/kasus"),
    "complaints.case_public_step": Rule(PUBLIC, "/pengaduan/kasus/keluar"),

    # ---------------------------------------------------------------- every signed-in user
    "auth.logout": Rule(ALL, "/keluar", to("/")),
    "account.index": Rule(ALL, "/akun/"),
    "account.language": Rule(ALL, "/akun/bahasa", to("/akun/")),
    "account.password": Rule(ALL, "/akun/sandi"),
    # issue 11 §7: everyone chooses how to be told (their own account only)
    "account.notice_channels": Rule(ALL, "/akun/pemberitahuan"),
    "account.totp_setup": Rule(ALL, "/akun/2fa", TOTP_SETUP),
    "account.totp_disable": Rule(ALL, "/akun/2fa/nonaktif", to("/akun/")),
    "notifications.index": Rule(ALL, "/notifikasi/"),
    "notifications.mark_read": Rule(ALL, "/notifikasi/dibaca", to("/notifikasi/")),
    # issue 11: the work home of each role, the page after sign-in
    "homes.index": Rule(ALL, "/beranda/"),
    # issue 11: the Kasi and the Kepala hand a client or a case to another PK (the form's page)
    "homes.reassign_client": Rule(VETTING, "/beranda/klien/{x.client}/alihkan", page("client")),
    "homes.reassign_case": Rule(VETTING, "/beranda/pengaduan/{x.complaint}/alihkan", page("case_client")),

    # ---------------------------------------------------------------- administrator
    "admin.users": Rule(ADMIN, "/admin/pengguna"),
    "admin.user_new": Rule(ADMIN, "/admin/pengguna/baru"),
    "admin.user_edit": Rule(ADMIN, "/admin/pengguna/{x.account}", page("account"), out=False),
    "admin.user_deactivate": Rule(ADMIN, "/admin/pengguna/{x.account}/nonaktifkan",
                                  to("/admin/pengguna/{x.account}"), out=False),
    "admin.user_reactivate": Rule(ADMIN, "/admin/pengguna/{x.account}/aktifkan",
                                  to("/admin/pengguna/{x.account}"), out=False),
    "admin.user_reinvite": Rule(ADMIN, "/admin/pengguna/{x.account}/undangan",
                                to("/admin/pengguna/{x.account}"), out=False),
    "admin.user_reset_totp": Rule(ADMIN, "/admin/pengguna/{x.account}/reset-2fa",
                                  to("/admin/pengguna/{x.account}"), out=False),
    "admin.audit_log": Rule(ADMIN, "/admin/audit"),
    "complaints.leave_days": Rule(ADMIN, "/admin/cuti-bersama"),
    "complaints.leave_day_delete": Rule(ADMIN, "/admin/cuti-bersama/{x.leave_day}/hapus",
                                        to("/admin/cuti-bersama"), out=False),

    # ---------------------------------------------------------------- partner vetting (Bapas)
    "vetting.queue": Rule(VETTING, "/staf/mitra/"),
    "vetting.detail": Rule(VETTING, "/staf/mitra/{x.org}", page("org")),
    "vetting.document": Rule(VETTING, "/staf/mitra/{x.org}/dokumen/{x.org_document}"),
    # an empty form: the page again with its errors
    "vetting.act": Rule(VETTING, "/staf/mitra/{x.org}/reject", 400),
    # the confirmation page of suspending an active partner (issue 10 point 1)
    "vetting.confirm": Rule(VETTING, "/staf/mitra/{x.org}/suspend/konfirmasi", page("org")),

    # ---------------------------------------------------------------- the partner's organisation
    "partner.dashboard": Rule(PARTNER, "/mitra/"),
    "partner.members": Rule(PARTNER, "/mitra/anggota"),
    "partner.member_active": Rule(PARTNER, "/mitra/anggota/{x.member}/aktifkan", to("/mitra/anggota")),
    "partner.profile": Rule(PARTNER, "/mitra/profil"),

    # ---------------------------------------------------------------- the client register (staff)
    "clients.index": Rule(STAFF, "/staf/klien/"),
    "clients.new": Rule(EDITORS, "/staf/klien/baru"),
    "clients.detail": Rule(STAFF, "/staf/klien/{x.client}", page("client")),
    "clients.edit": Rule(EDITORS, "/staf/klien/{x.client}/ubah", page("client")),
    "clients.status": Rule(STAFF, "/staf/klien/{x.client}/status", to("/staf/klien/{x.client}")),
    # the confirmation page of a status move; the head may not intensify (the table): back
    "clients.status_confirm": Rule(STAFF, "/staf/klien/{x.client}/status/intensify", {
        "officer": page("client"), "supervisor": page("client"), "head": to("/staf/klien/{x.client}")}),
    "clients.assign": Rule(EDITORS, "/staf/klien/{x.client}/penugasan", to("/staf/klien/{x.client}")),
    # withdrawing an active assignment is refused by the workflow: back to the client
    "clients.end_assignment": Rule(EDITORS, "/staf/klien/{x.client}/penugasan/{x.assignment}/tarik",
                                   to("/staf/klien/{x.client}")),
    "clients.check_in": Rule(EDITORS, "/staf/klien/{x.client}/wajib-lapor",
                             to("/staf/klien/{x.client}#checkins")),
    # an empty correction names no recorded month: nothing is saved, back to the check-ins
    "clients.check_in_correct": Rule(EDITORS, "/staf/klien/{x.client}/wajib-lapor/koreksi",
                                     to("/staf/klien/{x.client}#checkins")),
    "clients.alerts": Rule(STAFF, "/staf/klien/peringatan"),
    "clients.import_csv": Rule(VETTING, "/staf/klien/impor"),
    "clients.import_template": Rule(VETTING, "/staf/klien/impor/templat.csv"),

    # ---------------------------------------------------------------- partners' clients
    "partner_clients.index": Rule(PARTNER, "/mitra/klien/"),
    "partner_clients.detail": Rule(PARTNER, "/mitra/klien/{x.client}", page("client")),
    "partner_clients.observe": Rule(PARTNER, "/mitra/klien/{x.client}/pengamatan", page("client")),
    "partner_clients.observation": Rule(PARTNER, "/mitra/klien/pengamatan/{x.observation}",
                                        page("observation")),
    "partner_clients.correct": Rule(PARTNER, "/mitra/klien/pengamatan/{x.observation}/ubah",
                                    page("observation")),
    "partner_clients.assignments": Rule(PARTNER, "/mitra/klien/penugasan"),
    "partner_clients.decide": Rule(PARTNER, "/mitra/klien/penugasan/{x.pending_assignment}/tolak",
                                   to("/mitra/klien/penugasan")),

    # ---------------------------------------------------------------- observations (staff)
    "observations.inbox": Rule(STAFF, "/staf/pengamatan/"),
    "observations.detail": Rule(STAFF, "/staf/pengamatan/{x.observation}", page("observation")),
    "observations.attachment": Rule(STAFF, "/staf/pengamatan/{x.observation}/berkas/{x.observation_file}"),
    # an empty reply: nothing is saved, back to the observation
    "observations.answer": Rule(STAFF, "/staf/pengamatan/{x.observation}/tanggapi",
                                to("/staf/pengamatan/{x.observation}")),

    # ---------------------------------------------------------------- conversations (issue 11 §3)
    # an empty message: nothing is saved, the thread is shown again with the error
    "conversations.post": Rule(READERS, "/percakapan/pengamatan/{x.observation}", 400),
    "conversations.attachment": Rule(
        READERS, "/percakapan/pengamatan/{x.observation}/berkas/{x.message}/{x.message_file}"),

    # ---------------------------------------------------------------- home visits (issue 11 §4)
    "visits.index": Rule(STAFF, "/staf/kunjungan/"),
    "visits.plan": Rule(EDITORS, "/staf/kunjungan/rencana/{x.client}", page("client")),
    "visits.detail": Rule(STAFF, "/staf/kunjungan/{x.visit}", page("client")),
    # an empty record: nothing is saved, the visit is shown again with the errors
    "visits.record": Rule(EDITORS, "/staf/kunjungan/{x.visit}/batal", 400),
    # the Kasi or the Kepala sets the Bapas's visit rule (their own Bapas only)
    "visits.rule": Rule(VETTING, "/staf/kunjungan/aturan", out=False),

    # ---------------------------------------------------------------- jobs
    "jobs.browse": Rule(READERS, "/lowongan/"),
    "jobs.detail": Rule(READERS, "/lowongan/{x.posting}", page("posting")),
    "jobs.own": Rule(PARTNER, "/mitra/lowongan/"),
    "jobs.new": Rule(PARTNER, "/mitra/lowongan/baru"),
    "jobs.edit": Rule(PARTNER, "/mitra/lowongan/{x.draft}/ubah", page("posting")),
    # submitting a published posting is refused by the workflow: back to the posting
    "jobs.change": Rule(PARTNER, "/mitra/lowongan/{x.posting}/ajukan", to("/lowongan/{x.posting}")),
    "jobs.candidate": Rule(PARTNER, "/mitra/kandidat/{x.referral}"),
    "jobs.respond": Rule(PARTNER, "/mitra/kandidat/{x.referral}/mulai", to("/mitra/kandidat/{x.referral}")),
    "jobs.candidates_csv": Rule(PARTNER, "/mitra/kandidat.csv"),
    "jobs.staff_home": Rule(STAFF, "/staf/lowongan/"),
    "jobs.moderate": Rule(("supervisor",), "/staf/lowongan/{x.posting}/tolak", to("/lowongan/{x.posting}")),
    "jobs.refer": Rule(EDITORS, "/staf/klien/{x.client}/rujuk", page("client")),
    "jobs.referral": Rule(STAFF, "/staf/rujukan/{x.referral}", page("client")),
    # releasing the name before an interview is refused by the workflow: back to the referral
    "jobs.referral_action": Rule(EDITORS, "/staf/rujukan/{x.referral}/buka-identitas",
                                 to("/staf/rujukan/{x.referral}")),
    # the same refusal before the confirmation page of releasing the name
    "jobs.disclose_confirm": Rule(EDITORS, "/staf/rujukan/{x.referral}/buka-identitas/konfirmasi",
                                  to("/staf/rujukan/{x.referral}")),

    # ---------------------------------------------------------------- complaints
    "complaints.partner_new": Rule(PARTNER, "/mitra/klien/{x.client}/pengaduan", page("client")),
    "complaints.partner_list": Rule(PARTNER, "/mitra/pengaduan/"),
    "complaints.partner_case": Rule(PARTNER, "/mitra/pengaduan/{x.partner_complaint}"),
    # issue 10 §1: the withdrawal's confirmation page (the partner's complaint is submitted)
    "complaints.partner_withdraw": Rule(PARTNER, "/mitra/pengaduan/{x.partner_complaint}/tarik"),
    # without a case opened with the receipt, back to the tracking form
    "complaints.withdraw_public": Rule(PUBLIC, "/pengaduan/kasus/tarik", to("/pengaduan/lacak")),
    "complaints.queue": Rule(CASE_READERS, "/staf/pengaduan/"),
    "complaints.export": Rule(CASE_READERS, "/staf/pengaduan/ekspor.csv"),
    "complaints.staff_new": Rule(STAFF, "/staf/pengaduan/baru"),
    # triage of the partner's complaint (still submitted): the supervisor's own page
    "complaints.triage": Rule(("supervisor",), "/staf/pengaduan/{x.partner_complaint}/triase",
                              page("partner_complaint")),
    # the world's observation is a concern, not a suspected violation: back to it
    "complaints.open_from_observation": Rule(EDITORS, "/staf/pengaduan/dari-pengamatan/{x.observation}",
                                             to("/staf/pengamatan/{x.observation}")),
    # the world's client missed no check-in: back to the alerts page
    "complaints.open_from_alert": Rule(EDITORS, "/staf/pengaduan/dari-peringatan/{x.client}",
                                       to("/staf/klien/peringatan")),
    "complaints.case": Rule(CASE_READERS, "/staf/pengaduan/{x.complaint}", page("complaint")),
    "complaints.complainant": Rule(CASE_READERS, "/staf/pengaduan/{x.complaint}/pelapor",
                                   page("complainant")),
    # issue 10 §1: a decision's confirmation page; only the Kanwil forwards a proposal, the
    # Bapas's staff are sent back to the case with the reason
    "complaints.act": Rule(CASE_READERS, "/staf/pengaduan/{x.complaint}/langkah/forward",
                           {"regional": OK, "officer": to("/staf/pengaduan/{x.complaint}"),
                            "supervisor": to("/staf/pengaduan/{x.complaint}"),
                            "head": to("/staf/pengaduan/{x.complaint}")}),
    # issue 10 §2, §3: the forms arrive empty: nothing is saved, back to the case
    "complaints.summons_answer": Rule(STAFF, "/staf/pengaduan/{x.complaint}/panggilan/{x.sanction}",
                                      to("/staf/pengaduan/{x.complaint}")),
    "complaints.execution": Rule(STAFF, "/staf/pengaduan/{x.complaint}/eksekusi/surat",
                                 to("/staf/pengaduan/{x.complaint}")),
    # issue 10 §3 "after a period the Bapas sets": the head of the Bapas sets it
    "complaints.return_period": Rule(("head",), "/staf/pengaduan/pengaturan", out=False),
    # issue 11 §6: the Kasi and the Kepala set their own Bapas's reminder days
    "reminders.settings": Rule(VETTING, "/staf/pengaduan/pengingat", out=False),
    "complaints.note": Rule(STAFF, "/staf/pengaduan/{x.complaint}/catatan", to("/staf/pengaduan/{x.complaint}")),
    "complaints.assign": Rule(STAFF, "/staf/pengaduan/{x.complaint}/tugaskan",
                              to("/staf/pengaduan/{x.complaint}")),
    "complaints.flag": Rule(STAFF, "/staf/pengaduan/{x.complaint}/tandai", to("/staf/pengaduan/{x.complaint}")),
    # the BAP and hearing pages go back to the case while their step is not open (the
    # world's case is already proposed)
    "complaints.examination": Rule(("officer",), "/staf/pengaduan/{x.complaint}/bap",
                                   to("/staf/pengaduan/{x.complaint}")),
    "complaints.hearing": Rule(VETTING, "/staf/pengaduan/{x.complaint}/tpp", to("/staf/pengaduan/{x.complaint}")),
    # the BAP of the complainant (it names them)
    "complaints.document": Rule(CASE_READERS, "/staf/pengaduan/{x.complaint}/dokumen/{x.complainant_bap}"),
    "complaints.attachment": Rule(STAFF, "/staf/pengaduan/{x.complaint}/berkas/{x.complaint_file}"),
    "complaints.verify": Rule(PUBLIC, "/verifikasi"),  # the QR code of every letter leads here

    # ---------------------------------------------------------------- supervision (issue 11 §2, §5)
    "supervision.condition_new": Rule(EDITORS, "/staf/klien/{x.client}/syarat/baru", page("client")),
    "supervision.condition_edit": Rule(EDITORS, "/staf/klien/{x.client}/syarat/{x.condition}/ubah",
                                       page("client")),
    # ends the condition; back to the client page
    "supervision.condition_end": Rule(EDITORS, "/staf/klien/{x.client}/syarat/{x.condition}/akhiri",
                                      to(SUPERVISION)),
    "supervision.sheet_edit": Rule(EDITORS, "/staf/klien/{x.client}/penugasan/{x.assignment}/lembar",
                                   page("client")),
    "supervision.travel_new": Rule(EDITORS, "/staf/klien/{x.client}/bepergian/baru", page("client")),
    "supervision.travel_queue": Rule(STAFF, "/staf/bepergian/"),
    "supervision.travel_decide": Rule(STAFF, "/staf/bepergian/{x.travel}", page("client")),
    # the world's request was recorded by the partner: only they withdraw it; staff are sent
    # back to the request with the reason
    "supervision.travel_withdraw": Rule(EDITORS, "/staf/bepergian/{x.travel}/tarik",
                                        to("/staf/bepergian/{x.travel}")),
    "supervision_partner.travel_new": Rule(PARTNER, "/mitra/klien/{x.client}/bepergian", page("client")),
    "supervision_partner.travel_withdraw": Rule(PARTNER, "/mitra/klien/bepergian/{x.travel}/tarik",
                                                to("/mitra/klien/{x.client}#sheet")),
}

class _AnyObject:
    """A side of the world where no real object is needed: every placeholder becomes 1."""

    def __getattr__(self, name):
        return "1"


def sample_url(endpoint_or_path: str) -> str:
    """A row's URL (or a path) naming no real object, for answers given before a view loads
    one: the sign-in redirect, the two-factor enrolment redirect, a missing CSRF token."""
    path = POLICY[endpoint_or_path].path if endpoint_or_path in POLICY else endpoint_or_path
    return path.format(x=_AnyObject())


# Who walks: one user per role, plus the users a finer rule sets apart inside the scope.
ACTORS = {
    "partner": "partner",                       # organisation A, which supports the client
    "partner_other_org": "partner",             # another organisation of the same Bapas
    "officer": "officer",                       # assigned to the client and to the case
    "officer_unassigned": "officer",            # same Bapas, assigned to neither
    "supervisor": "supervisor",
    "head": "head",
    "regional": "regional",                     # Kanwil Jawa Barat
    "admin": "admin",
}

REFUSED = "refused"  # 403 or 404

# Where a finer rule refuses an allowed role on the in-scope object.
FINER: dict[tuple[str, str], object] = {
    # the complainant's identity: the assigned officer, supervisors and the head only
    ("officer_unassigned", "complaints.complainant"): REFUSED,
    ("officer_unassigned", "complaints.document"): REFUSED,
    ("regional", "complaints.complainant"): REFUSED,
    ("regional", "complaints.document"): REFUSED,
    # everything of organisation A is out of reach of another organisation
    # (a published posting open to its Bapas it may read: jobs.detail stays 200)
    ("partner_other_org", "partner.member_active"): REFUSED,
    ("partner_other_org", "partner_clients.detail"): REFUSED,
    ("partner_other_org", "partner_clients.observe"): REFUSED,
    ("partner_other_org", "partner_clients.observation"): REFUSED,
    ("partner_other_org", "partner_clients.correct"): REFUSED,
    ("partner_other_org", "partner_clients.decide"): REFUSED,
    ("partner_other_org", "jobs.edit"): REFUSED,
    ("partner_other_org", "jobs.change"): REFUSED,
    ("partner_other_org", "jobs.candidate"): REFUSED,
    ("partner_other_org", "jobs.respond"): REFUSED,
    ("partner_other_org", "complaints.partner_new"): REFUSED,
    ("partner_other_org", "complaints.partner_case"): REFUSED,
    ("partner_other_org", "complaints.partner_withdraw"): REFUSED,
    ("partner_other_org", "conversations.post"): REFUSED,
    ("partner_other_org", "conversations.attachment"): REFUSED,
    # issue 11: the thread and the home visits are the client's officer's (and the Kasi's)
    ("officer_unassigned", "conversations.post"): REFUSED,
    ("officer_unassigned", "visits.plan"): REFUSED,
    ("officer_unassigned", "visits.record"): REFUSED,
    # issue 11 §2, §5: conditions, sheets and travel decisions by the client's officer or the
    # Kasi; another officer of the Bapas is sent back to the client page with the reason
    ("officer_unassigned", "supervision.condition_new"): to(SUPERVISION),
    ("officer_unassigned", "supervision.condition_edit"): to(SUPERVISION),
    ("officer_unassigned", "supervision.sheet_edit"): to(SUPERVISION),
    ("officer_unassigned", "supervision.travel_new"): to(SUPERVISION),
    ("partner_other_org", "supervision_partner.travel_new"): REFUSED,
    ("partner_other_org", "supervision_partner.travel_withdraw"): REFUSED,
}

# Objects inside the actor's Bapas or province that a finer rule still keeps from it: refused.
FINER_OBJECTS: list[tuple[str, str, str]] = [
    # a partner sees a client only through an active assignment, not a proposal
    ("partner", "partner_clients.detail", "/mitra/klien/{x.pending_client}"),
    ("partner", "complaints.partner_new", "/mitra/klien/{x.pending_client}/pengaduan"),
    ("partner", "supervision_partner.travel_new", "/mitra/klien/{x.pending_client}/bepergian"),
    # the Kanwil sees forwarded recommendations only, not a case still at the Bapas
    ("regional", "complaints.case", "/staf/pengaduan/{x.partner_complaint}"),
    ("regional", "complaints.complainant", "/staf/pengaduan/{x.partner_complaint}/pelapor"),
    ("regional", "complaints.act", "/staf/pengaduan/{x.partner_complaint}/langkah/forward"),
    # an internal note of the thread, and its file, never reach the partner (issue 11 §3)
    ("partner", "conversations.attachment",
     "/percakapan/pengamatan/{x.observation}/berkas/{x.note}/{x.note_file}"),
]

# Identifying text of side A that an actor must never get, on any page (world text keys).
# Nobody gets any text of side B, and a refusal shows no text of either side.
NEVER_SEES: dict[str, tuple[str, ...]] = {
    "partner": ("client_nik", "client_decree", "case_client", "complaint", "complainant",
                "internal_note"),
    "partner_other_org": ("client", "client_nik", "client_decree", "case_client", "observation",
                          "partner_complaint", "complaint", "complainant", "internal_note"),
    "officer": (),
    "officer_unassigned": ("complainant",),
    "supervisor": (),
    "head": (),
    "regional": ("client", "client_nik", "client_decree", "observation", "partner_complaint", "posting",
                 "complainant", "internal_note"),
    "admin": ("client", "client_nik", "client_decree", "case_client", "observation",
              "partner_complaint", "complaint", "complainant", "internal_note"),
}
