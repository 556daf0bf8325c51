"""The region registry: 38 provinces and 514 kabupaten/kota, plus the national office.

Loaded from ``data/wilayah.csv`` (see ``data/README.md`` for its source).
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

DATA = Path(__file__).parent / "data" / "wilayah.csv"
NASIONAL = "ID"


@dataclass(frozen=True, slots=True)
class Wilayah:
    kode: str  # Kemendagri code ("13", "13.75"), or "ID" for the national level
    nama: str  # official name ("Kota Bukittinggi")
    tingkat: str  # "nasional", "provinsi", "kabupaten" or "kota"
    induk: str | None  # parent's code; None for the national level
    slug: str  # stable URL slug, from the official name

    @property
    def url(self) -> str:
        """Site-relative URL of the region's page."""
        return "wilayah/" if self.kode == NASIONAL else f"wilayah/{self.slug}/"

    @property
    def is_nasional(self) -> bool:
        return self.kode == NASIONAL

    @property
    def kantor(self) -> str:
        """The office of the region: "Bawaslu Kota Bukittinggi"."""
        if self.tingkat == "nasional":
            return "Bawaslu Republik Indonesia"
        if self.tingkat == "provinsi":
            return f"Bawaslu Provinsi {self.nama}"
        return f"Bawaslu {self.nama}"

    def __reduce__(self):
        # A region sent between processes (buletin_paralel) or cached comes back as the
        # registry's own object: one per region, however many items name it.
        return _wilayah, (self.kode, self.nama, self.tingkat, self.induk, self.slug)


def _wilayah(*fields) -> Wilayah:
    known = registry().by_kode.get(fields[0])
    if known is not None and (known.kode, known.nama, known.tingkat, known.induk, known.slug) == fields:
        return known
    return Wilayah(*fields)


def normalise(name: str) -> str:
    """Fold the ways staff write a region name into one key."""
    text = " ".join(name.lower().replace(".", ". ").split())
    text = re.sub(r"^kab\.?\s+", "kabupaten ", text)
    text = re.sub(r"^(kabupaten|kota)\s+(administrasi|adm\.?)\s+", r"\1 ", text)
    return text.replace(" .", ".").strip()


class Registry:
    """Lookup of regions by code or name, with parents and children."""

    def __init__(self, rows: list[dict[str, str]]):
        nasional = Wilayah(NASIONAL, "Nasional", "nasional", None, "nasional")
        self.by_kode: dict[str, Wilayah] = {NASIONAL: nasional}
        for row in rows:
            induk = row["induk"].strip() or NASIONAL
            nama = row["nama"].strip()
            self.by_kode[row["kode"].strip()] = Wilayah(
                row["kode"].strip(), nama, row["tingkat"].strip(), induk, slugify(nama)
            )
        self.by_name: dict[str, Wilayah] = {}
        for w in self.by_kode.values():
            self.by_name[normalise(w.nama)] = w
        self.by_name["nasional"] = nasional
        self.by_slug = {w.slug: w for w in self.by_kode.values()}
        self._children: dict[str, list[Wilayah]] = {}
        for w in self.by_kode.values():
            if w.induk is not None:
                self._children.setdefault(w.induk, []).append(w)
        for kids in self._children.values():
            kids.sort(key=lambda w: w.kode)
        # Each region's parents up to the national level, nearest first: computed once.
        self._ancestors: dict[str, tuple[Wilayah, ...]] = {}
        for w in self.by_kode.values():
            chain, up = [], w
            while up.induk is not None:
                up = self.by_kode[up.induk]
                chain.append(up)
            self._ancestors[w.kode] = tuple(chain)

    @property
    def nasional(self) -> Wilayah:
        return self.by_kode[NASIONAL]

    def get(self, kode: str) -> Wilayah:
        return self.by_kode[kode]

    def resolve(self, text: str) -> Wilayah | None:
        """A region from a code (``13.75``), a name (``Kab. Agam``) or ``nasional``."""
        text = (text or "").strip()
        if text in self.by_kode:
            return self.by_kode[text]
        return self.by_name.get(normalise(text))

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Official names closest to a misspelt or bare one (``agam`` -> ``Kabupaten Agam``),
        best first."""
        key = normalise(text)
        bare = [w.nama for w in self.by_kode.values()
                if normalise(re.sub(r"^(Kabupaten|Kota|Provinsi)\s+", "", w.nama)) == key]
        names = difflib.get_close_matches(key, self.by_name.keys(), n=n, cutoff=0.6)
        near = [self.by_name[k].nama for k in names]
        return list(dict.fromkeys(sorted(bare) + near))[:max(n, len(bare))]

    def parent(self, w: Wilayah) -> Wilayah | None:
        return self.by_kode[w.induk] if w.induk else None

    def ancestors(self, w: Wilayah) -> tuple[Wilayah, ...]:
        """The region's parents up to the national level, nearest first."""
        return self._ancestors[w.kode]

    def chain(self, w: Wilayah) -> tuple[Wilayah, ...]:
        """The region itself, then its parents up to the national level."""
        return (w, *self._ancestors[w.kode])

    def children(self, w: Wilayah) -> list[Wilayah]:
        return self._children.get(w.kode, [])

    def provinces(self) -> list[Wilayah]:
        return self.children(self.nasional)


@functools.cache
def registry() -> Registry:
    with DATA.open(encoding="utf-8", newline="") as f:
        return Registry(list(csv.DictReader(f)))
