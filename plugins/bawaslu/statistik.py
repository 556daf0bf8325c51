"""Per-region statistics: every figure of the region pages and the open data, in one pass.

``hitung(items, registry, batas)`` walks the items once. Each item is added to its
own region and to every ancestor (a province includes its kabupaten/kota; the
national level ``ID`` includes everything, the national office's own items too).

Definitions (the methodology page explains them to readers):

- counts of case records by Source, Violation, Subject and Outcome, and of
  forwarded records by institution (a record forwarded to two institutions
  counts once for each); counts of news by Activity;
- per month: case records by the month of ``Received``, news by the month of
  their publication ``Date``;
- handling time (``hari_penanganan``): ``Decided - Received`` in calendar days
  (weekends and holidays count), over decided records only; median as
  ``statistics.median`` (x.5 with an even number of records) and maximum;
- the legal limit (``bawaslu.batas``): how many decided records could be
  measured against the limit of their election kind (``batas_dinilai``) and how
  many of them took longer, counted as the law counts (``melewati_batas``;
  Pemilu in working days from Registered, Pilkada in calendar days from Received);
- the trend: case records per month of Received over the last ``BULAN_TREN``
  months up to the newest month of the whole archive (the same window for every
  region, empty months as zeros).
"""

from __future__ import annotations

import functools
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup, escape

from . import batas as batas_mod
from . import kosakata
from .batas import Batas, jenis_pemilihan  # noqa: F401 (jenis_pemilihan: re-exported)
from .model import Item
from .tanggal import bulan
from .wilayah import NASIONAL, Registry, Wilayah

# Which vocabulary each counted dimension uses, in the order of the vocabularies.
DIMENSI = {
    "sumber": "source",
    "pelanggaran": "violation",
    "subjek": "subject",
    "status": "outcome",
    "diteruskan_ke": "forwarded_to",
    "kegiatan": "activity",
}
_VOCAB = {"source": kosakata.SOURCE, "violation": kosakata.VIOLATION,
          "subject": kosakata.SUBJECT, "outcome": kosakata.OUTCOME,
          "forwarded_to": kosakata.FORWARDED_TO, "activity": kosakata.ACTIVITY}


def _zeros(kind: str) -> dict[str, int]:
    return dict.fromkeys(_VOCAB[kind], 0)


BULAN_TREN = 24  # months in the trend chart


def median(values: list[int]) -> int | float | None:
    """``statistics.median``; a whole number is returned as int (5, not 5.0)."""
    if not values:
        return None
    m = statistics.median(values)
    return int(m) if m == int(m) else m


