"""The page of an official document (fpdf2): the letterhead on the first page, "Halaman 1 dari
2" and the verification code at the foot of every page, letter header lines, identity blocks,
signature blocks and the verification QR code."""
from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

import segno
from fpdf import FPDF

from .letterhead import Letterhead

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
LEFT, RIGHT = 25.0, 20.0


class Signer(TypedDict):
    """One signature block: the jabatan line, the name and the NIP (18 digits; None: not known,
    printed "NIP -"; "": no NIP line, for a person who is not a civil servant)."""

    role: str
    name: str
    nip: str | None


def nip_text(nip: str | None) -> str:
    """"NIP 19800101 200501 1 001" (grouped 8-6-1-3); "NIP -" when unknown."""
    if not nip or len(nip) != 18 or not nip.isdigit():
        return "NIP -"
    return f"NIP {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


class OfficialPdf(FPDF):
    """An A4 document in the house style of Bapas correspondence."""

    def __init__(self, letterhead: Letterhead, code: str, verify_url: str, title: str):
        super().__init__(format="A4")
        self.letterhead, self.code, self.verify_url = letterhead, code, verify_url
        self.set_margins(LEFT, 15, RIGHT)
        self.set_auto_page_break(True, margin=22)
        if (FONT_DIR / "DejaVuSans.ttf").exists():
            self.add_font("Body", "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.add_font("Body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
            self.family_name = "Body"
        else:  # core font: text limited to Latin-1
            self.family_name = "Helvetica"
        self.set_title(title)
        self.set_creator("POKMAS LIPAS Portal")
        self.set_subject(f"Kode verifikasi {code}")
        self.set_compression(False)
        self.alias_nb_pages()
        self.add_page()

    # -------------------------------------------------------------- page furniture

    def header(self) -> None:
        if self.page_no() != 1:
            return
        for index, line in enumerate(self.letterhead.lines):
            last = index == len(self.letterhead.lines) - 1
            self.text_line(line, bold=True, size=12 if last else 10.5, align="C", height=5.2)
        for line in self.letterhead.contact:
            self.text_line(line, size=8.5, align="C", height=4.2)
        y = self.get_y() + 1.5
        self.set_line_width(0.8)
        self.line(LEFT, y, self.w - RIGHT, y)
        self.set_line_width(0.2)
        self.line(LEFT, y + 1.2, self.w - RIGHT, y + 1.2)
        self.set_y(y + 5)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(self.family_name, "", 8)
        self.cell(0, 5, self._safe(f"Kode verifikasi: {self.code}    Halaman {self.page_no()} "
                                   f"dari {{nb}}"), align="C")

    # -------------------------------------------------------------- text

    def _safe(self, text: str) -> str:
        if self.family_name == "Helvetica":
            return text.encode("latin-1", "replace").decode("latin-1")
        return text

    def text_line(self, text: str, bold: bool = False, size: float = 10.5, align: str = "L",
                  height: float = 5.5) -> None:
        """A paragraph (wrapped) in the body font."""
        self.set_font(self.family_name, "B" if bold else "", size)
        self.multi_cell(0, height, self._safe(text), align=align, new_x="LMARGIN", new_y="NEXT")

    def title_block(self, title: str, number: str | None) -> None:
        """A centred title (upper case) and "Nomor: …" under it."""
        self.text_line(title.upper(), bold=True, size=12, align="C")
        if number:
            self.text_line(f"Nomor: {number}", align="C")
        self.ln(3)

    def fields(self, rows: Sequence[tuple[str, str]], indent: float = 0, label_width: float = 45) -> None:
        """Aligned "Label : value" rows (an identity block, the letter's header lines)."""
        self.set_font(self.family_name, "", 10.5)
        for label, value in rows:
            self.set_x(LEFT + indent)
            self.cell(label_width, 5.5, self._safe(label))
            self.cell(4, 5.5, ":")
            self.multi_cell(0, 5.5, self._safe(value or "-"), align="L", new_x="LMARGIN",
                            new_y="NEXT")

    def letter_header(self, number: str, place_date: str, sifat: str, lampiran: str, hal: str) -> None:
        """Nomor, Sifat, Lampiran, Hal on the left; the place and date on the right."""
        top = self.get_y()
        self.set_font(self.family_name, "", 10.5)
        self.set_xy(self.w - RIGHT - 70, top)
        self.cell(70, 5.5, self._safe(place_date), align="R")
        self.set_xy(LEFT, top)
        self.fields([("Nomor", number), ("Sifat", sifat), ("Lampiran", lampiran), ("Hal", hal)],
                    label_width=22)
        self.ln(4)

    def addressee(self, to: str, place: str) -> None:
        """"Yth. <recipient>" and "di <place>"."""
        self.text_line(f"Yth. {to}")
        self.text_line(f"di {place}")
        self.ln(4)

    def numbered(self, items: Sequence[str], indent: float = 6) -> None:
        """1. …  2. … (wrapped under their own number)."""
        self.set_font(self.family_name, "", 10.5)
        for number, item in enumerate(items, start=1):
            self.set_x(LEFT + indent)
            self.cell(7, 5.5, f"{number}.")
            self.multi_cell(0, 5.5, self._safe(item), align="L", new_x="LMARGIN", new_y="NEXT")

    # -------------------------------------------------------------- signatures and code

    def _block(self, signer: Signer, x: float, y: float, width: float) -> float:
        self.set_xy(x, y)
        self.set_font(self.family_name, "", 10.5)
        self.multi_cell(width, 5.5, self._safe(signer["role"]), align="C", new_x="LEFT", new_y="NEXT")
        self.ln(16)
        self.set_x(x)
        self.set_font(self.family_name, "B", 10.5)
        self.multi_cell(width, 5.5, self._safe(signer["name"]), align="C", new_x="LEFT", new_y="NEXT")
        if signer["nip"] != "":  # "" : not a civil servant (the person examined)
            self.set_x(x)
            self.set_font(self.family_name, "", 10)
            self.multi_cell(width, 5.5, nip_text(signer["nip"]), align="C", new_x="LEFT",
                            new_y="NEXT")
        return self.get_y()

    def signatures(self, signers: Sequence[Signer], place_date: str | None = None) -> None:
        """Signature blocks two to a row; a single signer signs on the right."""
        self.ln(6)
        half = (self.w - LEFT - RIGHT) / 2
        if self.get_y() > self.h - 75:
            self.add_page()
        if place_date:
            self.set_x(LEFT + half)
            self.set_font(self.family_name, "", 10.5)
            self.cell(half, 5.5, self._safe(place_date), align="C", new_x="LMARGIN", new_y="NEXT")
        rows = [list(signers[i:i + 2]) for i in range(0, len(signers), 2)]
        for row in rows:
            if self.get_y() > self.h - 70:
                self.add_page()
            top, bottom = self.get_y(), self.get_y()
            places = [LEFT + half] if len(row) == 1 else [LEFT, LEFT + half]
            for signer, x in zip(row, places, strict=True):
                bottom = max(bottom, self._block(signer, x, top, half))
            self.set_xy(LEFT, bottom + 6)

    def verification(self) -> None:
        """The QR code pointing at the verification page, with the code and the address."""
        if self.get_y() > self.h - 55:
            self.add_page()
        buffer = io.BytesIO()
        segno.make(self.verify_url, error="m").save(buffer, kind="png", scale=4, border=1)
        buffer.seek(0)
        top = self.get_y() + 2
        self.image(buffer, x=LEFT, y=top, w=24, h=24)
        self.set_xy(LEFT + 28, top + 2)
        self.set_font(self.family_name, "", 8.5)
        self.multi_cell(0, 4.5, self._safe(
            f"Kode verifikasi: {self.code}\nPindai kode QR atau buka {self.verify_url} untuk "
            f"memeriksa keaslian dokumen ini."), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_y(top + 26)

    def output_bytes(self) -> bytes:
        """The finished PDF."""
        return bytes(self.output())
