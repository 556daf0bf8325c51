"""The map of the 38 provinces: a tile grid, one equal tile per province laid out
roughly as the islands lie, shaded by a figure (``bawaslu.statistik``).

A tile grid needs no boundary data, so it has no licence to track and does not
go stale when provinces are split (Papua's six of 2022 are six tiles); every
province has the same weight on the map, whatever its area. The template
(``_grafik.html``, macro ``peta``) draws it; this module decides the layout and
the shading classes.

Tile labels are the ISO 3166-2:ID subdivision codes (``AC`` for Aceh); each tile
is a link whose accessible name is the province's name and figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .statistik import Statistik
from .wilayah import Wilayah

# kode -> (column, row, ISO 3166-2:ID code); 14 columns x 7 rows.
GRID: dict[str, tuple[int, int, str]] = {
    "11": (0, 0, "AC"), "12": (1, 1, "SU"), "21": (3, 1, "KR"), "13": (1, 2, "SB"),
    "14": (2, 2, "RI"), "17": (1, 3, "BE"), "15": (2, 3, "JA"), "19": (3, 3, "BB"),
    "16": (2, 4, "SS"), "18": (2, 5, "LA"),
    "36": (3, 5, "BT"), "31": (4, 4, "JK"), "32": (4, 5, "JB"), "33": (5, 5, "JT"),
    "34": (5, 6, "YO"), "35": (6, 5, "JI"), "51": (7, 5, "BA"), "52": (8, 5, "NB"),
    "53": (9, 5, "NT"),
    "61": (4, 2, "KB"), "62": (5, 2, "KT"), "64": (6, 2, "KI"), "65": (6, 1, "KU"),
    "63": (6, 3, "KS"),
    "75": (8, 1, "GO"), "71": (9, 1, "SA"), "72": (8, 2, "ST"), "76": (7, 3, "SR"),
    "73": (8, 3, "SN"), "74": (9, 3, "SG"),
    "82": (10, 1, "MU"), "81": (10, 3, "MA"),
    "96": (11, 2, "PD"), "92": (12, 2, "PB"), "91": (13, 2, "PA"), "94": (12, 3, "PT"),
    "95": (13, 3, "PE"), "93": (13, 4, "PS"),
}
KOLOM, BARIS = 14, 7
UBIN = 25  # tile pitch in SVG units (the tile is 2 units smaller: a gap between tiles)

# Shading, lightest to darkest; text colour chosen for contrast on each (>= 4.5:1).
WARNA = ("#f4f4f2", "#f3c7c0", "#e08a80", "#b8453a", "#7a1010")
TEKS = ("#1b1b1b", "#1b1b1b", "#1b1b1b", "#ffffff", "#ffffff")


@dataclass(frozen=True, slots=True)
class Ubin:
    wilayah: Wilayah
    stat: Statistik
    x: int
    y: int
    kode_iso: str
    kelas: int  # index into WARNA / the legend

    @property
    def warna(self) -> str:
        return WARNA[self.kelas]

    @property
    def teks(self) -> str:
        return TEKS[self.kelas]


@dataclass(frozen=True, slots=True)
class Kelas:
    label: str  # "1–3"
    warna: str


@dataclass(frozen=True, slots=True)
class Peta:
    ubin: list[Ubin]
    legenda: list[Kelas]
    lebar: int = KOLOM * UBIN
    tinggi: int = BARIS * UBIN


def kelas_batas(maks: int, n: int = len(WARNA) - 1) -> list[tuple[int, int]]:
    """Ranges (low, high) of the non-zero classes: ``n`` equal-width ranges over
    1..maks, fewer when maks is small (never an empty range)."""
    if maks <= 0:
        return []
    step = math.ceil(maks / n)
    ranges, low = [], 1
    while low <= maks:
        ranges.append((low, min(low + step - 1, maks)))
        low += step
    return ranges


def peta(banding: list[tuple[Wilayah, Statistik]]) -> Peta:
    """The tile map of the provinces in ``banding`` (Wilayah, Statistik), shaded by
    their number of case records."""
    maks = max((s.putusan_total for _, s in banding), default=0)
    ranges = kelas_batas(maks)

    def kelas(n: int) -> int:
        return next((i + 1 for i, (lo, hi) in enumerate(ranges) if lo <= n <= hi), 0)

    ubin = [Ubin(w, s, GRID[w.kode][0] * UBIN, GRID[w.kode][1] * UBIN, GRID[w.kode][2],
                 kelas(s.putusan_total)) for w, s in banding if w.kode in GRID]
    legenda = [Kelas("0", WARNA[0])] + [
        Kelas(f"{lo}" if lo == hi else f"{lo}–{hi}", WARNA[i + 1]) for i, (lo, hi) in enumerate(ranges)]
    return Peta(ubin, legenda)
