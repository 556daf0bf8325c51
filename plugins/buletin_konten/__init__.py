"""Pelican adapter: one strict reader for every content file, and the build's verdict.

- ``BuletinReader`` reads each Markdown file once (bytes, never through a
  symbolic link) and hands it to ``bawaslu.skema.baca``, the one schema. A
  valid file becomes an article or page carrying its typed record as
  ``article.item`` (a ``bawaslu.model.Item``); Pelican only gets the metadata it
  needs to place the page (title, dates, tags, status, URL). A file with
  problems becomes an unwritten draft carrying them (``masalah``).
- ``article_generator_finalized``: the ``Arsip`` groupings are built once from
  the published items, for templates and the other plugins.
- ``page_generator_finalized`` (every file read, nothing written yet): every
  problem of every file, plus the site-wide rules, is printed as
  ``path:line: message`` and the build stops with exit status 1.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from bawaslu import bersih, blok, daftarisi, konten, sebaris, skema
from bawaslu.arsip import Arsip, urutan_terbaru
from bawaslu.wilayah import registry
from markdown import Markdown
from pelican import signals
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

log = logging.getLogger(__name__)


class KontenTidakValid(SystemExit):
    """Raised once, after every problem was printed: the build must fail.

    A SystemExit, not an Exception: Pelican logs an Exception with an English
    traceback after the messages; this ends the build with exit status 1 and
    the one Indonesian line."""


def shown_path(path: Path | str) -> str:
    """A path as staff see it in messages: relative to where they run the build."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def markdown_settings(settings) -> dict:
    """Pelican's MARKDOWN setting without the meta extension: the schema reads headers."""
    config = dict(settings["MARKDOWN"])
    config["extension_configs"] = {
        name: options for name, options in config.get("extension_configs", {}).items()
        if name not in ("markdown.extensions.meta", "meta")}
    # As Pelican's own reader does: every configured extension is loaded.
    config["extensions"] = [e for e in dict.fromkeys([*config.get("extensions", []),
                                                      *config["extension_configs"]])
                            if e not in ("markdown.extensions.meta", "meta")]
    return config


class BuletinReader(BaseReader):
    """Every Markdown file, read once through the schema, with one Markdown instance."""

    enabled = True
    file_extensions = [ext.lstrip(".") for ext in skema.MARKDOWN_EXTENSIONS]

    def __init__(self, settings):
        super().__init__(settings)
        self._md: Markdown | None = None
        self._ctx: skema.Konteks | None = None
        # Results of ``baca`` computed ahead, by absolute path (buletin_paralel's workers).
        self.terbaca: dict[str, object] = {}
        # One Tag and one Category object per name for the whole site (not one per
        # article): each computes its slug once, and a large archive holds fewer objects.
        self._wrappers: dict[tuple[str, str], object] = {}

    def markdown(self, text: str) -> str:
        if self._md is None:
            self._md = Markdown(**markdown_settings(self.settings))
            if not sebaris.pasang(self._md):  # the same HTML either way; only slower
                log.debug("buletin_konten: pola sebaris Markdown tidak dikenal, jalur cepat tidak dipasang")
            daftarisi.pasang(self._md)  # the same HTML; no table of contents built for nothing
            blok.pasang(self._md)  # the same HTML; block processors skip blocks they cannot match
        self._md.reset()
        return self._md.convert(text)

    def context(self) -> skema.Konteks:
        if self._ctx is None:
            self._ctx = konten.konteks(Path(self.settings["PATH"]), self.settings, self.markdown)
        return self._ctx

    def baca(self, source_path):
        """The schema's result for one file: an ``Item`` or its problems (``Ditolak``)."""
        root = Path(self.settings["PATH"])
        rel = Path(os.path.relpath(source_path, root)).as_posix()
        return konten.baca_berkas(root, rel, shown_path(source_path), self.context())

    def read(self, source_path):
        result = self.terbaca.pop(source_path, None)
        if result is None:
            result = self.baca(source_path)
        if isinstance(result, list):
            root = Path(self.settings["PATH"])
            rel = Path(os.path.relpath(source_path, root)).as_posix()
            return "", self.invalid(result, rel)
        # Sanitised by skema._item, perhaps in a reading worker (another process): the
        # template's "isi" filter need not sanitise it again.
        bersih.catat(result.content, self.settings.get("SITEURL", ""))
        return result.content, self.metadata(result)

    def metadata(self, item) -> dict:
        meta = {"title": item.title, "item": item, "slug": item.slug, "summary": item.summary}
        if item.jenis != "halaman":
            meta["date"] = _naive(item.date)
            if item.modified:
                meta["modified"] = _naive(item.modified)
            # The top folder is the item's type and its category (/berita/, /putusan/).
            meta["category"] = self.wrapper("category", item.jenis)
            if item.tags:
                meta["tags"] = [self._wrappers.setdefault(("tag", tag.name), tag)
                                for tag in self.process_metadata("tags", ", ".join(item.tags))]
            meta["url"] = item.url
            meta["save_as"] = item.url + "index.html"
        meta["status"] = item.status
        if item.status == "draft":  # checked, never written anywhere
            meta["url"] = meta["save_as"] = ""
        return meta

    def wrapper(self, kind: str, name: str):
        key = (kind, name)
        if key not in self._wrappers:
            self._wrappers[key] = self.process_metadata(kind, name)
        return self._wrappers[key]

    @staticmethod
    def invalid(problems, rel: str) -> dict:
        return {"title": rel, "date": SafeDatetime(2000, 1, 1), "status": "draft", "url": "",
                "save_as": "", "slug": "tidak-valid", "masalah": problems}


def _naive(value):
    # Pelican localises naive dates with TIMEZONE (Asia/Jakarta), as it did before.
    return SafeDatetime(value.year, value.month, value.day, value.hour, value.minute)


def use_reader(readers) -> None:
    for ext in BuletinReader.file_extensions:
        readers.reader_classes[ext] = BuletinReader


def urutan(article) -> tuple:
    """``ARTICLE_ORDER_BY``: the archive's one order (``bawaslu.arsip.urutan_terbaru``)."""
    item = getattr(article, "item", None)
    return urutan_terbaru(item) if item is not None else (0.0, article.source_path)


def build_arsip(generator) -> None:
    generator.context["arsip"] = Arsip([a.item for a in generator.articles], registry())
    generator.context["registry"] = registry()


def verdict(pages_generator) -> None:
    """Every problem of the whole content folder; the build stops when there is one."""
    context = pages_generator.context
    articles = context.get("articles", []) + context.get("drafts", []) + \
        context.get("hidden_articles", [])
    pages = pages_generator.pages + pages_generator.hidden_pages + pages_generator.draft_pages
    read = {c.relative_source_path: c for c in articles + pages}
    root = Path(pages_generator.path)
    problems = konten.masalah_situs(
        root, {rel: getattr(c, "masalah", None) or c.item for rel, c in read.items()})
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        raise KontenTidakValid(
            f"{len(problems)} masalah dalam konten; situs tidak dibangun. "
            "Perbaiki baris yang disebut di atas, lalu bangun ulang."
        )


def register():
    signals.readers_init.connect(use_reader)
    signals.article_generator_finalized.connect(build_arsip)
    signals.page_generator_finalized.connect(verdict)
