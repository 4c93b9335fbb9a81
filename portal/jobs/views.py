"""Browsing published opportunities (officers and partners)."""
from __future__ import annotations

from flask import render_template, request
from flask_login import current_user

from ..pagination import paginate
from ..security import JOB_READERS as READERS
from ..security import roles_required
from . import bp, queries, services
from .forms import BrowseForm


@bp.route("/lowongan/")
@roles_required(*READERS)
def browse():
    """Published opportunities open to my Bapas."""
    form = BrowseForm(request.args)
    form.validate()
    region_id = int(form.region.data) if (form.region.data or "").isdigit() else None
    stmt = queries.published_query(current_user, form.kind.data, form.sector.data, region_id,
                                   form.city.data, bool(form.soon.data))
    return render_template("jobs/browse.html", form=form, page=paginate(stmt))


@bp.route("/lowongan/<public_id>")
@roles_required(*READERS)
def detail(public_id: str):
    """One opportunity; its partner also sees the candidates (pseudonymous)."""
    opportunity = queries.get_visible_or_404(current_user, public_id)
    own = current_user.role == "partner" and opportunity.partner_org_id == current_user.partner_org_id
    candidates = []
    if own:
        candidates = [(r, services.candidate_view(r))
                      for r in queries.referrals_for_partner(current_user, opportunity)]
    from ..conversations.queries import unread_counts
    return render_template("jobs/detail.html", opportunity=opportunity, own=own,
                           candidates=candidates, taken=services.places_taken(opportunity),
                           unread=unread_counts(current_user, "referral", [r.id for r, _ in candidates]))
