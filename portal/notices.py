"""How a user is told (issue 11 §7): tell() queues one notice by each channel the user chose —
the email as before, and by SMS/WhatsApp only a fixed content-free sentence. Complainants and
applicants without an account stay email-only (their callers use mail.queue directly)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from . import audit, gateway, mail

if TYPE_CHECKING:
    from .auth.models import User

# E.164: a plus, a country code not starting with 0, at most 15 digits in all.
E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")
SEPARATORS = re.compile(r"[\s\-().]")


class BadPhone(ValueError):
    """The phone number cannot be a mobile number in international form."""


def text_notice(locale: str | None) -> str:
    """The only text the gateway ever carries, in the reader's language."""
    with force_locale(locale or "id"):
        return _("There is an update on the POKMAS Portal: open the portal to see it")


def absolute(endpoint: str, **values: Any) -> str:
    """An absolute link for an email: from the request, or in a daily job from VERIFY_BASE_URL
    (the portal's public address); empty when neither is known."""
    if has_request_context():
        return url_for(endpoint, _external=True, **values)
    base = (current_app.config.get("VERIFY_BASE_URL") or "").rstrip("/")
    if not base:
        return ""
    return base + current_app.url_map.bind("localhost").build(endpoint, values)


def normalize_phone(typed: str | None) -> str | None:
    """The number in E.164 form (+62…); an Indonesian 08… number gets +62. None when empty;
    BadPhone when it cannot be a phone number."""
    digits = SEPARATORS.sub("", typed or "")
    if not digits:
        return None
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+62" + digits[1:]
    elif digits.startswith("62"):
        digits = "+" + digits
    if not E164.match(digits):
        raise BadPhone(typed)
    return digits


def text_channels(user: User) -> list[str]:
    """The text channels the user chose, when a gateway is configured and a number is stored."""
    if not gateway.configured() or not user.phone:
        return []
    return [c for c, on in (("sms", user.notify_sms), ("whatsapp", user.notify_whatsapp)) if on]


def tell(user: User, template: str, **context: Any) -> None:
    """Queue the notice for `user` by every channel they chose (email: the template; SMS or
    WhatsApp: the content-free sentence). Account-security email (a reset link, a changed
    password) does not come through here: it always goes by email."""
    if user.notify_email:
        mail.queue(user.email, template, user.locale, **context)
    for channel in text_channels(user):
        mail.queue_text(channel, user.phone or "", text_notice(user.locale))


def set_channels(actor: User, user: User, *, email: bool, sms: bool, whatsapp: bool,
                 phone: str | None) -> None:
    """Save how the user is told; a text channel needs a valid number (BadPhone otherwise)."""
    number = normalize_phone(phone)
    if (sms or whatsapp) and number is None:
        raise BadPhone(phone)
    user.notify_email, user.notify_sms, user.notify_whatsapp = email, sms, whatsapp
    user.phone = number
    audit.record(actor, "user.notices_changed", user, by_email=email, by_sms=sms,
                 by_whatsapp=whatsapp, phone_set=number is not None)
