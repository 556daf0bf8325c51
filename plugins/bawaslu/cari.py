"""Site search with Pagefind: the filters of an item, and indexing a built site.

Pagefind reads ``data-pagefind-*`` attributes from the built HTML (only item
pages carry ``data-pagefind-body``) and writes a static index under
``pagefind/`` that the search page (``/cari/``) queries in the browser.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from . import kosakata
from .wilayah import Registry

BAHASA = "id"  # Indonesian stemming
BUNDLE = "pagefind"  # folder of the index, relative to the site root

# Filter names as readers see them on the search page, in display order.
PROVINSI = "Provinsi"
KABKOTA = "Kabupaten/Kota"
JENIS = "Jenis"
PELANGGARAN = "Pelanggaran"
STATUS = "Status"
TAHUN = "Tahun"
FILTERS = (PROVINSI, KABKOTA, JENIS, PELANGGARAN, STATUS, TAHUN)
# Query parameter of each filter on the search page: /cari/?q=...&provinsi=...
PARAMS = {PROVINSI: "provinsi", KABKOTA: "kabkota", JENIS: "jenis",
          PELANGGARAN: "pelanggaran", STATUS: "status", TAHUN: "tahun"}


def saringan(rekord: dict, registry: Registry) -> list[tuple[str, str]]:
    """The search filters of one item, as (name, value) pairs in display order.

    Region: the province (own or parent) and the kabupaten/kota; news of the
    national office has neither. Type, violation and outcome use their
    Indonesian labels; the year is the publication year.
    """
    w = rekord["wilayah"]
    pairs: list[tuple[str, str]] = []
    chain = [w, *registry.ancestors(w)]
    pairs += [(PROVINSI, r.nama) for r in chain if r.tingkat == "provinsi"]
    pairs += [(KABKOTA, r.nama) for r in chain if r.tingkat in ("kabupaten", "kota")]
    pairs.append((JENIS, kosakata.JENIS[rekord["jenis"]]))
    if rekord.get("violation"):
        pairs.append((PELANGGARAN, kosakata.label(rekord["violation"], "violation")))
    if rekord.get("outcome"):
        pairs.append((STATUS, kosakata.label(rekord["outcome"], "outcome")))
    pairs.append((TAHUN, str(rekord["date"].year)))
    return pairs


async def _indeks(out: Path) -> int:
    from pagefind.index import PagefindIndex

    config = {"force_language": BAHASA, "output_path": str(out / BUNDLE)}
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(out))
        return int(result.get("page_count", 0))


def indeks(out: Path) -> int:
    """Index the built site under ``out`` into ``out/pagefind/``; the number of pages indexed.

    Runs Pagefind's bundled binary offline; raises when Pagefind fails.
    """
    out = Path(out).resolve()
    return asyncio.run(_indeks(out))


def terindeks(out: Path) -> bool:
    """Whether ``out`` holds a Pagefind index (the search page needs it)."""
    return (Path(out) / BUNDLE / "pagefind-entry.json").is_file()
