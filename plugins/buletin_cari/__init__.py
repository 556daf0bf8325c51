"""Pelican adapter: site search with Pagefind.

- ``article_generator_finalized``: each item gets ``saringan_cari``, its search
  filters (region, type, violation, outcome, year), which article.html writes as
  ``data-pagefind-filter`` attributes.
- As soon as the item pages are written, Pagefind indexes them (Indonesian)
  into ``pagefind*/`` in a background thread: its binary runs on the second
  core while Python writes the lists, region pages, feeds and data.
- ``finalized``: waits for the index; a failure fails the build.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from bawaslu import cari, tembolok
from bawaslu.wilayah import registry
from pelican import signals

log = logging.getLogger(__name__)

_state: dict = {}  # the current build's indexing thread and its result


def add_filters(generator) -> None:
    reg = registry()
    for article in generator.articles + generator.hidden_articles:
        rekord = getattr(article, "rekord", None)
        if rekord:
            article.saringan_cari = cari.saringan(rekord, reg)
    pages = sorted(a.save_as for a in generator.articles)
    original = generator.generate_articles

    def generate_articles(write):
        original(write)
        start_indexing(generator.settings, generator.output_path, pages)

    generator.generate_articles = generate_articles


def start_indexing(settings, output_path, pages: list[str]) -> None:
    def run():
        try:
            _state["result"] = index(settings, output_path, pages)
        except BaseException as error:  # reported by finish_indexing, in the main thread
            _state["error"] = error

    _state.clear()
    _state["thread"] = threading.Thread(target=run, name="pagefind", daemon=True)
    _state["thread"].start()


def index(settings, output_path, pages: list[str]) -> tuple[int, int]:
    per = int(settings.get("CARI_PER_BUNDEL", cari.PER_BUNDEL))
    cache = Path(settings["CACHE_PATH"]) / "buletin-cari.pickle"
    key = tembolok.digest_kode(str(Path(output_path).resolve()))
    before = tembolok.muat(cache, key) if settings.get("LOAD_CONTENT_CACHE") else {}
    count, digests = cari.indeks(output_path, pages, per, before)
    if settings.get("CACHE_CONTENT"):
        tembolok.simpan(cache, key, digests)
    return count, len(digests)


def finish_indexing(pelican) -> None:
    if "thread" not in _state:
        start_indexing(pelican.settings, pelican.output_path, [])
    _state["thread"].join()
    if "error" in _state:
        raise RuntimeError(f"Pagefind gagal mengindeks situs: {_state['error']}") from _state["error"]
    count, bundles = _state["result"]
    log.info("Pagefind: %d halaman diindeks untuk pencarian (%d bundel)", count, bundles)


def register():
    signals.article_generator_finalized.connect(add_filters)
    signals.finalized.connect(finish_indexing)
