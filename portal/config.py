"""Configuration classes; every setting can come from an environment variable."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


class ConfigError(RuntimeError):
    """The configuration is unsafe or incomplete; the app refuses to start."""


class BaseConfig:
    """Settings shared by every environment."""

    ENV_NAME = "base"
    DEBUG = False
    TESTING = False
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    # hide_parameters: a database error never quotes the row (what a person typed) in a log.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}
    ALLOW_SQLITE = _env_bool("ALLOW_SQLITE")

    # Sessions and cookies
    SESSION_COOKIE_NAME = "pokmas_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", False)
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "http")
    SERVER_NAME = os.environ.get("SERVER_NAME")
    STAFF_IDLE_MINUTES = _env_int("STAFF_IDLE_MINUTES", 30)
    PARTNER_IDLE_MINUTES = _env_int("PARTNER_IDLE_MINUTES", 120)
    SESSION_ABSOLUTE_HOURS = _env_int("SESSION_ABSOLUTE_HOURS", 12)
    HSTS = False
    # Number of reverse proxies in front (nginx: 1) whose X-Forwarded-* headers are trusted.
    PROXY_FIX_X_FOR = _env_int("PROXY_FIX_X_FOR", 0)

    # Accounts
    LOCKOUT_THRESHOLD = _env_int("LOCKOUT_THRESHOLD", 10)
    LOCKOUT_MINUTES = _env_int("LOCKOUT_MINUTES", 15)
    ARGON2_TIME_COST = _env_int("ARGON2_TIME_COST", 3)
    ARGON2_MEMORY_COST = _env_int("ARGON2_MEMORY_COST", 65536)
    RESET_TOKEN_HOURS = _env_int("RESET_TOKEN_HOURS", 1)
    INVITE_TOKEN_HOURS = _env_int("INVITE_TOKEN_HOURS", 72)

    # Rate limits (Flask-Limiter)
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_ENABLED = _env_bool("RATELIMIT_ENABLED", True)
    RATELIMIT_HEADERS_ENABLED = False
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "30 per 5 minutes")
    FORM_RATE_LIMIT = os.environ.get("FORM_RATE_LIMIT", "10 per hour")
    # Tracking a complaint: failed attempts per reference and per (address, reference), and a
    # much higher ceiling per address alone (many people share one address on mobile networks).
    TRACK_FAILURES_PER_REFERENCE = os.environ.get("TRACK_FAILURES_PER_REFERENCE", "20 per hour")
    TRACK_FAILURES_PER_IP_AND_REFERENCE = os.environ.get("TRACK_FAILURES_PER_IP_AND_REFERENCE",
                                                         "10 per 15 minutes")
    TRACK_LIMIT_PER_IP = os.environ.get("TRACK_LIMIT_PER_IP", "300 per hour")

    # Forms and uploads
    WTF_CSRF_ENABLED = True
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    MAX_CONTENT_LENGTH = _env_int("MAX_CONTENT_LENGTH", 26 * 1024 * 1024)
    MAX_FILE_BYTES = _env_int("MAX_FILE_BYTES", 5 * 1024 * 1024)
    STORAGE_DIR = os.environ.get("STORAGE_DIR")

    # Email
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "POKMAS LIPAS <no-reply@pokmas.invalid>")
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "smtp")  # smtp | console
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "127.0.0.1")
    MAIL_PORT = _env_int("MAIL_PORT", 25)
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    OUTBOX_SEND_IMMEDIATELY = _env_bool("OUTBOX_SEND_IMMEDIATELY")
    # A message that failed waits this many seconds, doubled after each further failure.
    OUTBOX_RETRY_SECONDS = _env_int("OUTBOX_RETRY_SECONDS", 60)

    # SMS/WhatsApp gateway (issue 11 §7): an HTTP API taking {"to", "channel", "text"} as JSON.
    # Without a URL the account page offers email only.
    NOTIFY_GATEWAY_URL = os.environ.get("NOTIFY_GATEWAY_URL", "")
    NOTIFY_GATEWAY_TOKEN = os.environ.get("NOTIFY_GATEWAY_TOKEN", "")
    NOTIFY_GATEWAY_TIMEOUT = _env_int("NOTIFY_GATEWAY_TIMEOUT", 10)

    PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "privasi@pokmas.example")

    # Official documents. The ministry's letterhead lines are not confirmed since the 2024
    # reorganisation, so they are settings; "{region}" becomes the province in capitals.
    LETTERHEAD_MINISTRY = os.environ.get(
        "LETTERHEAD_MINISTRY", "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA")
    LETTERHEAD_DIRECTORATE = os.environ.get("LETTERHEAD_DIRECTORATE", "")
    LETTERHEAD_REGION = os.environ.get(
        "LETTERHEAD_REGION", "KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN {region}")
    # Letter numbers from separate fields: the office's unit code (Office.unit_code), the
    # classification code of the kind (documents.kinds.CLASSIFICATION, overridable here as a
    # mapping kind -> code), the running number and the year.
    LETTER_NUMBER_FORMAT = os.environ.get("LETTER_NUMBER_FORMAT", "{unit}-{classification}-{sequence}")
    DECISION_NUMBER_FORMAT = os.environ.get("DECISION_NUMBER_FORMAT",
                                            "{unit}-{classification}-{sequence} TAHUN {year}")
    LETTER_CLASSIFICATION: dict[str, str] = {}
    # The legal bases a decision cites ("Mengingat"); article numbers left out until verified.
    LEGAL_BASES = (
        "Undang-Undang Nomor 22 Tahun 2022 tentang Pemasyarakatan",
        "Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 3 Tahun 2018 sebagaimana telah "
        "diubah terakhir dengan Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 7 Tahun 2022",
    )
    # The city in a Kanwil's place-and-date line, by province ("Jawa Barat": "Bandung"); by
    # default the city of the province's first Class I Bapas.
    KANWIL_CITIES: dict[str, str] = {}
    # Where the QR code on a document points when it is issued outside a request.
    VERIFY_BASE_URL = os.environ.get("VERIFY_BASE_URL", "")

    # Languages
    BABEL_DEFAULT_LOCALE = "id"
    BABEL_DEFAULT_TIMEZONE = os.environ.get("BABEL_DEFAULT_TIMEZONE", "Asia/Jakarta")
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    LANGUAGES = ("id", "en")

    @classmethod
    def prepare(cls, app) -> None:
        """Fill settings that depend on the instance folder; validate them."""


class DevelopmentConfig(BaseConfig):
    """Local use and the demo: SQLite in instance/, a secret key kept there."""

    ENV_NAME = "development"
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "console")
    OUTBOX_SEND_IMMEDIATELY = _env_bool("OUTBOX_SEND_IMMEDIATELY", True)

    @classmethod
    def prepare(cls, app) -> None:
        instance = Path(app.instance_path)
        instance.mkdir(parents=True, exist_ok=True)
        if not app.config.get("SECRET_KEY"):
            key_file = instance / "secret_key"
            if not key_file.exists():
                key_file.write_text(secrets.token_hex(32))
                key_file.chmod(0o600)
            app.config["SECRET_KEY"] = key_file.read_text().strip()
        if not app.config.get("SQLALCHEMY_DATABASE_URI"):
            app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'portal.db'}"
        if not app.config.get("STORAGE_DIR"):
            app.config["STORAGE_DIR"] = str(instance / "storage")


class ProductionConfig(BaseConfig):
    """A public deployment: refuses to start when anything is unsafe."""

    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", True)
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "https")
    HSTS = True

    @classmethod
    def prepare(cls, app) -> None:
        cfg = app.config
        if cfg.get("DEBUG"):
            raise ConfigError("DEBUG must be off in production")
        key = cfg.get("SECRET_KEY") or ""
        if len(key) < 32:
            raise ConfigError("SECRET_KEY must be set and at least 32 characters long")
        uri = cfg.get("SQLALCHEMY_DATABASE_URI") or ""
        if not uri:
            raise ConfigError("DATABASE_URL must be set in production")
        if uri.startswith("sqlite") and not cfg.get("ALLOW_SQLITE"):
            raise ConfigError("SQLite in production needs ALLOW_SQLITE=1")
        if not cfg.get("STORAGE_DIR"):
            raise ConfigError("STORAGE_DIR must be set in production")


class TestConfig(BaseConfig):
    """The test suite: cheap password hashing, mail to the in-process SMTP server."""

    ENV_NAME = "test"
    TESTING = True
    SECRET_KEY = "test-secret-key-" + "x" * 32
    ARGON2_TIME_COST = 1
    ARGON2_MEMORY_COST = 1024
    WTF_CSRF_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    MAIL_BACKEND = "smtp"
    OUTBOX_SEND_IMMEDIATELY = False


CONFIGS = {
    "development": DevelopmentConfig,
    "production": ProductionConfig,
    "test": TestConfig,
}


def config_class(name: str | None = None):
    """Return the config class named by `name` or by PORTAL_ENV (development)."""
    name = name or os.environ.get("PORTAL_ENV", "development")
    try:
        return CONFIGS[name]
    except KeyError:
        raise ConfigError(f"unknown PORTAL_ENV {name!r}") from None
