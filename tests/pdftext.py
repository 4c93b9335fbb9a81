"""The text of the portal's PDFs (uncompressed content streams, fonts with a ToUnicode map),
so tests can say what a document does and does not show."""
from __future__ import annotations

import re

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}


def _literal(data: bytes, start: int) -> tuple[bytes, int]:
    """The bytes of the PDF literal string opening at data[start] == '(' and where it ends."""
    out, depth, i = bytearray(), 1, start + 1
    while depth:
        char = data[i]
        if char == ord("\\"):
            nxt = data[i + 1]
            if chr(nxt) in "01234567":
                digits = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4]).group(0)
                out.append(int(digits, 8) & 0xFF)
                i += 1 + len(digits)
                continue
            out += _ESCAPES.get(nxt, bytes([nxt]))
            i += 2
            continue
        if char == ord("("):
            depth += 1
        elif char == ord(")"):
            depth -= 1
            if not depth:
                break
        out.append(char)
        i += 1
    return bytes(out), i + 1


def _cmap(body: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", body, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", body, re.S):
        for low, high, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(dst, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def pdf_text(data: bytes) -> str:
    """Every string the PDF's pages draw, decoded with each font's ToUnicode map, one
    text object per line."""
    objects = {int(num): body for num, body in _OBJECT.findall(data)}
    fonts: dict[bytes, dict[int, str] | None] = {}
    for body in objects.values():
        resources = re.search(rb"/Font\s*<<(.*?)>>", body, re.S)
        if not resources:
            continue
        for name, ref in re.findall(rb"/([\w.+-]+)\s+(\d+)\s+0\s+R", resources.group(1)):
            font = objects.get(int(ref), b"")
            unicode_ref = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", font)
            fonts[name] = _cmap(objects[int(unicode_ref.group(1))]) if unicode_ref else None
    lines = []
    pages = [int(ref) for body in objects.values() if re.search(rb"/Type\s*/Page\b", body)
             for ref in re.findall(rb"/Contents\s+(\d+)\s+0\s+R", body)]
    for number in pages:
        stream = _STREAM.search(objects[number])
        if not stream:
            continue
        content, font, i, line = stream.group(1), None, 0, []
        while i < len(content):
            if content.startswith(b"ET", i):
                lines.append("".join(line))
                line, i = [], i + 2
            elif content[i] == ord("/"):
                name = re.match(rb"/([\w.+-]+)\s+[\d.]+\s+Tf", content[i:])
                if name:
                    font = fonts.get(name.group(1))
                i += 1
            elif content[i] == ord("("):
                raw, i = _literal(content, i)
                if font is None:  # a core font: Latin-1 bytes
                    line.append(raw.decode("latin-1"))
                else:  # two bytes per glyph, mapped to Unicode
                    line.append("".join(font.get(int.from_bytes(raw[k:k + 2], "big"), "?")
                                        for k in range(0, len(raw) - 1, 2)))
            else:
                i += 1
    return "\n".join(part for part in lines if part)
