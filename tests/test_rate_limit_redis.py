"""Rate limits use Redis when RATELIMIT_STORAGE_URI points at it (shared by app servers)."""
from __future__ import annotations

import uuid

import pytest

from .conftest import skip_or_fail

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_url():
    try:
        import redis
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        client.ping()
    except Exception as exc:  # noqa: BLE001 - any failure means no server here
        skip_or_fail(f"Redis not reachable at {REDIS_URL}: {exc}")
    yield REDIS_URL
    client.flushdb()


def test_login_limit_is_shared_between_two_app_servers(make_app, redis_url):
    limit = "3 per minute"
    first = make_app(RATELIMIT_STORAGE_URI=redis_url, LOGIN_RATE_LIMIT=limit,
                     RATELIMIT_KEY_PREFIX=uuid.uuid4().hex)
    prefix = first.config["RATELIMIT_KEY_PREFIX"]
    data = {"email": "x@test.example", "password": "whatever-password"}
    for _ in range(3):
        assert first.test_client().post("/masuk", data=data).status_code == 200
    second = make_app(RATELIMIT_STORAGE_URI=redis_url, LOGIN_RATE_LIMIT=limit,
                      RATELIMIT_KEY_PREFIX=prefix)
    assert second.test_client().post("/masuk", data=data).status_code == 429
