"""Speed-ups for large archives; the site is byte-identical with or without them.

Each one removes work the profile of a 10,000-item build showed (bench/PROFIL.md):

- ``MarkdownSekali``: Pelican builds a new ``markdown.Markdown`` (all of
  ``extra`` registered again) for every file, a fifth of reading time. This
  reader keeps one instance and calls ``reset()`` between files; it also reads
  ``Date``/``Modified`` in the contract's formats without dateutil.
- Pelican computes the articles of each tag, category and author page with
  ``[a for a in dates if a in articles]``, a list scan per article: quadratic.
  The lists get a set-backed membership test; author lists are emptied when
  author pages are not published (``AUTHOR_SAVE_AS = ""``).
- ``terbaru_dulu`` (``ARTICLE_ORDER_BY``) keeps Pelican's article order when
  ``ARTICLE_TRANSLATION_ID = None`` switches off its quadratic translation
  grouping (the site has one language).
- The date filters (``tanggal``, ``bulan``: babel) are memoised per build.
- Settings hold a module (``JINJA_GLOBALS["kosakata"]``) and every Tag and
  Category keeps the settings, so Pelican's content cache could not be pickled
  ("cannot pickle 'module' object") and a warm rebuild re-read every file.
  Modules are pickled by name.
"""

from __future__ import annotations

import copyreg
import functools
import importlib
import logging
import re
import types
from collections import defaultdict
from pathlib import Path

from bawaslu import tembolok
from markdown import Markdown
from pelican import signals
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import SafeDatetime, pelican_open

log = logging.getLogger(__name__)

_TANGGAL = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?")


class MarkdownSekali(MarkdownReader):
    """Pelican's Markdown reader with one Markdown instance for all files."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._dokumen: Markdown | None = None  # with the meta extension: whole files
        self._kolom: Markdown | None = None  # without it: formatted metadata (Summary)

    def _instances(self) -> tuple[Markdown, Markdown]:
        if self._dokumen is None:
            self._dokumen = Markdown(**self.settings["MARKDOWN"])
            self._kolom = Markdown(**self.settings["MARKDOWN"])
            self._kolom.preprocessors.deregister("meta")
        return self._dokumen, self._kolom

    def read(self, source_path):
        self._source_path = source_path
        dokumen, _ = self._instances()
        dokumen.reset()
        with pelican_open(source_path) as text:
            content = dokumen.convert(text)
        meta = getattr(dokumen, "Meta", None)
        metadata = self._parse_metadata(meta) if meta else {}
        return content, metadata

    def _parse_metadata(self, meta):
        """As Pelican's, but formatted fields use the second, meta-less instance."""
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        _, kolom = self._instances()
        output = {}
        for name, value in meta.items():
            name = name.lower()
            if name in formatted_fields:
                kolom.reset()
                output[name] = self.process_metadata(name, kolom.convert("\n".join(value)))
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    log.warning("Duplicate definition of `%s` for %s. Using first one.",
                                name, self._source_path)
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output

    def process_metadata(self, name, value):
        # ``YYYY-MM-DD`` and ``YYYY-MM-DD HH:MM`` (the contract's forms) without
        # dateutil; anything else goes to Pelican, which reports it as before.
        if name in ("date", "modified") and isinstance(value, str):
            m = _TANGGAL.fullmatch(value.strip())
            if m:
                try:
                    return SafeDatetime(*(int(g) for g in m.groups() if g is not None))
                except ValueError:
                    pass
        return super().process_metadata(name, value)


def use_one_markdown(readers) -> None:
    """Sent before Pelican instantiates the readers: swap the class, not an instance."""
    for ext, cls in list(readers.reader_classes.items()):
        if cls is MarkdownReader:  # not when another plugin brought its own reader
            readers.reader_classes[ext] = MarkdownSekali


class DaftarCepat(list):
    """A list of articles whose ``in`` is a set lookup (by identity, as Content
    objects compare by identity). Built once the grouping is final."""

    __slots__ = ("_ids",)

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = frozenset(map(id, self))

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


def fast_groupings(generator) -> None:
    if not generator.settings.get("AUTHOR_SAVE_AS"):
        generator.authors = []  # no author pages: nothing to compute for them
    generator.tags = defaultdict(
        list, {tag: DaftarCepat(items) for tag, items in generator.tags.items()})
    generator.categories = [(cat, DaftarCepat(items)) for cat, items in generator.categories]
    # Templates see the same lists.
    generator.context["tags"] = list(generator.tags.items())
    generator.context["categories"] = generator.categories


def terbaru_dulu(article):
    """``ARTICLE_ORDER_BY``: newest first, then by slug, the order Pelican gives
    when it groups translations (sort by slug, then stable sort by date); without
    translation grouping the files come from a set, so ties need the slug."""
    return (-article.date.timestamp(), article.slug)


# Pure filters of the project (pelicanconf.JINJA_FILTERS): the same date gives the same
# text, and a 10,000-item site formats each date many times (babel is slow).
PURE_FILTERS = ("tanggal", "bulan")


def memoise_filters(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    for name in PURE_FILTERS:
        f = env.filters.get(name)
        if f is not None and not hasattr(f, "cache_info"):
            env.filters[name] = functools.lru_cache(maxsize=4096)(f)


def _module_by_name(module: types.ModuleType):
    return importlib.import_module, (module.__name__,)


def write_changed_articles(generator) -> None:
    """Warm rebuilds (LOAD_CONTENT_CACHE): an item page whose source bytes, and the
    project's code and settings, are unchanged since the last build is not
    rendered again when its file is still in the output (see bawaslu.tembolok).

    An item page depends only on its own file: its region always has a feed, and
    its tags and category pages always exist.
    """
    settings = generator.settings
    if not settings.get("CACHE_CONTENT"):
        return
    out = Path(generator.output_path)
    path = Path(settings["CACHE_PATH"]) / "buletin-halaman.pickle"
    digest = tembolok.digest_kode(
        str(Path(generator.path).resolve()), str(out.resolve()),
        str(settings.get("SITEURL")), str(settings.get("FEED_DOMAIN")), str(settings.get("RELATIVE_URLS")))
    manifest = {a.save_as: tembolok.sha(Path(a.source_path).read_bytes()) for a in generator.articles}
    before = tembolok.muat(path, digest) if settings.get("LOAD_CONTENT_CACHE") else {}
    unchanged = {name for name, key in manifest.items()
                 if before.get(name) == key and (out / name).is_file()}
    original = generator.generate_articles

    def generate_articles(write):
        def write_changed(name, *args, **kwargs):
            if name not in unchanged:
                write(name, *args, **kwargs)

        original(write_changed)
        tembolok.simpan(path, digest, manifest)
        if unchanged:
            log.info("%d halaman item tidak berubah sejak build terakhir; tidak ditulis ulang", len(unchanged))

    generator.generate_articles = generate_articles


def register():
    copyreg.pickle(types.ModuleType, _module_by_name)
    signals.readers_init.connect(use_one_markdown)
    signals.article_generator_finalized.connect(fast_groupings)
    signals.article_generator_finalized.connect(write_changed_articles)
    signals.generator_init.connect(memoise_filters)
