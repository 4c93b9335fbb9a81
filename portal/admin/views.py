"""Admin pages: list, create and edit accounts; browse the audit log."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth import services as auth_services
from ..boundary import return_to
from ..pagination import paginate
from ..security import roles_required
from . import audit_view, bp, queries, services
from .forms import AuditFilterForm, UserFilterForm, UserForm


@bp.route("/pengguna")
@roles_required("admin")
def users():
    """All accounts, filterable, newest first."""
    form = UserFilterForm(request.args)
    form.validate()
    stmt = queries.users_query(current_user, form.q.data, form.role.data, form.status.data)
    return render_template("admin/users.html", form=form, page=paginate(stmt))


@bp.route("/pengguna/baru", methods=["GET", "POST"])
@roles_required("admin")
def user_new():
    """Create a staff account; the person gets an invitation email."""
    form = UserForm()
    if form.validate_on_submit():
        try:
            user = services.create_user(current_user, form.data)
        except services.DuplicateEmail:
            form.email.errors.append(_("Another account already uses this email."))
        else:
            flash(_("Account created. An invitation was emailed to %(email)s.", email=user.email),
                  "success")
            return redirect(url_for("admin.user_edit", user_id=user.id))
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/pengguna/<int:user_id>", methods=["GET", "POST"])
@roles_required("admin")
def user_edit(user_id: int):
    """Edit an account's name, email, role, office or region."""
    user = queries.get_user_or_404(current_user, user_id)
    form = UserForm(obj=user)
    if request.method == "GET":
        form.office_id.data = str(user.office_id or "")
        form.region_id.data = str(user.region_id or "")
    if user.role == "partner":
        form.role.choices = [("partner", _("Partner"))]
    if form.validate_on_submit():
        try:
            changes = services.update_user(current_user, user, form.data)
        except services.DuplicateEmail:
            form.email.errors.append(_("Another account already uses this email."))
        except services.SelfEdit:
            form.role.errors.append(_("You cannot change your own role, office or region; ask another administrator."))
        else:
            flash(_("Changes saved.") if changes else _("Nothing changed."), "success")
            return redirect(url_for("admin.user_edit", user_id=user.id))
    return render_template("admin/user_form.html", form=form, user=user)


@bp.route("/pengguna/<int:user_id>/nonaktifkan", methods=["POST"])
@roles_required("admin")
def user_deactivate(user_id: int):
    """Deactivate: the account's sessions end at once."""
    user = queries.get_user_or_404(current_user, user_id)
    back = return_to(url_for("admin.user_edit", user_id=user.id))
    services.set_active(current_user, user, False)
    flash(_("Account deactivated."), "success")
    return redirect(back)


@bp.route("/pengguna/<int:user_id>/aktifkan", methods=["POST"])
@roles_required("admin")
def user_reactivate(user_id: int):
    """Reactivate a deactivated account."""
    user = queries.get_user_or_404(current_user, user_id)
    services.set_active(current_user, user, True)
    flash(_("Account reactivated."), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/pengguna/<int:user_id>/undangan", methods=["POST"])
@roles_required("admin")
def user_reinvite(user_id: int):
    """Send a new invitation link (earlier links stop working)."""
    user = queries.get_user_or_404(current_user, user_id)
    auth_services.send_invitation(current_user, user)
    flash(_("A new invitation was emailed."), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/pengguna/<int:user_id>/reset-2fa", methods=["POST"])
@roles_required("admin")
def user_reset_totp(user_id: int):
    """Remove a user's authenticator (lost phone); they enrol again at next sign-in."""
    user = queries.get_user_or_404(current_user, user_id)
    if user.totp_enabled:
        auth_services.disable_totp(current_user, user)
        flash(_("Two-factor authentication was reset."), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/audit")
@roles_required("admin")
def audit_log():
    """The audit log, filterable, newest first."""
    form = AuditFilterForm(request.args)
    form.validate()
    stmt = queries.audit_query(current_user, form.action.data, form.actor.data,
                               form.object_type.data, form.date_from.data, form.date_to.data)
    page = paginate(stmt, scalars=False)
    references = audit_view.object_references(event for event, _email, _hidden in page.items)
    return render_template("admin/audit.html", form=form, page=page, references=references,
                           describe_object=audit_view.describe_object,
                           describe_details=audit_view.describe_details)
