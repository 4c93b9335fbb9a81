"""Account pages: overview, language, how to be told, password change, two-factor set-up
and removal."""
from __future__ import annotations

import pyotp
import segno
from flask import flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from .. import audit, gateway, notices
from ..auth import services
from ..auth.forms import ChangePasswordForm, DisableTotpForm, EnrolTotpForm
from ..auth.passwords import verify_password
from ..security import TOTP_REQUIRED_ROLES, signed_in
from . import bp
from .forms import LanguageForm, NoticesForm


@bp.route("/")
@signed_in
def index():
    """Who I am, my office, my security settings."""
    form = LanguageForm(locale=current_user.locale or "id")
    return render_template("account/index.html", form=form,
                           totp_required=current_user.role in TOTP_REQUIRED_ROLES)


@bp.route("/bahasa", methods=["POST"])
@signed_in
def language():
    """Save the preferred language (pages and email)."""
    form = LanguageForm()
    if form.validate_on_submit():
        current_user.locale = form.locale.data
        session["lang"] = form.locale.data
        audit.record(current_user, "user.locale_changed", current_user, locale=form.locale.data)
        flash(_("Language saved."), "success")
    return redirect(url_for("account.index"))


@bp.route("/pemberitahuan", methods=["GET", "POST"])
@signed_in
def notice_channels():
    """Choose how to be told of news: email, SMS, WhatsApp (the last two with a gateway)."""
    user = current_user._get_current_object()
    form = NoticesForm(email=user.notify_email, sms=user.notify_sms,
                       whatsapp=user.notify_whatsapp, phone=user.phone or "")
    if not gateway.configured():
        del form.sms, form.whatsapp
    if form.validate_on_submit():
        texts = gateway.configured()
        notices.set_channels(user, user, email=form.email.data,
                             sms=texts and form.sms.data, whatsapp=texts and form.whatsapp.data,
                             phone=form.phone.data)
        flash(_("Saved."), "success")
        return redirect(url_for("account.index"))
    return render_template("account/notices.html", form=form, texts=gateway.configured())


@bp.route("/sandi", methods=["GET", "POST"])
@signed_in
def password():
    """Change the password; every other session ends."""
    user = current_user._get_current_object()
    form = ChangePasswordForm()
    form.owner_email, form.owner_name = user.email, user.name
    if form.validate_on_submit():
        if not verify_password(user.password_hash, form.current.data):
            form.current.errors.append(_("The current password is wrong."))
        else:
            services.set_password(user, user, form.password.data, how="change")
            services.start_session(user, method="password_change")
            from .. import mail
            mail.queue(user.email, "password_changed", user.locale, user=user)
            flash(_("Your password is changed. Other sessions have been signed out."), "success")
            return redirect(url_for("account.index"))
    return render_template("account/password.html", form=form)


@bp.route("/2fa", methods=["GET", "POST"])
@signed_in
def totp_setup():
    """Enrol an authenticator app: scan the QR code, confirm with a first code."""
    user = current_user._get_current_object()
    if user.totp_enabled:
        return redirect(url_for("account.index"))
    secret = session.get("_totp_pending")
    if not secret:
        secret = session["_totp_pending"] = pyotp.random_base32()
    form = EnrolTotpForm()
    if form.validate_on_submit():
        if services.verify_totp(user, form.code.data, secret=secret):
            services.enable_totp(user, secret)
            session.pop("_totp_pending", None)
            flash(_("Two-factor authentication is on."), "success")
            return redirect(url_for("account.index"))
        form.code.errors.append(_("That code is not valid. Check the time on your phone and try again."))
    uri = services.totp_uri(user, secret)
    qr_svg = Markup(segno.make(uri, error="m").svg_inline(
        scale=5, light="#fff", title=_("QR code for your authenticator app")))
    return render_template("account/totp_setup.html", form=form, qr_svg=qr_svg, secret=secret)


@bp.route("/2fa/nonaktif", methods=["POST"])
@signed_in
def totp_disable():
    """Turn two-factor off (not allowed for roles that require it)."""
    user = current_user._get_current_object()
    if user.role in TOTP_REQUIRED_ROLES or not user.totp_enabled:
        flash(_("Two-factor authentication cannot be turned off for your role."), "danger")
        return redirect(url_for("account.index"))
    form = DisableTotpForm()
    if form.validate_on_submit() and verify_password(user.password_hash, form.password.data) \
            and services.verify_totp(user, form.code.data):
        services.disable_totp(user, user)
        services.start_session(user, method="2fa_change")
        flash(_("Two-factor authentication is off."), "success")
    else:
        flash(_("Password or code is wrong; two-factor authentication stays on."), "danger")
    return redirect(url_for("account.index"))
