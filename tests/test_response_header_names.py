"""A page sends exactly the headers of the policy and of its content, under their own names,
and nothing else (DESIGN §7; issue 9 point 4: a misspelt header name is a header the browser
never applies, and Flask's own `Vary: Cookie` would otherwise hide a misspelt `Vary`)."""
from __future__ import annotations

from .support import login_client

PAGE_HEADERS = ["Cache-Control", "Content-Length", "Content-Security-Policy", "Content-Type",
                "Cross-Origin-Opener-Policy", "Permissions-Policy", "Referrer-Policy", "Vary",
                "X-Content-Type-Options", "X-Frame-Options"]


def _names(response) -> list[str]:
    """The response's header names, each once, sorted without regard to case."""
    return sorted({name.lower(): name for name, _ in response.headers.items()}.values(), key=str.lower)


def test_a_page_sends_only_the_policy_and_content_headers(app, users):
    """The public home page, and an account page signed in (which renews the session cookie):
    no header beyond these, and `Vary` says `Cookie` once."""
    public = app.test_client().get("/")
    assert public.status_code == 200
    assert [name.lower() for name in _names(public)] == [name.lower() for name in PAGE_HEADERS]
    assert public.headers.getlist("Vary") == ["Cookie"]
    signed_in = login_client(app, users.make("officer")).get("/akun/")
    assert signed_in.status_code == 200
    assert [name.lower() for name in _names(signed_in)] == sorted(
        [name.lower() for name in PAGE_HEADERS + ["Set-Cookie"]])
    assert signed_in.headers.getlist("Vary") == ["Cookie"]
