"""sanitize_html(): the one way user-written HTML reaches a page."""
from __future__ import annotations

import re

import bleach
from markupsafe import Markup

ALLOWED_TAGS = ["p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "blockquote", "a"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]
BLOCK_TAG = re.compile(r"<(p|br|ul|ol|li|blockquote)\b", re.IGNORECASE)


def _rel(attrs, new=False):
    attrs[(None, "rel")] = "nofollow noopener noreferrer"
    return attrs


def sanitize_html(text: str | None) -> Markup:
    """Keep a small safe subset of HTML; plain text paragraphs become <p> blocks."""
    if not text:
        return Markup("")
    if not BLOCK_TAG.search(text):  # plain text: blank lines separate paragraphs
        paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
        text = "".join(f"<p>{p}</p>".replace("\n", "<br>") for p in paragraphs)
    cleaned = bleach.clean(text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                           protocols=ALLOWED_PROTOCOLS, strip=True)
    cleaned = bleach.linkify(cleaned, callbacks=[_rel], parse_email=False)
    return Markup(cleaned)
