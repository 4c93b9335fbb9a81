"""sanitize_html(): the one way user HTML reaches a page."""
from __future__ import annotations

import pytest

from portal.html import sanitize_html

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<p onclick="alert(1)">teks</p>',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '<style>body{display:none}</style>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
]


@pytest.mark.parametrize("payload", ATTACKS)
def test_attacks_are_neutralised(payload):
    cleaned = str(sanitize_html(payload)).lower()
    for bad in ("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<style",
                "data:text", "style="):
        assert bad not in cleaned, (payload, cleaned)


def test_allowed_subset_survives_and_links_are_safe():
    cleaned = str(sanitize_html('<p>Klien <strong>rajin</strong>, <em>tepat waktu</em>.</p>'
                                '<ul><li>satu</li></ul><a href="https://bapas.example">tautan</a>'))
    assert "<strong>rajin</strong>" in cleaned and "<em>tepat waktu</em>" in cleaned
    assert "<li>satu</li>" in cleaned
    assert 'rel="nofollow noopener noreferrer"' in cleaned


def test_plain_text_becomes_paragraphs_and_is_escaped():
    cleaned = str(sanitize_html("Baris satu\nbaris dua\n\nParagraf <b>dua</b> & tiga"))
    assert cleaned.startswith("<p>Baris satu<br>baris dua</p>")
    assert "<b>dua</b>" in cleaned  # <b> is in the allowed subset


def test_plain_text_with_angle_brackets_is_escaped():
    cleaned = str(sanitize_html("1 < 2 dan 3 > 2"))
    assert "&lt;" in cleaned and "<2" not in cleaned


def test_empty():
    assert str(sanitize_html("")) == "" and str(sanitize_html(None)) == ""
