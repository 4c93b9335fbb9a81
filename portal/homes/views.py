"""The work home of each role, and the pages that hand a client or a case to another PK."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..boundary import return_to
from ..clients.queries import get_client_for_staff_or_404
from ..complaints.queries import get_case_or_404, officers_of
from ..security import LEADS, roles_required, signed_in
from . import bp, services
from .figures import office_figures
from .forms import ReassignForm
from .sections import Home, load_all
from .workload import columns, workload


@bp.route("/")
@signed_in
def index():
    """The lists of the user's daily work; each count opens the filtered list."""
    home = Home(current_user)
    leads = current_user.role in LEADS
    return render_template(
        "homes/index.html", lists=load_all(current_user, home),
        workload=workload(current_user, home) if leads else None, columns=columns() if leads else [],
        figures=office_figures(current_user, home.day) if current_user.role == "head" else None,
        home=home)


def _form(current_id: int | None, version: int) -> ReassignForm:
    form = ReassignForm(version=version) if request.method == "GET" else ReassignForm()
    form.officer.choices = [("", _("— choose —"))] + [
        (str(u.id), u.name) for u in officers_of(current_user) if u.id != current_id]
    return form


@bp.route("/klien/<public_id>/alihkan", methods=["GET", "POST"])
@roles_required(*LEADS)
def reassign_client(public_id: str):
    """Hand a client to another PK of the Bapas, with a reason (the form on its own page)."""
    client = get_client_for_staff_or_404(current_user, public_id)
    return_to(url_for("homes.reassign_client", public_id=client.public_id))
    form = _form(client.officer_id, client.version)
    if not form.validate_on_submit():
        return render_template("homes/reassign.html", form=form, record=client, kind="client",
                               current=client.officer), 400 if request.method == "POST" else 200
    new = services.reassign_client(current_user, client, form.officer.data, form.reason.data,
                                   form.version.data)
    flash(_("%(name)s is now the officer of this client; both officers were told.", name=new.name), "success")
    return redirect(url_for("clients.detail", public_id=client.public_id))


@bp.route("/pengaduan/<reference>/alihkan", methods=["GET", "POST"])
@roles_required(*LEADS)
def reassign_case(reference: str):
    """Hand a revocation case to another PK of the Bapas, with a reason."""
    complaint = get_case_or_404(current_user, reference)
    return_to(url_for("homes.reassign_case", reference=complaint.reference))
    form = _form(complaint.assigned_officer_id, complaint.version)
    if not form.validate_on_submit():
        return render_template("homes/reassign.html", form=form, record=complaint, kind="case",
                               current=complaint.assigned_officer), 400 if request.method == "POST" else 200
    new = services.reassign_case(current_user, complaint, form.officer.data, form.reason.data,
                                 form.version.data)
    flash(_("%(name)s now handles this case; both officers were told.", name=new.name), "success")
    return redirect(url_for("complaints.case", reference=complaint.reference))
