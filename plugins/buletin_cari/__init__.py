"""Pelican adapter: site search with Pagefind.

- ``article_generator_finalized``: each item gets ``saringan_cari``, its search
  filters (region, type, violation, outcome, year), which article.html writes as
  ``data-pagefind-filter`` attributes.
- ``finalized``: the written site is indexed with Pagefind (Indonesian) into
  ``pagefind/``; a failure fails the build.
"""

from __future__ import annotations

import logging

from bawaslu import cari
from bawaslu.wilayah import registry
from pelican import signals

log = logging.getLogger(__name__)


def add_filters(generator) -> None:
    reg = registry()
    for article in generator.articles + generator.hidden_articles:
        rekord = getattr(article, "rekord", None)
        if rekord:
            article.saringan_cari = cari.saringan(rekord, reg)


def index_site(pelican) -> None:
    pages = cari.indeks(pelican.output_path)
    log.info("Pagefind: %d halaman diindeks untuk pencarian", pages)


def register():
    signals.article_generator_finalized.connect(add_filters)
    signals.finalized.connect(index_site)
