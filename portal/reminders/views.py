"""The reminder-days page of a Bapas (the Kasi and the Kepala set it)."""
from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..security import LEADS, roles_required
from . import bp, queries, services
from .forms import ReminderDaysForm


@bp.route("/staf/pengaduan/pengingat", methods=["GET", "POST"])
@roles_required(*LEADS)
def settings() -> Any:
    """Set on which working days of the 20-day clock the case's staff are reminded."""
    office = queries.own_office_or_404(current_user)
    form = ReminderDaysForm(days=", ".join(str(d) for d in services.office_days(office)))
    if form.validate_on_submit():
        services.set_reminder_days(current_user, office, form.days.data)
        flash(_("Saved."), "success")
        return redirect(url_for("reminders.settings"))
    return render_template("reminders/settings.html", form=form, office=office)
