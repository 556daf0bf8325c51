"""Site search with Pagefind: the filters of an item, and indexing a built site.

Pagefind reads ``data-pagefind-*`` attributes from the built HTML (only item
pages carry ``data-pagefind-body``) and writes a static index under
``pagefind/`` that the search page (``/cari/``) queries in the browser.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
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


# Pages per Pagefind bundle. Pagefind's indexer holds a whole bundle in memory
# (about 150 KB per item page, upstream issue Pagefind/pagefind#842), so a large
# archive is indexed as several bundles, one after the other, which the search
# page merges in the browser (``mergeIndex``): memory stays bounded at any size.
PER_BUNDEL = 2000


def bundel(n_pages: int, per_bundel: int = PER_BUNDEL) -> list[str]:
    """Folders of the search bundles for ``n_pages`` item pages: pagefind/, pagefind-2/, ..."""
    count = max(1, -(-n_pages // per_bundel))
    return [BUNDLE] + [f"{BUNDLE}-{i}" for i in range(2, count + 1)]


async def _indeks(out: Path, pages: list[str], per_bundel: int, staging: Path) -> int:
    from pagefind.index import PagefindIndex

    total = 0
    for i, folder in enumerate(bundel(len(pages), per_bundel)):
        # Pagefind reads a folder: give it one holding just this bundle's pages,
        # hard-linked at their site paths, so result URLs are the site's.
        part = staging / folder
        for rel in pages[i * per_bundel:(i + 1) * per_bundel]:
            (part / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(out / rel, part / rel)
        config = {"force_language": BAHASA, "output_path": str(out / folder)}
        async with PagefindIndex(config=config) as index:
            result = await index.add_directory(str(part))
            total += int(result.get("page_count", 0))
        shutil.rmtree(part)
    return total


def indeks(out: Path, pages: list[str], per_bundel: int = PER_BUNDEL) -> int:
    """Index the item pages (paths relative to ``out``) into ``out/pagefind*/``.

    Runs Pagefind's bundled binary offline, one bundle of at most ``per_bundel``
    pages at a time; returns the number of pages indexed; raises when Pagefind fails.
    """
    out = Path(out).resolve()
    for old in out.glob(BUNDLE + "-*"):
        shutil.rmtree(old)
    with tempfile.TemporaryDirectory(prefix="cari-", dir=out.parent) as staging:
        return asyncio.run(_indeks(out, sorted(pages), per_bundel, Path(staging)))


def terindeks(out: Path) -> bool:
    """Whether ``out`` holds a Pagefind index (the search page needs it)."""
    return (Path(out) / BUNDLE / "pagefind-entry.json").is_file()
