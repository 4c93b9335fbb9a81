"""Bapas side: the vetting queue, an application's page and its actions."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import audit, uploads
from ..boundary import return_to
from ..pagination import paginate
from ..security import LEADS as STAFF
from ..security import roles_required
from . import queries, services
from . import vetting_bp as bp
from .forms import ChecklistForm, ConfirmForm, PksForm, QueueFilterForm, ReasonForm, RequestInfoForm
from .workflow import PARTNER_WORKFLOW, STATUS_LABELS


@bp.route("/")
@roles_required(*STAFF)
def queue():
    """Applications and partners of this Bapas, oldest first."""
    form = QueueFilterForm(request.args)
    form.status.choices = [("", _("All statuses"))] + [
        (s, STATUS_LABELS[s]) for s in PARTNER_WORKFLOW.states if s != "unconfirmed"]
    form.validate()
    age = int(form.age.data) if (form.age.data or "").isdigit() else None
    stmt = queries.vetting_queue(current_user, form.status.data, form.kind.data, age)
    return render_template("partners/queue.html", form=form, page=paginate(stmt),
                           counts=queries.status_counts(current_user))


def _forms(org):
    version = {"version": org.version}
    return {
        "checklist": ChecklistForm(prefix="checklist", data={
            **version, "documents_verified": org.documents_verified_at is not None,
            "visit_on": org.visit_on, "visit_notes": org.visit_notes}),
        "request_info": RequestInfoForm(prefix="info", data=version),
        "reject": ReasonForm(prefix="reject", data=version),
        "approve_vetting": ConfirmForm(prefix="approve", data=version),
        "record_pks": PksForm(prefix="pks", data=version),
        "renew_pks": PksForm(prefix="renew", data=version),
        "suspend": ReasonForm(prefix="suspend", data=version),
        "reinstate": ConfirmForm(prefix="reinstate", data=version),
        "end": ReasonForm(prefix="end", data=version),
    }


def _render(org, forms, status=200):
    allowed = {t.action for t in PARTNER_WORKFLOW.allowed(org.status, current_user.role,
                                                           current_user, org)}
    documents = uploads.attachments_of(org)
    return render_template("partners/detail.html", org=org, forms=forms, allowed=allowed,
                           documents=documents), status


@bp.route("/<public_id>")
@roles_required(*STAFF)
def detail(public_id: str):
    """The application: data, documents, checklist, timeline, the allowed actions."""
    org = queries.get_org_for_staff_or_404(current_user, public_id)
    audit.record(current_user, "partner.viewed", org)
    return _render(org, _forms(org))


@bp.route("/<public_id>/dokumen/<int:attachment_id>")
@roles_required(*STAFF)
def document(public_id: str, attachment_id: int):
    """Download a document (never shown inline); every download is audited."""
    org = queries.get_org_for_staff_or_404(current_user, public_id)
    attachment = queries.get_org_attachment_or_404(org, attachment_id)
    audit.record(current_user, "partner.document_downloaded", org, attachment_id=attachment.id)
    return uploads.send(attachment)


ACTIONS = {
    # action: (form prefix, form class, service call)
    "checklist": ("checklist", ChecklistForm, lambda org, f: services.update_checklist(
        current_user, org, f.documents_verified.data, f.visit_on.data, f.visit_notes.data)),
    "request_info": ("info", RequestInfoForm,
                     lambda org, f: services.request_info(current_user, org, f.message.data)),
    "reject": ("reject", ReasonForm, lambda org, f: services.reject(current_user, org, f.reason.data)),
    "approve_vetting": ("approve", ConfirmForm,
                        lambda org, f: services.approve_vetting(current_user, org)),
    "record_pks": ("pks", PksForm, lambda org, f: services.record_pks(
        current_user, org, f.pks_number.data, f.pks_signed_on.data, f.pks_valid_until.data,
        f.scan.checked)),
    "renew_pks": ("renew", PksForm, lambda org, f: services.renew_pks(
        current_user, org, f.pks_number.data, f.pks_signed_on.data, f.pks_valid_until.data,
        f.scan.checked)),
    "suspend": ("suspend", ReasonForm, lambda org, f: services.suspend(current_user, org, f.reason.data)),
    "reinstate": ("reinstate", ConfirmForm, lambda org, f: services.reinstate(current_user, org)),
    "end": ("end", ReasonForm, lambda org, f: services.end_partnership(current_user, org, f.reason.data)),
}

@bp.route("/<public_id>/<any(checklist, request_info, reject, approve_vetting, record_pks, "
          "renew_pks, suspend, reinstate, end):action>", methods=["POST"])
@roles_required(*STAFF)
def act(public_id: str, action: str):
    """Carry out one workflow action; the table decides whether it is allowed."""
    org = queries.get_org_for_staff_or_404(current_user, public_id)
    prefix, form_class, call = ACTIONS[action]
    form = form_class(prefix=prefix)
    forms = _forms(org)
    forms["request_info" if action == "request_info" else action] = form
    if not form.validate_on_submit():
        flash(_("The action was not carried out. Correct the form below."), "danger")
        return _render(org, forms, 400)
    back = return_to(url_for("vetting.detail", public_id=org.public_id))
    services.check_version(org, form.version.data)
    call(org, form)
    flash(_("Saved."), "success")
    return redirect(back)


CONFIRMED = {  # decisions with a confirmation page (issue 10 point 1): title, button
    "suspend": (_l("Suspend the partner"), _l("Suspend")),
    "end": (_l("End the partnership"), _l("End the partnership")),
}


@bp.route("/<public_id>/<any(suspend, end):action>/konfirmasi")
@roles_required(*STAFF)
def confirm(public_id: str, action: str):
    """What suspending or ending the partnership means, and the grounds for it; the form
    posts to the action, which refuses it without grounds."""
    org = queries.get_org_for_staff_or_404(current_user, public_id)
    return_to(url_for("vetting.detail", public_id=org.public_id))
    PARTNER_WORKFLOW.check(action, org.status, current_user.role, {"reason": "given below"},
                           actor=current_user, subject=org)
    title, button = CONFIRMED[action]
    lines = [_("Every member of %(org)s loses access to the portal at once.", org=org.name),
             _("Every assignment of a client to %(org)s ends at once; the partner no longer "
               "sees those clients.", org=org.name),
             _("The organisation's admins are told by email, with the reason.")]
    if action == "end":
        lines.insert(0, _("The cooperation agreement (PKS %(number)s) ends now, before its end "
                          "date; only a renewed PKS makes %(org)s a partner again.",
                          number=org.pks_number or "—", org=org.name))
    confirm = {
        "title": title, "danger": True, "lines": lines, "to_whom": org.name,
        "action": url_for("vetting.act", public_id=org.public_id, action=action),
        "back": url_for("vetting.detail", public_id=org.public_id), "button": button}
    return render_template("confirm.html", confirm=confirm,
                           form=ReasonForm(prefix=action, data={"version": org.version}))
