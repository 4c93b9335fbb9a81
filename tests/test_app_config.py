"""The factory, production safety checks, the health check and error pages."""
from __future__ import annotations

import pytest

from portal import create_app
from portal.config import ConfigError

GOOD_KEY = "k" * 40


def production(**overrides):
    config = {"ENV_NAME": "production", "SECRET_KEY": GOOD_KEY,
              "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://u@127.0.0.1:1/x",
              "STORAGE_DIR": "/tmp/pokmas-storage", "DEBUG": False}
    config.update(overrides)
    return create_app(config)


def test_production_starts_with_safe_settings():
    app = production()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["HSTS"] is True


@pytest.mark.parametrize("overrides, complaint", [
    ({"DEBUG": True}, "DEBUG"),
    ({"SECRET_KEY": None}, "SECRET_KEY"),
    ({"SECRET_KEY": "short-key"}, "SECRET_KEY"),
    ({"SQLALCHEMY_DATABASE_URI": "sqlite:////tmp/x.db"}, "SQLite"),
    ({"SQLALCHEMY_DATABASE_URI": None}, "DATABASE_URL"),
])
def test_production_refuses_unsafe_settings(overrides, complaint):
    with pytest.raises(ConfigError, match=complaint):
        production(**overrides)


def test_production_allows_sqlite_only_when_asked():
    app = production(SQLALCHEMY_DATABASE_URI="sqlite:////tmp/x.db", ALLOW_SQLITE=True)
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")


def test_production_sends_hsts_and_secure_cookies():
    app = production()
    client = app.test_client()
    response = client.get("/?lang=en")  # ?lang stores the choice in the session cookie
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_unknown_environment_is_refused():
    with pytest.raises(ConfigError):
        create_app("staging")


def test_healthz_does_a_database_round_trip(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_down(make_app):
    app = make_app(SQLALCHEMY_DATABASE_URI="postgresql+psycopg://nobody@127.0.0.1:1/none",
                   SQLALCHEMY_ENGINE_OPTIONS={"connect_args": {"connect_timeout": 1}})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_development_config_keeps_a_generated_secret_in_instance(tmp_path, monkeypatch):
    from flask import Flask

    from portal.config import DevelopmentConfig
    app = Flask("x", instance_path=str(tmp_path / "instance"))
    app.config.from_object(DevelopmentConfig)
    app.config["SECRET_KEY"] = None
    app.config["SQLALCHEMY_DATABASE_URI"] = None
    DevelopmentConfig.prepare(app)
    key = app.config["SECRET_KEY"]
    assert len(key) == 64 and (tmp_path / "instance" / "secret_key").read_text() == key
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/portal.db")
    again = Flask("y", instance_path=str(tmp_path / "instance"))
    again.config.from_object(DevelopmentConfig)
    again.config["SECRET_KEY"] = None
    DevelopmentConfig.prepare(again)
    assert again.config["SECRET_KEY"] == key
