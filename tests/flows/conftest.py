"""The flows run with CSRF protection on, as in production: every form must carry the token
it was rendered with. The `users`, `orgs`, `clients` and `mailbox` fixtures use this app."""
from __future__ import annotations

import pytest


@pytest.fixture
def app(make_app):
    """The app with CSRF protection on."""
    return make_app(WTF_CSRF_ENABLED=True)
