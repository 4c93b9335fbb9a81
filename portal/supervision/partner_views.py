"""Partner pages of supervision: record a client's travel request, withdraw it."""
from __future__ import annotations

import uuid

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..boundary import return_to
from ..clients.queries import get_assignment_for_partner_or_404
from ..security import roles_required
from . import partner_bp as bp
from . import queries, services
from .forms import TravelForm


@bp.route("/<public_id>/bepergian", methods=["GET", "POST"])
@roles_required("partner")
def travel_new(public_id: str):
    """Record a client's request to travel outside the area; the PK decides."""
    assignment = get_assignment_for_partner_or_404(current_user, public_id)
    back = url_for("partner_clients.detail", public_id=public_id)
    form = TravelForm()
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
    if form.validate_on_submit():
        services.record_travel(current_user, assignment.client, form.data, assignment=assignment)
        flash(_("Thank you. The probation officer decides on the request; you see the answer "
                "on the client's page."), "success")
        return redirect(back + "#sheet")
    return render_template("supervision/travel_form.html", form=form, client=assignment.client,
                           cancel=back)


@bp.route("/bepergian/<public_id>/tarik", methods=["POST"])
@roles_required("partner")
def travel_withdraw(public_id: str):
    """The partner who recorded the request withdraws it before the decision."""
    notice = queries.get_travel_for_partner_or_404(current_user, public_id)
    back = return_to(url_for("partner_clients.detail", public_id=notice.client.public_id) + "#sheet")
    services.withdraw_travel(current_user, notice)
    flash(_("The travel request was withdrawn."), "success")
    return redirect(back)
