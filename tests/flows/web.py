"""Walking the portal as a person does in a browser without JavaScript: WebTest reads the
rendered page, fills its forms by field name (the hidden CSRF token goes along) and submits
them; redirects are followed. A field that stops rendering makes the filling fail."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import webtest
from bs4 import BeautifulSoup
from flask_babel import force_locale, pgettext

from ..support import PASSWORD, totp_now


class Browser:
    """One person's browser: its own cookies, so its own session."""

    def __init__(self, app):
        self.app = app
        self.web = webtest.TestApp(app)

    def open(self, url: str, status: int | str = 200) -> webtest.TestResponse:
        """Type an address (an emailed link works too: only its path is used)."""
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return follow(self.web.get(path, status="*"), status)

    def sign_in(self, user, password: str = PASSWORD) -> webtest.TestResponse:
        """The sign-in form; then the authenticator code where the account has one."""
        page = self.open("/masuk")
        login = form(page)
        login["email"] = user.email
        login["password"] = password
        page = submit(login)
        if user.totp_secret:
            code = form(page)
            code["code"] = totp_now(user)
            page = submit(code)
        assert "/masuk" not in page.request.path, flashes(page) or text(page)[:400]
        return page


def follow(response: webtest.TestResponse, status: int | str = 200) -> webtest.TestResponse:
    """Follow redirects as a browser does; the page finally shown must have `status`."""
    while response.status_int in (301, 302, 303):
        response = response.follow(status="*")
    if status != "*":
        assert response.status_int == status, (response.status, response.request.path,
                                               flashes(response) or text(response)[:400])
    return response


def _forms(page) -> list[webtest.Form]:
    unique = {id(f): f for f in page.forms.values()}
    return list(unique.values())


def form(page, action: str = "", method: str = "post") -> webtest.Form:
    """The page's only form whose action ends with `action` ('' = the form posting back to the
    page itself); the sign-out form of the header is never meant."""
    found = [f for f in _forms(page) if (f.method or "get").lower() == method
             and f.action != "/keluar"
             and ((f.action or "").endswith(action) if action else not f.action)]
    assert len(found) == 1, (action, [f.action for f in _forms(page)])
    return found[0]


def submit(f: webtest.Form, status: int | str = 200) -> webtest.TestResponse:
    """Press the form's button; follow the redirect that answers a POST."""
    return follow(f.submit(status="*"), status)


def click(page, label: str) -> webtest.TestResponse:
    """Follow the link whose text is `label` (with or without its text for screen readers);
    every link of that text must lead to the same place."""
    soup = BeautifulSoup(page.text, "html.parser")
    hrefs = {a["href"] for a in soup.find_all("a", href=True)
             if label in (_squash(a.get_text(" ")), _squash(_visible(a)))}
    assert len(hrefs) == 1, (label, hrefs)
    return follow(page.goto(hrefs.pop(), status="*"))


def check(f: webtest.Form, name: str, *values: str) -> None:
    """Tick the checkboxes of a group by their values (each must be rendered)."""
    boxes = {box._value: box for box in f.fields[name]}
    for value in values:
        assert value in boxes, (name, value, list(boxes))
        boxes[value].checked = True


def upload(name: str, data: bytes, content_type: str) -> webtest.Upload:
    """A file chosen for a file field."""
    return webtest.Upload(name, data, content_type)


def _squash(value: str) -> str:
    return " ".join(value.split())


def _visible(tag) -> str:
    copy = BeautifulSoup(str(tag), "html.parser")
    for hidden in copy.select(".visually-hidden"):
        hidden.decompose()
    return copy.get_text(" ")


def text(page) -> str:
    """What the page says, whitespace squashed (no markup, no scripts)."""
    soup = BeautifulSoup(page.text, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return _squash(soup.get_text(" "))


def flashes(page) -> list[str]:
    """The flash messages at the top of the page."""
    soup = BeautifulSoup(page.text, "html.parser")
    return [_squash(a.get_text(" ")) for a in soup.select(".flash-messages .alert")]


def definition(page, term: str) -> str:
    """The value shown next to a term of a definition list (<dt>term</dt><dd>value</dd>)."""
    soup = BeautifulSoup(page.text, "html.parser")
    values = [_squash(dt.find_next_sibling("dd").get_text(" ")) for dt in soup.find_all("dt")
              if _squash(dt.get_text(" ")) == term]
    assert len(values) == 1, (term, values)
    return values[0]


def find(pattern: str, page) -> str:
    """The first match of `pattern` in the page's text."""
    match = re.search(pattern, text(page))
    assert match, (pattern, text(page)[:600])
    return match.group(1) if match.groups() else match.group(0)


def tp(app, context: str, msgid: str, lang: str = "id") -> str:
    """The catalogue's translation of a short word that has a context (status labels)."""
    with app.test_request_context(), force_locale(lang):
        return pgettext(context, msgid)
