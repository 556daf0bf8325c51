"""Pelican adapter: site search with Pagefind.

- ``article_generator_finalized``: each item gets ``saringan_cari``, its search
  filters (region, type, violation, outcome, year), which article.html writes as
  ``data-pagefind-filter`` attributes.
- ``finalized``: the written site is indexed with Pagefind (Indonesian) into
  ``pagefind/``; a failure fails the build.
"""

from __future__ import annotations

import logging

from pathlib import Path

from bawaslu import cari, tembolok
from bawaslu.wilayah import registry
from pelican import signals

log = logging.getLogger(__name__)


_pages: list[str] = []  # item pages of the current build, to index


def add_filters(generator) -> None:
    reg = registry()
    _pages[:] = sorted(a.save_as for a in generator.articles)
    for article in generator.articles + generator.hidden_articles:
        rekord = getattr(article, "rekord", None)
        if rekord:
            article.saringan_cari = cari.saringan(rekord, reg)


def index_site(pelican) -> None:
    settings = pelican.settings
    per = int(settings.get("CARI_PER_BUNDEL", cari.PER_BUNDEL))
    cache = Path(settings["CACHE_PATH"]) / "buletin-cari.pickle"
    key = tembolok.digest_kode(str(Path(pelican.output_path).resolve()))
    before = tembolok.muat(cache, key) if settings.get("LOAD_CONTENT_CACHE") else {}
    pages, digests = cari.indeks(pelican.output_path, _pages, per, before)
    if settings.get("CACHE_CONTENT"):
        tembolok.simpan(cache, key, digests)
    log.info("Pagefind: %d halaman diindeks untuk pencarian (%d bundel)", pages, len(digests))


def register():
    signals.article_generator_finalized.connect(add_filters)
    signals.finalized.connect(index_site)
