"""Handling-time limits as the law counts them: one table, read by the statistics
and by the methodology page (``/metodologi/``), so the two cannot disagree.

- Pemilu: UU 7/2017 Pasal 454 ayat (7)-(8): a finding or report is followed up at
  most 7 days, or with additional information at most 14 days, *after it is
  received and registered*; Perbawaslu 7/2022 counts these ``hari`` as working
  days. The bulletin cannot tell whether additional information was asked for,
  so it applies the outer limit: 14 working days from ``Registered``.
- Pilkada: UU 1/2015 Pasal 134 ayat (5)-(6): at most 3 days after the report is
  received, plus at most 2 days for additional information: 5 calendar days
  from ``Received``.

Working days are Monday to Friday except Indonesia's national holidays (the
``holidays`` package, category ``public``, which includes the election days)
and cuti bersama (category ``government``): on cuti bersama the civil
servants of Bawaslu's offices take collective leave under the joint decree of
three ministers, so the office is closed; counting those days against an
office would flag it for days it was officially shut (see ``CUTI_BERSAMA``).

A decided record is over the limit when the days counted from the start the
law names to ``Decided`` are strictly more than the limit. Counting starts the
day after the start date (``(start, decided]``), as deadlines "after" an event
are counted. A record the limit cannot be applied to (no start date, e.g. a
Pemilu report that was never registered; an unknown election kind; undecided)
is not assessed.

The contract's ``hari_penanganan`` (Decided - Received, calendar days) is a
different figure and stays as it is; see ``model.Item.hari_penanganan``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta

import holidays

# Cuti bersama count as days off (see the module docstring and /metodologi/).
CUTI_BERSAMA = True
KATEGORI = ("public", "government") if CUTI_BERSAMA else ("public",)


@dataclass(frozen=True, slots=True)
class Batas:
    """The limit of one election kind, and where it comes from."""

    jenis: str  # election kind, the prefix of Election: "pemilu", "pilkada"
    nama: str  # as readers say it: "Pemilu"
    hari: int  # the limit
    hari_kerja: bool  # True: working days; False: calendar days
    mulai: str  # the Item field counting starts from: "registered" or "received"
    dasar: str  # legal basis, as cited
    uraian: str  # one sentence for readers (Indonesian)

    @property
    def satuan(self) -> str:
        return "hari kerja" if self.hari_kerja else "hari kalender"

    @property
    def mulai_label(self) -> str:
        return {"registered": "tanggal diregistrasi", "received": "tanggal diterima"}[self.mulai]

    def lama(self, start: date, end: date) -> int:
        """Days from ``start`` to ``end`` as this limit counts them."""
        return hari_kerja(start, end) if self.hari_kerja else (end - start).days


BATAS: dict[str, Batas] = {
    "pemilu": Batas(
        "pemilu", "Pemilu", 14, True, "registered",
        "UU 7/2017 Pasal 454 ayat (7) dan (8); Perbawaslu 7/2022",
        "Temuan atau laporan ditindaklanjuti paling lama 7 hari, atau 14 hari bila "
        "memerlukan keterangan tambahan, setelah temuan atau laporan diterima dan "
        "diregistrasi; Perbawaslu 7/2022 menghitung hari sebagai hari kerja.",
    ),
    "pilkada": Batas(
        "pilkada", "Pemilihan (pilkada)", 5, False, "received",
        "UU 1/2015 Pasal 134 ayat (5) dan (6)",
        "Laporan ditindaklanjuti paling lama 3 hari setelah diterima, dan paling lama "
        "2 hari lagi bila memerlukan keterangan tambahan; dihitung dalam hari kalender.",
    ),
}


def jenis_pemilihan(election: str) -> str:
    """``pilkada-2024`` -> ``pilkada``: the election kind the limit depends on."""
    return (election or "").split("-", 1)[0]


@functools.cache
def libur(year: int) -> frozenset[date]:
    """Indonesia's days off in ``year`` that fall on a weekday, per ``KATEGORI``."""
    days = holidays.country_holidays("ID", years=year, categories=KATEGORI)
    return frozenset(d for d in days if d.weekday() < 5)


def daftar_libur(year: int) -> list[tuple[date, str]]:
    """(date, Indonesian name) of every day off in ``year``, for the methodology page."""
    days = holidays.country_holidays("ID", years=year, categories=KATEGORI, language="id")
    return sorted(days.items())


def hari_kerja(start: date, end: date) -> int:
    """Working days in ``(start, end]``: the days after ``start`` up to and including
    ``end``, without Saturdays, Sundays, national holidays and cuti bersama.
    0 when ``end <= start``."""
    count = 0
    d = start + timedelta(days=1)
    while d <= end:
        if d.weekday() < 5 and d not in libur(d.year):
            count += 1
        d += timedelta(days=1)
    return count


@dataclass(frozen=True, slots=True)
class Penilaian:
    """A decided record measured against its limit."""

    batas: Batas
    lama: int  # days counted as the limit counts them

    @property
    def melewati(self) -> bool:
        return self.lama > self.batas.hari


def nilai(item, tabel: dict[str, Batas] = BATAS) -> Penilaian | None:
    """The record measured against its election kind's limit; None when not assessed
    (news, undecided, no start date, or a kind without a limit)."""
    if item.jenis != "putusan" or item.decided is None:
        return None
    b = tabel.get(jenis_pemilihan(item.election))
    if b is None:
        return None
    start = getattr(item, b.mulai)
    if start is None:
        return None
    return Penilaian(b, b.lama(start, item.decided))


@dataclass(frozen=True, slots=True)
class Contoh:
    """A worked example for the methodology page, computed, never typed."""

    batas: Batas
    mulai: date
    diputus: date
    lama: int

    @property
    def melewati(self) -> bool:
        return self.lama > self.batas.hari


def contoh(tabel: dict[str, Batas] = BATAS) -> list[Contoh]:
    """Examples on real 2024 dates around a holiday: the last day within each limit
    and the first day over it."""
    out = []
    for jenis, mulai, hari in (("pemilu", date(2024, 5, 6), (date(2024, 5, 30), date(2024, 5, 31))),
                               ("pilkada", date(2024, 11, 27), (date(2024, 12, 2), date(2024, 12, 3)))):
        b = tabel[jenis]
        out += [Contoh(b, mulai, d, b.lama(mulai, d)) for d in hari]
    return out


def halaman_metodologi(years) -> dict:
    """What /metodologi/ shows about the limits: the table, worked examples, and the
    days off of the given years (the years of the decided records)."""
    return {
        "batas": list(BATAS.values()),
        "contoh": contoh(),
        "cuti_bersama": CUTI_BERSAMA,
        "libur": [(y, daftar_libur(y)) for y in sorted(set(years))],
    }
