"""Two languages: locale chain, switcher, complete catalogues, no unmarked template text."""
from __future__ import annotations

import re

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from portal.config import ROOT

from .support import login_client

CATALOGUES = ROOT / "translations"


def test_indonesian_is_the_default(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="id">' in page and "Masuk" in page


def test_accept_language_english(client):
    page = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en">' in page and "Sign in" in page


def test_query_choice_sticks_in_the_session_and_beats_the_header(client):
    client.get("/?lang=en")
    page = client.get("/masuk", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert '<html lang="en">' in page
    client.get("/?lang=id")
    assert '<html lang="id">' in client.get("/masuk", headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_user_preference_applies_without_session_choice(app, users):
    user = users.make("officer", locale="en")
    client = login_client(app, user)
    assert '<html lang="en">' in client.get("/akun/").get_data(as_text=True)
    client.post("/akun/bahasa", data={"locale": "id"})
    assert '<html lang="id">' in client.get("/akun/").get_data(as_text=True)


def test_switcher_keeps_the_page_and_its_query(app, users):
    client = login_client(app, users.make("admin"))
    page = client.get("/admin/pengguna?role=officer&page=1").get_data(as_text=True)
    assert 'href="/admin/pengguna?role=officer&amp;page=1&amp;lang=en"' in page


def _catalogue(lang):
    with open(CATALOGUES / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh)


def test_every_message_has_an_indonesian_translation():
    pot = read_po(open(CATALOGUES / "messages.pot", "rb"))
    catalogue = _catalogue("id")
    missing = []
    for message in pot:
        if not message.id:
            continue
        translated = catalogue.get(message.id, message.context)
        strings = translated.string if translated else None
        if not strings or (isinstance(strings, tuple) and not all(strings)) or translated.fuzzy:
            missing.append(message.id)
    assert missing == [], f"{len(missing)} untranslated: {missing[:10]}"


def test_placeholders_match_in_translations():
    catalogue = _catalogue("id")
    pattern = re.compile(r"%\(\w+\)[sd]")
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(pattern.findall(ids[-1]))
        for string in strings:
            assert set(pattern.findall(string)) <= expected | set(pattern.findall(ids[0])), message.id


def test_the_pot_file_is_current(tmp_path):
    """Every marked string in the code is in messages.pot (run translations/update.sh)."""
    from babel.messages.frontend import CommandLineInterface
    out = tmp_path / "fresh.pot"
    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-F", str(CATALOGUES / "babel.cfg"), "-k", "_l",
        "-k", "lazy_gettext", "-k", "lazy_pgettext:1c,2", "-k", "lazy_ngettext:1,2",
        "--ignore-dirs", ".* __pycache__ instance artifacts",
        "--no-location", "--sort-output", "--omit-header", "-o", str(out), str(ROOT)])
    fresh = {(m.id, m.context) for m in read_po(open(out, "rb")) if m.id}
    shipped = {(m.id, m.context) for m in read_po(open(CATALOGUES / "messages.pot", "rb")) if m.id}
    assert fresh - shipped == set(), "run translations/update.sh"


def test_compiled_catalogues_match_the_sources():
    for lang in ("id", "en"):
        po = {(tuple(m.id) if isinstance(m.id, (list, tuple)) else m.id):
              (tuple(m.string) if isinstance(m.string, (list, tuple)) else m.string)
              for m in _catalogue(lang)
              if m.id and m.string and any(m.string if isinstance(m.string, tuple) else [m.string])
              and not m.fuzzy}
        with open(CATALOGUES / lang / "LC_MESSAGES" / "messages.mo", "rb") as fh:
            mo = {(tuple(m.id) if isinstance(m.id, list) else m.id):
                  (tuple(m.string) if isinstance(m.string, list) else m.string)
                  for m in read_mo(fh)
                  if m.id and any(m.string if isinstance(m.string, list) else [m.string])}
        stale = {k for k, v in po.items() if mo.get(k) != v}
        extra = {k for k, v in mo.items() if k not in po and v != k}
        assert not stale and not extra, f"recompile {lang}: run translations/update.sh"


# ------------------------------------------------- no unmarked text in templates

JINJA = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
TAG = re.compile(r"<[^>]*>", re.S)
ATTRS = re.compile(r'\b(?:title|alt|placeholder|aria-label)="([^"]*)"')
ALLOWED = {"POKMAS LIPAS", "· POKMAS LIPAS", "PL", "·", "—", "–", "×", "←", "→", "=", "ID", "EN", "|"}


def _unmarked(source: str) -> list[str]:
    problems = []
    for value in ATTRS.findall(source):
        stripped = JINJA.sub("", value).strip()
        if re.search(r"[A-Za-z]{2,}", stripped):
            problems.append(stripped)
    without_code = JINJA.sub(" ", source)
    without_code = re.sub(r"<script.*?</script>|<style.*?</style>|<svg.*?</svg>", " ", without_code, flags=re.S)
    for chunk in TAG.sub("\n", without_code).split("\n"):
        chunk = re.sub(r"&[a-z]+;", " ", chunk).strip()
        if chunk and chunk not in ALLOWED and re.search(r"[A-Za-z]{2,}", chunk):
            problems.append(chunk)
    return problems


def test_every_template_string_is_marked_for_translation():
    problems = {}
    for path in sorted((ROOT / "templates").rglob("*.*")):
        if path.suffix == ".txt":
            found = [line for line in JINJA.sub("", path.read_text()).splitlines()
                     if re.search(r"[A-Za-z]{2,}", line)]
        else:
            found = _unmarked(path.read_text())
        if found:
            problems[str(path.relative_to(ROOT))] = found
    assert problems == {}


def test_the_checker_finds_unmarked_text():
    assert _unmarked("<p>Hello there</p>") == ["Hello there"]
    assert _unmarked('<a title="Open">{{ _("x") }}</a>') == ["Open"]
    assert _unmarked("<p>{{ _('Hello') }}</p>") == []
