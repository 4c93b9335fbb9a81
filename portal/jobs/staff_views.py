"""Bapas side of jobs: moderation, figures, referring a client, following a referral."""
from __future__ import annotations

import uuid

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import audit
from ..boundary import return_to
from ..clients import queries as client_queries
from ..extensions import db
from ..forms import error_summary
from ..pagination import paginate
from ..security import BAPAS_STAFF as STAFF
from ..security import EDITORS as OFFICERS
from ..security import roles_required
from ..workflow import Refused
from . import bp, queries, services
from .forms import DisclosureForm, ModerationForm, ReferralForm
from .models import Referral

MODERATION = {"terbitkan": "publish", "minta-perbaikan": "request_changes", "tolak": "reject",
              "tutup": "close"}


@bp.route("/staf/lowongan/")
@roles_required(*STAFF)
def staff_home():
    """Figures, postings waiting for moderation, and the Bapas's referrals."""
    from ..conversations.queries import unread_counts
    referrals = paginate(queries.referrals_for_staff(current_user))
    return render_template("jobs/staff.html", figures=queries.staff_figures(current_user),
                           pending=queries.moderation_queue(current_user), referrals=referrals,
                           unread=unread_counts(current_user, "referral", [r.id for r in referrals.items]),
                           form=ModerationForm())


@bp.route("/staf/lowongan/<public_id>/<any(terbitkan, 'minta-perbaikan', tolak, tutup):decision>",
          methods=["POST"])
@roles_required("supervisor")
def moderate(public_id: str, decision: str):
    """Publish, ask for changes, reject (with a note), or close."""
    opportunity = queries.get_visible_or_404(current_user, public_id)
    back = return_to(url_for("jobs.detail", public_id=public_id))
    form = ModerationForm()
    if not form.validate_on_submit():
        raise Refused(_l("Nothing was saved: %(errors)s", errors=error_summary(form)), "form")
    services.check_version(opportunity, form.version.data)
    services.move_posting(current_user, opportunity, MODERATION[decision], note=form.note.data)
    flash(_("Saved."), "success")
    return redirect(back)


@bp.route("/staf/klien/<public_id>/rujuk", methods=["GET", "POST"])
@roles_required(*OFFICERS)
def refer(public_id: str):
    """Refer a client: pick an opportunity, record the consent, write the summary."""
    client = client_queries.get_client_for_staff_or_404(current_user, public_id)
    options = [(o, services.eligible(o, client))
               for o in db.session.scalars(queries.published_query(current_user).limit(200))]
    form = ReferralForm()
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
        form.opportunity.data = request.args.get("lowongan", "")
    existing = services.find_by_submission_key(Referral, form.submission_key.data) \
        if request.method == "POST" else None
    if existing is not None and existing.client_id == client.id:
        return redirect(url_for("jobs.referral", code=existing.code))
    chosen = next((o for o, ok in options if o.public_id == form.opportunity.data and ok), None)
    if request.method == "POST" and chosen is None:
        form.opportunity.errors = [_("Choose an opportunity the client is eligible for.")]
    elif chosen is not None and form.validate_on_submit():
        referral = services.refer(current_user, client, chosen, form.data)
        flash(_("Referral sent. The partner sees the code %(code)s and your summary.", code=referral.code),
              "success")
        return redirect(url_for("jobs.referral", code=referral.code))
    return render_template("jobs/refer.html", client=client, options=options, form=form,
                           chosen=chosen)


@bp.route("/staf/rujukan/<code>")
@roles_required(*STAFF)
def referral(code: str):
    """A referral as the Bapas sees it: the client, the consent, every step."""
    item = queries.get_referral_for_staff_or_404(current_user, code)
    audit.record(current_user, "referral.viewed", item, office_id=item.office_id)
    from ..conversations.forms import thread_context
    return render_template("jobs/referral.html", referral=item,
                           **thread_context(current_user, item, "referral"))


def _disclose_page(item, form, status: int = 200):
    """The confirmation page of releasing the client's name (issue 10 point 1)."""
    org = item.opportunity.partner_org
    confirm = {
        "title": _("Release the client’s name to the partner"), "danger": True,
        "lines": [_("%(org)s learns the client’s full name for the opportunity “%(title)s” "
                    "(referral %(code)s); until now they saw only the code.", org=org.name,
                    title=item.opportunity.title, code=item.code),
                  _("The partner never learns the offence. A released name cannot be taken back.")],
        "to_whom": _("%(name)s, register number %(number)s", name=item.client.full_name,
                     number=item.client.register_number),
        "action": url_for("jobs.referral_action", code=item.code, action="buka-identitas"),
        "back": url_for("jobs.referral", code=item.code), "button": _("Release the name")}
    return render_template("confirm.html", confirm=confirm, form=form), status


@bp.route("/staf/rujukan/<code>/buka-identitas/konfirmasi")
@roles_required(*OFFICERS)
def disclose_confirm(code: str):
    """What releasing the name means, and the grounds for it."""
    item = queries.get_referral_for_staff_or_404(current_user, code)
    return_to(url_for("jobs.referral", code=code))
    services.check_officer_action(current_user, item, "disclose")
    return _disclose_page(item, DisclosureForm())


@bp.route("/staf/rujukan/<code>/<any(tarik, 'buka-identitas'):action>", methods=["POST"])
@roles_required(*OFFICERS)
def referral_action(code: str, action: str):
    """Withdraw the referral, or release the client's name to the partner (with grounds)."""
    item = queries.get_referral_for_staff_or_404(current_user, code)
    back = return_to(url_for("jobs.referral", code=code))
    if action == "tarik":
        services.officer_action(current_user, item, "withdraw")
        flash(_("Saved."), "success")
        return redirect(back)
    services.check_officer_action(current_user, item, "disclose")
    if item.disclosed:
        flash(_("The name was already released; nothing was changed a second time."), "info")
        return redirect(back)
    form = DisclosureForm()
    if not form.validate_on_submit():
        return _disclose_page(item, form, 400)
    services.officer_action(current_user, item, "disclose", grounds=form.grounds.data)
    flash(_("The client’s name was released to the partner."), "success")
    return redirect(back)
