"""Thin views for signing in and out and for password links."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import limiter
from ..security import public, safe_next, signed_in
from . import bp, services
from .forms import ForgotPasswordForm, LoginForm, SetPasswordForm, TotpForm


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _landing(user) -> str:
    """Where a user starts after signing in: the work home of their role (issue 11)."""
    return url_for("homes.index")


@bp.route("/masuk", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def login():
    """Email and password; then the TOTP step or enrolment where the role needs it."""
    if current_user.is_authenticated:
        return redirect(_landing(current_user))
    form = LoginForm(next=request.args.get("next"))
    if form.validate_on_submit():
        try:
            user = services.check_credentials(form.email.data, form.password.data)
        except services.AuthError as exc:
            if exc.reason == "partner_inactive":
                form.form_errors.append(_("Your organisation is not an active partner at the "
                                          "moment, so its accounts cannot sign in. Contact your Bapas."))
            elif exc.reason == "locked":
                form.form_errors.append(_("Too many failed attempts. Sign-in to this account is "
                                          "paused for a while; try again later or reset your password."))
            else:
                form.form_errors.append(_("The email or password is wrong."))
            return render_template("auth/login.html", form=form), 200
        target = safe_next(form.next.data)
        if user.totp_enabled:
            services.begin_second_factor(user)
            return redirect(url_for("auth.second_factor", next=target))
        services.start_session(user)
        if user.must_enrol_totp:
            return redirect(url_for("account.totp_setup"))
        return redirect(target or _landing(user))
    return render_template("auth/login.html", form=form)


@bp.route("/masuk/kode", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def second_factor():
    """The TOTP code after a correct password."""
    user = services.pending_second_factor_user()
    if user is None:
        flash(_("Please sign in again."), "warning")
        return redirect(url_for("auth.login"))
    form = TotpForm()
    if form.validate_on_submit():
        if services.verify_totp(user, form.code.data):
            services.start_session(user, method="password+totp")
            return redirect(safe_next(request.args.get("next")) or _landing(user))
        services.register_second_factor_failure(user)
        form.code.errors.append(_("That code is not valid. Wait for a new code and try again."))
    return render_template("auth/second_factor.html", form=form)


@bp.route("/keluar", methods=["POST"])
@signed_in
def logout():
    """Sign out everywhere this account is signed in."""
    services.end_session(current_user._get_current_object())
    flash(_("You have signed out."), "success")
    return redirect(url_for("public.home"))


@bp.route("/lupa-sandi", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def forgot_password():
    """Ask for a reset link; the answer never says whether the address is known."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = services.find_user_by_email(form.email.data)
        if user is not None and user.active:
            services.send_password_reset(user)
        return render_template("auth/forgot_sent.html")
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/sandi/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def set_password(token: str):
    """Set a password from a single-use reset or invitation link."""
    row = services.find_token(token, ("reset", "invite"))
    if row is None or row.user is None:
        return render_template("auth/link_invalid.html"), 404
    user = row.user
    form = SetPasswordForm()
    form.owner_email, form.owner_name = user.email, user.name
    if form.validate_on_submit():
        services.set_password(user, user, form.password.data, how=row.purpose)
        services.consume_token(row)
        flash(_("Your password is set. You can sign in now."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/set_password.html", form=form, purpose=row.purpose, user=user)
