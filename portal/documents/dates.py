"""Dates as official documents write them: Babel's Indonesian month and weekday names, and the
BAP's opening with the day and the year in words (num2words, cardinal: never to='ordinal')."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from num2words import num2words

LOCALE = "id"


def long_date(day: dt.date | None) -> str:
    """"2 Desember 2026" (the place-and-date line, dates in the text); "-" when unknown."""
    return format_date(day, "d MMMM y", locale=LOCALE) if day else "-"


def weekday_date(day: dt.date) -> str:
    """"Rabu, 2 Desember 2026"."""
    return format_date(day, "EEEE, d MMMM y", locale=LOCALE)


def words(number: int) -> str:
    """A cardinal number in Indonesian words: 2026 -> "dua ribu dua puluh enam"."""
    return str(num2words(number, lang=LOCALE))


def opening(day: dt.date) -> str:
    """"Pada hari ini Rabu tanggal dua bulan Desember tahun dua ribu dua puluh enam
    (02-12-2026)" — the opening of a berita acara."""
    return (f"Pada hari ini {format_date(day, 'EEEE', locale=LOCALE)} tanggal {words(day.day)} "
            f"bulan {format_date(day, 'MMMM', locale=LOCALE)} tahun {words(day.year)} "
            f"({day.strftime('%d-%m-%Y')})")
