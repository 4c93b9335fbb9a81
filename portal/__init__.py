"""POKMAS LIPAS Portal: the application factory."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from .boundary import PortalFlask
from .config import ROOT, config_class


def create_app(config: str | Mapping[str, Any] | None = None) -> Flask:
    """Build the portal. `config` is an environment name or a mapping of overrides."""
    app = PortalFlask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    load_config(app, config)
    register_proxy(app)
    register_extensions(app)
    register_models()
    register_blueprints(app)
    register_security(app)
    register_i18n(app)
    register_errorhandlers(app)
    register_template_helpers(app)
    register_commands(app)
    return app


def load_config(app: Flask, config: str | Mapping[str, Any] | None) -> None:
    """Load the config class, apply overrides, then let the class validate."""
    overrides: Mapping[str, Any] = {}
    name = None
    if isinstance(config, str):
        name = config
    elif config is not None:
        overrides = config
        name = overrides.get("ENV_NAME")
    cls = config_class(name)
    app.config.from_object(cls)
    app.config.update(overrides)
    cls.prepare(app)


def register_proxy(app: Flask) -> None:
    """Trust X-Forwarded-* from the configured number of proxies (client IPs for limits and audit)."""
    hops = app.config.get("PROXY_FIX_X_FOR", 0)
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix
        # Flask's documented way to add WSGI middleware; Flask types wsgi_app as a method.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def register_extensions(app: Flask) -> None:
    """Bind the extension objects to this app."""
    from . import mail
    from .extensions import babel, csrf, db, limiter, login_manager, migrate
    from .i18n import select_locale, select_timezone

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    login_manager.init_app(app)
    mail.init_app(app)


def register_models() -> None:
    """Import every model module so the metadata is complete."""
    from . import audit, mail, notifications, uploads  # noqa: F401
    from .auth import models as _auth  # noqa: F401
    from .clients import models as _clients  # noqa: F401
    from .complaints import calendar as _calendar  # noqa: F401
    from .complaints import models as _complaints  # noqa: F401
    from .conversations import models as _conversations  # noqa: F401
    from .documents import models as _documents  # noqa: F401
    from .jobs import models as _jobs  # noqa: F401
    from .observations import models as _observations  # noqa: F401
    from .offices import models as _offices  # noqa: F401
    from .partners import models as _partners  # noqa: F401
    from .reminders import models as _reminders  # noqa: F401
    from .supervision import models as _supervision  # noqa: F401
    from .visits import models as _visits  # noqa: F401


def register_blueprints(app: Flask) -> None:
    """Attach each feature's blueprint."""
    from .account import bp as account_bp
    from .admin import bp as admin_bp
    from .auth import bp as auth_bp
    from .clients import bp as clients_bp
    from .clients import partner_bp as partner_clients_bp
    from .complaints import bp as complaints_bp
    from .conversations import bp as conversations_bp
    from .homes import bp as homes_bp
    from .jobs import bp as jobs_bp
    from .notifications import bp as notifications_bp
    from .observations import bp as observations_bp
    from .partners import partner_bp, vetting_bp
    from .public import bp as public_bp
    from .reminders import bp as reminders_bp
    from .supervision import bp as supervision_bp
    from .supervision import partner_bp as supervision_partner_bp
    from .visits import bp as visits_bp

    for bp in (public_bp, auth_bp, account_bp, admin_bp, vetting_bp, partner_bp, clients_bp,
               partner_clients_bp, observations_bp, notifications_bp, jobs_bp, complaints_bp,
               reminders_bp, conversations_bp, visits_bp, supervision_bp, supervision_partner_bp,
               homes_bp):
        app.register_blueprint(bp)


def register_security(app: Flask) -> None:
    """Deny-by-default guard, session rules and response headers."""
    from . import security

    security.init_app(app)


def register_i18n(app: Flask) -> None:
    """Language switching helpers for templates."""
    from . import i18n

    i18n.init_app(app)


def register_errorhandlers(app: Flask) -> None:
    """Translated error pages with no traceback; the request boundary's handlers."""
    from . import boundary, errors

    errors.init_app(app)
    boundary.init_app(app)


def register_template_helpers(app: Flask) -> None:
    """Globals and filters used by the templates."""
    from . import templating

    templating.init_app(app)


def register_commands(app: Flask) -> None:
    """CLI commands: demo, offices, users, outbox."""
    from . import demo, mail
    from .auth import commands as auth_commands
    from .clients import commands as client_commands
    from .complaints import commands as complaint_commands
    from .jobs import commands as job_commands
    from .offices import commands as office_commands
    from .partners import commands as partner_commands

    app.cli.add_command(demo.demo_command)
    app.cli.add_command(office_commands.offices_cli)
    app.cli.add_command(auth_commands.users_cli)
    app.cli.add_command(mail.outbox_cli)
    app.cli.add_command(partner_commands.partners_cli)
    app.cli.add_command(client_commands.clients_cli)
    app.cli.add_command(job_commands.jobs_cli)
    app.cli.add_command(complaint_commands.complaints_cli)
