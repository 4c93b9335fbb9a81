"""Partner side: dashboard, members (organisation admin), public profile."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..boundary import return_to
from ..db import today
from ..security import roles_required
from . import partner_bp as bp
from . import queries, services
from .forms import MemberForm, ProfileForm


def _require_org_admin():
    if not current_user.org_admin:
        abort(403)


@bp.route("/")
@roles_required("partner")
def dashboard():
    """The organisation at a glance, and what comes next."""
    org = queries.own_org(current_user)
    days_left = (org.pks_valid_until - today()).days if org.pks_valid_until else None
    members = queries.members_of(current_user, org)
    from ..clients import queries as client_queries
    from ..pagination import paginate
    clients = paginate(client_queries.partner_assignments_query(current_user), page=1, per_page=5)
    pending = client_queries.pending_assignments(current_user)
    return render_template("partners/dashboard.html", org=org, days_left=days_left,
                           member_count=sum(1 for m in members if m.active), clients=clients,
                           pending=pending)


@bp.route("/anggota", methods=["GET", "POST"])
@roles_required("partner")
def members():
    """Members of the organisation; the organisation admin invites new ones."""
    org = queries.own_org(current_user)
    form = MemberForm()
    if form.validate_on_submit():
        _require_org_admin()
        try:
            member = services.invite_member(current_user, org, form.name.data, form.email.data)
        except services.DuplicateMember:
            form.email.errors.append(_("Another account already uses this email."))
        else:
            flash(_("Invitation sent to %(email)s.", email=member.email), "success")
            return redirect(url_for("partner.members"))
    return render_template("partners/members.html", org=org, form=form,
                           members=queries.members_of(current_user, org))


@bp.route("/anggota/<int:member_id>/<any(nonaktifkan, aktifkan):change>", methods=["POST"])
@roles_required("partner")
def member_active(member_id: int, change: str):
    """The organisation admin deactivates or reactivates a member."""
    _require_org_admin()
    org = queries.own_org(current_user)
    member = queries.get_member_or_404(current_user, member_id)
    back = return_to(url_for("partner.members"))
    services.set_member_active(current_user, org, member, change == "aktifkan")
    flash(_("Member reactivated.") if change == "aktifkan" else _("Member deactivated."), "success")
    return redirect(back)


@bp.route("/profil", methods=["GET", "POST"])
@roles_required("partner")
def profile():
    """The public profile (organisation admin edits, members read)."""
    org = queries.own_org(current_user)
    form = ProfileForm(obj=org)
    if form.validate_on_submit():
        _require_org_admin()
        services.update_profile(current_user, org, form.public_description.data,
                                form.website.data, form.listed_publicly.data)
        flash(_("Profile saved."), "success")
        return redirect(url_for("partner.profile"))
    return render_template("partners/profile.html", org=org, form=form)