@dataclass(slots=True)
class Statistik:
    """The figures of one region (its own items and its descendants')."""

    wilayah: Wilayah
    putusan_total: int = 0
    berita_total: int = 0
    sumber: dict[str, int] = field(default_factory=lambda: _zeros("source"))
    pelanggaran: dict[str, int] = field(default_factory=lambda: _zeros("violation"))
    subjek: dict[str, int] = field(default_factory=lambda: _zeros("subject"))
    status: dict[str, int] = field(default_factory=lambda: _zeros("outcome"))
    diteruskan_ke: dict[str, int] = field(default_factory=lambda: _zeros("forwarded_to"))
    kegiatan: dict[str, int] = field(default_factory=lambda: _zeros("activity"))
    # "YYYY-MM" -> count; case records by Received, news by Date.
    putusan_per_bulan: dict[str, int] = field(default_factory=dict)
    berita_per_bulan: dict[str, int] = field(default_factory=dict)
    hari: list[int] = field(default_factory=list)  # handling days of decided records
    batas_dinilai: int = 0  # decided records measured against their kind's legal limit
    melewati_batas: int = 0  # ... and of those, the ones over it

    # Derived, after the pass (see ``selesai``).
    diputus: int = 0
    hari_median: int | float | None = None
    hari_maks: int | None = None

    def selesai(self) -> Statistik:
        self.diputus = len(self.hari)
        self.hari_median = median(self.hari)
        self.hari_maks = max(self.hari) if self.hari else None
        self.putusan_per_bulan = dict(sorted(self.putusan_per_bulan.items()))
        self.berita_per_bulan = dict(sorted(self.berita_per_bulan.items()))
        return self

    @property
    def persen_melewati(self) -> float | None:
        """Share (per cent, one decimal) of the assessed records over the limit; None
        when none could be assessed."""
        if not self.batas_dinilai:
            return None
        return round(100 * self.melewati_batas / self.batas_dinilai, 1)

    @property
    def persen_bulat(self) -> int | None:
        """The same share as a whole per cent, halves rounded up (exact integer arithmetic):
        what the comparison tables show; recomputable from the CSV's batas_* columns."""
        if not self.batas_dinilai:
            return None
        return (200 * self.melewati_batas + self.batas_dinilai) // (2 * self.batas_dinilai)

    def tren(self, akhir: str | None, n: int = BULAN_TREN) -> list[tuple[str, str, int]]:
        """(``YYYY-MM``, month label, case records received) for the ``n`` months up to
        ``akhir`` (``YYYY-MM``), oldest first, empty months as 0; [] without ``akhir``."""
        if not akhir:
            return []
        y, m = map(int, akhir.split("-"))
        months = []
        for _ in range(n):
            months.append((y, m))
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        return [(f"{y:04d}-{m:02d}", _label_bulan(y, m),
                 self.putusan_per_bulan.get(f"{y:04d}-{m:02d}", 0)) for y, m in reversed(months)]

    @property
    def ada_isi(self) -> bool:
        return bool(self.putusan_total or self.berita_total)

    def baris(self, dimensi: str) -> list[tuple[str, int]]:
        """(Indonesian label, count) in vocabulary order: ``s.baris("sumber")``."""
        kind = DIMENSI[dimensi]
        return [(kosakata.label(k, kind), v) for k, v in getattr(self, dimensi).items()]

    def bulan(self) -> list[tuple[str, int, int]]:
        """(month label, news, case records) for every month from the first to the
        last month with an item, empty months included, oldest first."""
        keys = sorted(set(self.putusan_per_bulan) | set(self.berita_per_bulan))
        if not keys:
            return []
        out = []
        y, m = map(int, keys[0].split("-"))
        last = tuple(map(int, keys[-1].split("-")))
        while (y, m) <= last:
            key = f"{y:04d}-{m:02d}"
            out.append((_label_bulan(y, m), self.berita_per_bulan.get(key, 0),
                        self.putusan_per_bulan.get(key, 0)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def baris_bulan(self, jenis: str) -> list[tuple[str, int]]:
        """(month label, count) of ``"berita"`` or ``"putusan"``, as ``bulan()``."""
        col = 1 if jenis == "berita" else 2
        return [(row[0], row[col]) for row in self.bulan()]


def angka(value: float | None) -> str:
    """A figure as Indonesian readers write it: ``10.000``, ``5,5``; "–" for none.
    Also the Jinja filter ``angka``."""
    if value is None:
        return "–"
    # Python's "," grouping and "." decimal point, swapped (as babel's "id" locale
    # does, without its cost: this runs for every figure of every page).
    return f"{value:,}".translate(_ID_SEPARATORS)


_ID_SEPARATORS = str.maketrans({",": ".", ".": ","})


def garis_miring(text: str) -> Markup:
    """Text with a line-break opportunity (``<wbr>``) after every "/", escaped: a
    register ``002/Reg/LP/PB/Kota/03.13/X/2024`` wraps at its slashes on a phone
    instead of mid-number. Also the Jinja filter ``garis_miring``."""
    return Markup("/<wbr>").join(escape(part) for part in str(text or "").split("/"))


@functools.cache
def _label_bulan(y: int, m: int) -> str:
    return bulan(date(y, m, 1))


class Rekap:
    """Statistics of every region with content, of each of their ancestors and of
    the national level (always present, zero when there is no content)."""

    def __init__(self, by_kode: dict[str, Statistik], registry: Registry):
        self.by_kode = by_kode
        self.registry = registry
        # The trend's last month: the newest month with a case record anywhere.
        self.bulan_akhir = max(self.nasional.putusan_per_bulan, default=None)

    @property
    def nasional(self) -> Statistik:
        return self.by_kode[NASIONAL]

    def of(self, w: Wilayah) -> Statistik:
        """The region's figures; zeros for a region without content."""
        found = self.by_kode.get(w.kode)
        return found if found is not None else Statistik(w).selesai()

    def rows(self) -> list[Statistik]:
        """National first, then by code (a province before its kabupaten/kota)."""
        return [self.by_kode[k] for k in sorted(self.by_kode, key=lambda k: (k != NASIONAL, k))]

    def tren(self, w: Wilayah) -> list[tuple[str, str, int]]:
        """The region's case records per month over the common trend window."""
        return self.of(w).tren(self.bulan_akhir)

    def banding(self, regions: Iterable[Wilayah]) -> list[tuple[Wilayah, Statistik]]:
        """Regions side by side with their figures (zeros without content), in the order given."""
        return [(w, self.of(w)) for w in regions]


def hitung(items: Iterable[Item], registry: Registry,
           batas: Mapping[str, Batas] = batas_mod.BATAS) -> Rekap:
    """All figures of all regions, in one pass over the items."""
    by_kode: dict[str, Statistik] = {NASIONAL: Statistik(registry.nasional)}
    chains: dict[str, list[Statistik]] = {}
    for item in items:
        w = item.wilayah
        targets = chains.get(w.kode)
        if targets is None:
            targets = []
            for region in registry.chain(w):
                s = by_kode.get(region.kode)
                if s is None:
                    s = by_kode[region.kode] = Statistik(region)
                targets.append(s)
            chains[w.kode] = targets
        if item.jenis == "putusan":
            month = item.received.strftime("%Y-%m") if item.received else item.date.strftime("%Y-%m")
            days = item.hari_penanganan
            nilai = batas_mod.nilai(item, batas)
            for s in targets:
                s.putusan_total += 1
                s.sumber[item.source] = s.sumber.get(item.source, 0) + 1
                s.pelanggaran[item.violation] = s.pelanggaran.get(item.violation, 0) + 1
                s.subjek[item.subject] = s.subjek.get(item.subject, 0) + 1
                s.status[item.outcome] = s.status.get(item.outcome, 0) + 1
                for dest in item.forwarded_to:
                    s.diteruskan_ke[dest] = s.diteruskan_ke.get(dest, 0) + 1
                s.putusan_per_bulan[month] = s.putusan_per_bulan.get(month, 0) + 1
                if days is not None:
                    s.hari.append(days)
                if nilai is not None:
                    s.batas_dinilai += 1
                    s.melewati_batas += int(nilai.melewati)
        else:
            month = item.date.strftime("%Y-%m")
            for s in targets:
                s.berita_total += 1
                s.kegiatan[item.activity] = s.kegiatan.get(item.activity, 0) + 1
                s.berita_per_bulan[month] = s.berita_per_bulan.get(month, 0) + 1
    for s in by_kode.values():
        s.selesai()
    return Rekap(by_kode, registry)
