"""Locale selection: ?lang → session → user preference → Accept-Language → id."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def select_locale() -> str:
    """Pick the language of this request."""
    languages = current_app.config["LANGUAGES"]
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    if not has_request_context():
        return default
    asked = request.args.get("lang")
    if asked is not None and asked in languages:
        session["lang"] = asked
        return asked
    if session.get("lang") in languages:
        return session["lang"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    return request.accept_languages.best_match(languages) or default


def select_timezone() -> str:
    """Times are shown in WIB unless configured otherwise."""
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def lang_url(code: str) -> str:
    """This page's URL in another language (same path, same query, new ?lang)."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    args.append(("lang", code))
    return f"{request.path}?{urlencode(args)}"


def current_language() -> str:
    """The two-letter code of the language in use."""
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"]).split("_")[0]


def init_app(app: Flask) -> None:
    """Expose the helpers to templates."""
    app.jinja_env.globals.update(lang_url=lang_url, current_language=current_language,
                                 language_names=LANGUAGE_NAMES)
