"""Sign-in, two-factor and password forms."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Regexp, ValidationError

from ..forms import Form
from .passwords import MAX_LENGTH, password_problems


class NewPasswordMixin:
    """A new password with confirmation, checked against the policy."""

    password = PasswordField(
        _l("New password"), validators=[DataRequired()],
        description=_l("At least 12 characters. A few unrelated words make a strong password."),
        render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The two passwords differ."))],
        render_kw={"autocomplete": "new-password"})

    # Set by the view: whose password this is, so it cannot contain their name or email.
    owner_email: str = ""
    owner_name: str = ""

    def validate_password(self, field) -> None:
        problems = password_problems(field.data or "", email=self.owner_email, name=self.owner_name)
        if problems:
            raise ValidationError(" ".join(problems))


class LoginForm(Form):
    """Email and password."""

    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)],
                       render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=MAX_LENGTH * 4)],
                             render_kw={"autocomplete": "current-password"})
    next = HiddenField()


class TotpForm(Form):
    """The 6-digit code from the authenticator app."""

    code = StringField(
        _l("Authentication code"),
        validators=[DataRequired(), Regexp(r"^\s*\d{3}\s?\d{3}\s*$",
                                           message=_l("Enter the 6 digits shown in your app."))],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"})


class ForgotPasswordForm(Form):
    """Ask for a reset link."""

    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)],
                       render_kw={"autocomplete": "email"})


class SetPasswordForm(NewPasswordMixin, Form):
    """Set a password from an invitation or reset link."""


class ChangePasswordForm(NewPasswordMixin, Form):
    """Change the password while signed in."""

    current = PasswordField(_l("Current password"), validators=[DataRequired()],
                            render_kw={"autocomplete": "current-password"})


class EnrolTotpForm(TotpForm):
    """Confirm a new authenticator with a first code."""


class DisableTotpForm(TotpForm):
    """Turn two-factor off: password and a current code."""

    password = PasswordField(_l("Password"), validators=[DataRequired()],
                             render_kw={"autocomplete": "current-password"})
