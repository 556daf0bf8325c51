"""Site search with Pagefind: the filters of an item, and indexing a built site.

Pagefind reads ``data-pagefind-*`` attributes from the built HTML (only item
pages carry ``data-pagefind-body``) and writes a static index under
``pagefind/`` that the search page (``/cari/``) queries in the browser.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from . import kosakata
from .model import Item
from .wilayah import Registry

BAHASA = "id"  # Indonesian stemming
BUNDLE = "pagefind"  # folder of the index, relative to the site root

# The Pagefind binary: npm's pagefind 1.6.0 (package.json; the platform package it
# installs), when node_modules has it. It writes the same index for the same pages,
# so the whole site is byte-identical between builds, and takes less CPU. PyPI's
# newest, pagefind_bin 1.5.2 (the Python package's own binary, the fallback), does
# not: its filter and metadata files vary from run to run (upstream Pagefind/pagefind#638).
NODE_PAGEFIND = Path(__file__).resolve().parents[2] / "node_modules" / "@pagefind"

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


def saringan(item: Item, registry: Registry) -> list[tuple[str, str]]:
    """The search filters of one item, as (name, value) pairs in display order.

    Region: the province (own or parent) and the kabupaten/kota; news of the
    national office has neither. Type, violation and outcome use their
    Indonesian labels; the year is the publication year.
    """
    w = item.wilayah
    pairs: list[tuple[str, str]] = []
    chain = registry.chain(w)
    pairs += [(PROVINSI, r.nama) for r in chain if r.tingkat == "provinsi"]
    pairs += [(KABKOTA, r.nama) for r in chain if r.tingkat in ("kabupaten", "kota")]
    pairs.append((JENIS, kosakata.JENIS[item.jenis]))
    if item.violation:
        pairs.append((PELANGGARAN, kosakata.label(item.violation, "violation")))
    if item.outcome:
        pairs.append((STATUS, kosakata.label(item.outcome, "outcome")))
    pairs.append((TAHUN, str(item.date.year)))
    return pairs


def pilihan(per_item: Iterable[list[tuple[str, str]]]) -> dict[str, list[tuple[str, int]]]:
    """The options of each search filter, from every indexed item's ``saringan``: each
    value with the number of items carrying it (what Pagefind would count), in display
    order: alphabetical, years newest first.

    The search page lists them itself, so that a reader's first search does not fetch
    the filter index of every bundle (at 100,000 items, 300 files and 1.2 MB)."""
    counts: dict[str, Counter] = {name: Counter() for name in FILTERS}
    for pairs in per_item:
        for name, value in set(pairs):
            counts[name][value] += 1
    options = {}
    for name, counter in counts.items():
        values = sorted(counter, key=lambda v: (v.casefold(), v), reverse=name == TAHUN)
        options[name] = [(value, counter[value]) for value in values]
    return options


# Pages per Pagefind bundle. Pagefind's indexer holds a whole bundle in memory
# (about 150 KB per item page, upstream issue Pagefind/pagefind#842), so a large
# archive is indexed as several bundles, one after the other, which the search
# page merges in the browser (``mergeIndex``): memory stays bounded at any size.
PER_BUNDEL = 2000


def bundel(n_pages: int, per_bundel: int = PER_BUNDEL) -> list[str]:
    """Folders of the search bundles for ``n_pages`` item pages: pagefind/, pagefind-2/, ..."""
    count = max(1, -(-n_pages // per_bundel))
    return [BUNDLE] + [f"{BUNDLE}-{i}" for i in range(2, count + 1)]


def biner() -> Path | None:
    """npm's Pagefind binary for this machine, or None (then the Python package's own).

    ``PAGEFIND_BINARY_PATH``, Pagefind's own setting, chooses another binary."""
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return Path(os.environ["PAGEFIND_BINARY_PATH"])
    found = [p for name in ("pagefind_extended", "pagefind_extended.exe")
             for p in sorted(NODE_PAGEFIND.glob(f"*/bin/{name}")) if os.access(p, os.X_OK)]
    return found[0] if found else None


