"""Pelican adapter for the feeds (``bawaslu.umpan`` decides, this writes).

- A generator writes every Atom and RSS feed under ``feeds/``, the OPML list
  ``feeds/index.opml`` and the journalists' page ``feeds/`` (template ``umpan``).
- Jinja globals for templates: ``tautan_umpan()`` writes the link tags of the
  feeds a page advertises in ``<head>`` (``umpan_halaman``; base.html, block
  ``feeds``); ``umpan_katalog()`` gives every feed (``.get(key)``, ``.ada(key)``).
  Both read the archive from the template context, so they work whatever order
  signals run in.

base.html calls ``tautan_umpan()``: a build without this plugin fails
("'tautan_umpan' is undefined") instead of publishing a site without feeds.
"""

from __future__ import annotations

import functools
from pathlib import Path

from bawaslu import jalur, proses, tembolok, umpan
from jinja2 import pass_context
from markupsafe import Markup, escape
from pelican import signals
from pelican.generators import Generator

_cache: dict = {}


def katalog_of(context) -> umpan.Katalog:
    """The feed catalogue of the archive in ``context`` (computed once per build)."""
    arsip = context.get("arsip")
    if arsip is None:
        raise RuntimeError("buletin_umpan: arsip belum dibuat; plugin buletin_konten harus aktif")
    if _cache.get("arsip") is not arsip:
        _cache["arsip"] = arsip
        _cache["katalog"] = umpan.katalog(arsip, int(context.get("UMPAN_MAKS_ENTRI", 50)))
    return _cache["katalog"]


def base_url(context) -> str:
    return umpan.asal(context.get("SITEURL", ""), context.get("FEED_DOMAIN"))


def umpan_halaman(ctx) -> list[umpan.Umpan]:
    return katalog_of(ctx).untuk_halaman(
        article=ctx.get("article"), wilayah=ctx.get("wilayah"), category=ctx.get("category"),
        is_feeds_page=bool(ctx.get("halaman_umpan")),
    )


@pass_context
def tautan_umpan(ctx) -> Markup:
    """The ``<link rel="alternate">`` tags of a page's feeds (``umpan_halaman``), Atom
    then RSS for each, as base.html wrote them with a loop of ``url()`` calls: made
    once per feed, since that loop was a seventh of an item page's rendering time
    (cProfile of the render workers, bench/PROFIL.md)."""
    siteurl, sitename = ctx.get("SITEURL", ""), ctx.get("SITENAME", "")
    return Markup("".join(_tautan(u.key, u.judul(sitename), siteurl) for u in umpan_halaman(ctx)))


@functools.lru_cache(maxsize=1 << 12)
def _tautan(key: str, judul: str, siteurl: str) -> str:
    title = escape(judul)
    atom, rss = (escape(jalur.alamat(siteurl, jalur.feed_path(key, f))) for f in ("atom", "rss"))
    return (f'<link rel="alternate" type="application/atom+xml" title="{title} (Atom)" href="{atom}">\n'
            f'<link rel="alternate" type="application/rss+xml" title="{title} (RSS)" href="{rss}">\n')


@pass_context
def umpan_katalog(ctx) -> umpan.Katalog:
    return katalog_of(ctx)


class UmpanGenerator(Generator):
    """Writes the feeds, the OPML file and the /feeds/ page."""

    def generate_output(self, writer):
        kat = katalog_of(self.context)
        base = base_url(self.context)
        sitename = self.settings["SITENAME"]
        out = Path(self.output_path)
        settings = self.settings
        cache_path = Path(settings["CACHE_PATH"]) / "buletin-umpan.pickle"
        digest = tembolok.digest_kode(base, sitename)

        def write_feeds():
            cache = None
            if settings.get("CACHE_CONTENT"):
                cache = tembolok.muat(cache_path, digest) if settings.get("LOAD_CONTENT_CACHE") else {}
            written = umpan.files(kat, base, sitename, cache)
            if cache is not None:
                tembolok.simpan(cache_path, digest, cache)
            written[jalur.OPML] = umpan.opml(kat, base, sitename).encode("utf-8")
            for path, data in written.items():
                target = out / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)

        # The feed files are plain bytes from the catalogue: with buletin_paralel they are
        # built and written by a child process while this one writes the region pages.
        proses.di_latar(write_feeds, settings, "umpan berita")
        writer.write_file(
            jalur.FEEDS_PAGE + "index.html", self.get_template("umpan"), self.context,
            katalog=kat, halaman_umpan=True, opml_path=jalur.OPML, url=jalur.FEEDS_PAGE,
            relative_urls=self.settings["RELATIVE_URLS"],
        )


def add_globals(pelican):
    pelican.settings["JINJA_GLOBALS"] = {
        **pelican.settings.get("JINJA_GLOBALS", {}),
        "tautan_umpan": tautan_umpan,
        "umpan_katalog": umpan_katalog,
    }


def get_generators(pelican):
    return UmpanGenerator


def register():
    signals.initialized.connect(add_globals)
    signals.get_generators.connect(get_generators)