def _digest(out: Path, chunk: list[str]) -> str:
    """Digest of a bundle's pages: their paths and bytes."""
    h = hashlib.sha256()
    for rel in chunk:
        h.update(rel.encode() + b"\0" + hashlib.sha256((out / rel).read_bytes()).digest())
    return h.hexdigest()


def program() -> Path:
    """The Pagefind binary that indexes: ``biner()``, else the Python package's own
    (pagefind_bin), as the Python API would choose it."""
    from pagefind.service import get_executable

    found = biner() or get_executable()
    if found is None:
        raise RuntimeError("program Pagefind tidak ditemukan: jalankan `make html` untuk memasangnya")
    return found


def _index_one(out: Path, folder: str, chunk: list[str], staging: Path) -> int | None:
    # Pagefind reads a folder: give it one holding just this bundle's pages, at their
    # site paths, so result URLs are the site's: each page as Pagefind needs it
    # (``inti``), in memory (``sementara``) or beside the site.
    part = staging / folder
    for rel in chunk:
        (part / rel).parent.mkdir(parents=True, exist_ok=True)
        (part / rel).write_bytes(inti((out / rel).read_bytes()))
    shutil.rmtree(out / folder, ignore_errors=True)
    # The command line, not the Python API: the API drives the same binary as a
    # service, which wrote the same bundle bytes with about a quarter more CPU
    # (bench/PROFIL.md). Run in the staging folder, without PAGEFIND_* variables, so
    # no pagefind.yml of the working directory or setting of the shell changes the index.
    run = subprocess.run(
        [str(program()), "--site", str(part), "--output-path", str(out / folder),
         "--force-language", BAHASA, "--quiet"],
        cwd=part, env={k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")},
        stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace", check=False)
    if run.returncode != 0:
        raise RuntimeError(f"Pagefind berhenti dengan kode {run.returncode}: "
                           f"{(run.stdout + run.stderr).strip()[-2000:]}")
    return halaman(out, folder)  # None: not written whole


# What Pagefind reads of a page outside its data-pagefind-body element, besides <head>
# and the lang of <html>: data-pagefind-* attributes (filters, metadata, ...), the first
# <h1> (a default title) and the first <img> after a title (a default image).
_DIBACA_DI_LUAR = re.compile(rb"data-pagefind|<h1|<img", re.IGNORECASE)


def inti(page: bytes) -> bytes:
    """An item page as Pagefind needs it: without the site's header, navigation and
    footer around its ``data-pagefind-body`` element, which Pagefind parses and then
    ignores (about 6% of its instructions on 2,000 item pages, bench/PROFIL.md). The
    index is the same bytes; a page where what would be left out holds anything
    Pagefind reads (``_DIBACA_DI_LUAR``), or that is not shaped so, is kept whole."""
    try:
        body = page.index(b">", page.index(b"<body")) + 1
        start = page.rindex(b"<", body, page.index(b"data-pagefind-body", body))
        tag = re.match(rb"<([A-Za-z][A-Za-z0-9-]*)", page[start:]).group(1)
        end = page.rindex(b"</" + tag + b">") + len(tag) + 3
        close = page.rindex(b"</body>")
    except (ValueError, AttributeError):
        return page
    if not start < end <= close or _DIBACA_DI_LUAR.search(page, body, start) \
            or _DIBACA_DI_LUAR.search(page, end, close):
        return page
    return page[:body] + page[start:end] + page[close:]


MEMORI = Path("/dev/shm")  # Linux's shared memory file system (tmpfs), where there is one


def sementara(out: Path) -> Path:
    """Where a bundle's pages are staged for Pagefind: in memory (``MEMORI``) when the
    machine has it, else beside the site (``out``'s parent).

    Not on the site's disk when possible: a folder per page is created and removed
    again for every bundle (10,000 at 10,000 items), and on an ext4 disk without a
    journal (as on the benchmark machine) every inode freed in the last minutes is
    looked at again each time a file or folder is created, so those removals made
    the rest of the build's writes slower (bench/PROFIL.md)."""
    if MEMORI.is_dir() and os.access(MEMORI, os.W_OK | os.X_OK):
        return MEMORI
    return Path(out).parent


def _cap(out: Path, chunk: list[str]) -> str:
    """Digest of a bundle's pages as the file system lists them: path, size and time of
    last change of each (no page read)."""
    h = hashlib.sha256()
    for rel in chunk:
        st = os.stat(out / rel)
        h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def indeks_bundel(out: Path, folder: str, chunk: list[str], sebelumnya: tuple[str, str] | None = None,
                  sidik: bool = True) -> tuple[int, tuple[str, str]]:
    """Index one bundle: the pages ``chunk`` (paths relative to ``out``) into ``out/folder``.

    ``sebelumnya``: the bundle's (stamp, digest) in the previous build into the same
    folder (warm rebuilds). Pages none of which was written again since (same stamp:
    sizes and modification times) keep their index without being read; pages written
    again with the same bytes (same digest) keep it too. Returns the number of pages
    indexed now and the bundle's (stamp, digest) (empty with ``sidik=False``: a build
    that keeps no cache reads no page twice); raises when Pagefind fails.
    """
    out = Path(out).resolve()
    stamp = _cap(out, chunk) if sidik or sebelumnya else ""
    if sebelumnya and stamp == sebelumnya[0] and utuh(out, folder):
        return 0, sebelumnya
    digest = _digest(out, chunk) if sidik or sebelumnya else ""
    if sebelumnya and digest == sebelumnya[1] and utuh(out, folder):
        return 0, (stamp, digest)
    def index_in(tempat: Path) -> int | None:
        with tempfile.TemporaryDirectory(prefix="cari-", dir=tempat) as staging:
            return _index_one(out, folder, chunk, Path(staging))

    tempat = sementara(out)
    try:
        n = index_in(tempat)
    except OSError:
        if tempat == out.parent:
            raise
        n = index_in(out.parent)  # memory full (a small /dev/shm): beside the site
    if n is None:  # Pagefind said it was done, but its entry file does not parse
        raise RuntimeError(f"{folder}/pagefind-entry.json kosong atau rusak setelah Pagefind selesai")
    return n, (stamp, digest)


def bersihkan(out: Path, keep) -> None:
    """Remove the bundles of an earlier, larger build."""
    for old in Path(out).glob(BUNDLE + "*"):
        if old.is_dir() and old.name not in keep:
            shutil.rmtree(old)


def terindeks(out: Path, folder: str = BUNDLE) -> bool:
    """Whether ``out`` holds a Pagefind index (the search page needs it)."""
    return (Path(out) / folder / "pagefind-entry.json").is_file()


def halaman(out: Path, folder: str) -> int | None:
    """The number of pages in the index in ``out/folder``, or None when it was not
    written whole (its entry file does not parse)."""
    import json

    try:
        entry = json.loads((Path(out) / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        count = entry["languages"][BAHASA]["page_count"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return count if isinstance(count, int) and count >= 0 else None


def utuh(out: Path, folder: str) -> bool:
    """Whether the index in ``out/folder`` was written whole (its entry file parses)."""
    return halaman(out, folder) is not None


_GABUNG = re.compile(r'data-gabung="([^"]*)"')


def bundel_terbit(out: Path) -> list[str]:
    """The bundle folders the built search page (``cari/index.html``) loads."""
    page = Path(out) / "cari" / "index.html"
    text = page.read_text(encoding="utf-8") if page.is_file() else ""
    extra = _GABUNG.search(text)
    paths = extra.group(1).split() if extra else []
    return [BUNDLE] + [urlsplit(p).path.rstrip("/").rsplit("/", 1)[-1] for p in paths]

