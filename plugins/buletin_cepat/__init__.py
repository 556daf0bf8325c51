"""Speed-ups for large archives; the site is byte-identical with or without them.

Each one removes work the profile of a 10,000-item build showed (bench/PROFIL.md):

- Pelican computes the articles of each tag, category and author page with
  ``[a for a in dates if a in articles]``, a list scan per article: quadratic.
  The lists get a set-backed membership test; author lists are emptied when
  author pages are not published (``AUTHOR_SAVE_AS = ""``).
- ``garis_miring`` and ``label`` are memoised per build, on their arguments (the date
  filters memoise themselves: ``bawaslu.tanggal``). The generators of a build share one
  memo of listed items' markup (``bawaslu.sekali``; each has its own otherwise).
- Warm rebuilds (CACHE_CONTENT with LOAD_CONTENT_CACHE): an unchanged item page is
  not rendered again (``write_changed_articles``), and neither is any other page when
  no record changed but in its body (``PenulisHangat``).
- The command line (``pelican``, ``python -m pelican``) ends as soon as the site is
  written (``keluar_cepat``): freeing every object of a 100,000-item build one by one
  took seconds, and the operating system frees the memory at once. For the same
  reason, what the build keeps to the end (the content read, then the finished
  context) is moved out of the garbage collector's sight (``gc.freeze``) once built:
  its full collections no longer visit every article again.

Written against Pelican 4.12.0 (it wraps ``ArticlesGenerator`` internals): the
version is checked at import; tests/test_skema.py builds the sample site with and
without this plugin and compares every file, and tests/test_hangat.py compares warm
rebuilds with cold builds.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
import logging
import os
import sys
import threading
from collections import defaultdict
from pathlib import Path

import pelican
from bawaslu import sekali, tembolok
from pelican import signals
from pelican.writers import Writer

log = logging.getLogger(__name__)

PELICAN = "4.12.0"
if pelican.__version__ != PELICAN:
    raise ImportError(
        f"plugin buletin_cepat ditulis untuk Pelican {PELICAN}, terpasang {pelican.__version__}: "
        "periksa ulang bagian Pelican yang dibungkusnya (fast_groupings, write_changed_articles) "
        "lalu perbarui PELICAN, atau matikan plugin ini di pelicanconf.py")


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


# Pure filters of other values, called for every row of every item page: memoised on
# their arguments (typed: True and 1 print differently); unhashable ones are not cached.
PURE_TEXT_FILTERS = ("garis_miring", "label")


def _per_nilai(f):
    cached = functools.lru_cache(maxsize=1 << 14, typed=True)(f)

    @functools.wraps(f)
    def filter_(*args):
        try:
            return cached(*args)
        except TypeError:  # an unhashable argument (a list): computed, not cached
            return f(*args)

    filter_.cache_info = cached.cache_info
    return filter_


def memoise_filters(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    sekali.berbagi(env, generator.context)  # one memo of listed items for all generators
    for name in PURE_TEXT_FILTERS:
        f = env.filters.get(name)
        if f is not None and not hasattr(f, "cache_info"):
            env.filters[name] = _per_nilai(f)


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
    manifest = {a.save_as: a.item.sidik or tembolok.sha(Path(a.source_path).read_bytes())
                for a in generator.articles}
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


# --- warm rebuilds: pages other than item pages --------------------------------

# Templates that print a body (``content``): their pages are never skipped here (item
# pages have write_changed_articles; standing pages are few).
MENCETAK_ISI = frozenset({"article.html", "page.html"})
_situs: dict = {}


def _sidik_daftar(content) -> str:
    """What the list pages use of one record: its fields but its body (a digest)."""
    item = getattr(content, "item", None)
    return tembolok.sha(repr(dataclasses.replace(item, content="") if item is not None
                             else (content.source_path, getattr(content, "masalah", None))).encode())


def list_digests(generator) -> None:
    """``article_generator_pretaxonomy`` (before Pelican saves its cache): each article
    gets ``sidik_daftar`` once, so the cached articles of a warm rebuild carry theirs."""
    if not generator.settings.get("CACHE_CONTENT"):
        return
    for attr in ("articles", "hidden_articles", "drafts"):
        for content in getattr(generator, attr, []):
            if "sidik_daftar" not in vars(content):
                content.sidik_daftar = _sidik_daftar(content)


def site_digest(generators) -> None:
    """What every page other than an item or standing page is made from: every record's
    fields but its body (titles, dates, summaries, regions, statuses, tags...), every
    static file's path, and the code and settings (the cache key already covers those).
    Only builds that keep a cache compare it (``PenulisHangat``)."""
    if not generators or not generators[0].settings.get("CACHE_CONTENT"):
        return
    h = hashlib.sha256()
    for generator in generators:
        for attr in ("articles", "hidden_articles", "drafts", "pages", "hidden_pages", "draft_pages"):
            for content in getattr(generator, attr, []):
                digest = vars(content).get("sidik_daftar") or _sidik_daftar(content)
                h.update(digest.encode() + b"\0")
        for static in getattr(generator, "staticfiles", []):
            h.update(f"{static.source_path}\0".encode())
    _situs["digest"] = h.hexdigest()


class PenulisHangat(Writer):
    """Pelican's writer, for builds that keep the content cache (CACHE_CONTENT): a page
    other than an item or standing page whose records (``site_digest``), code and
    settings are those of the last build, and whose files are all still in the output,
    is not rendered again. An edit to a body leaves every list, region and tag page as
    it was; an edit to a title, a date or a status renders them all again."""

    halaman_item_biasa = True  # item pages go through Writer.write_file (buletin_paralel)

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.path = Path(settings["CACHE_PATH"]) / "buletin-daftar.pickle"
        self.digest = tembolok.digest_kode(
            _situs.get("digest", ""), str(Path(output_path).resolve()), str(settings.get("SITEURL")),
            str(settings.get("FEED_DOMAIN")), str(settings.get("RELATIVE_URLS")))
        self.before = tembolok.muat(self.path, self.digest) if settings.get("LOAD_CONTENT_CACHE") else {}
        self.after: dict[tuple[str, str], list[str]] = {}
        self.recording: list[str] | None = None
        self.thread = threading.get_ident()
        self.skipped = 0
        signals.content_written.connect(self.record)
        _situs["penulis"] = self

    def record(self, path, context=None) -> None:
        # Only this thread's writes: buletin_paralel reports item pages from another one.
        if self.recording is not None and threading.get_ident() == self.thread:
            self.recording.append(path)

    def write_file(self, name, template, context, *args, **kwargs):
        if template.name in MENCETAK_ISI:
            return super().write_file(name, template, context, *args, **kwargs)
        key = (name, template.name)
        files = self.before.get(key)
        if files and all(os.path.isfile(f) for f in files):
            for f in files:  # as if written: overwrite checks, sitemap
                self._written_files.add(f)
                signals.content_written.send(f, context={})
            self.after[key] = files
            self.skipped += 1
            return None
        self.recording, self.thread = [], threading.get_ident()
        try:
            return super().write_file(name, template, context, *args, **kwargs)
        finally:
            self.after[key], self.recording = self.recording, None

    def save(self) -> None:
        signals.content_written.disconnect(self.record)
        tembolok.simpan(self.path, self.digest, self.after)
        if self.skipped:
            log.info("%d halaman daftar tidak berubah sejak build terakhir; tidak ditulis ulang", self.skipped)


def warm_writer(pelican):
    return PenulisHangat if pelican.settings.get("CACHE_CONTENT") else None


def save_warm_writer(pelican) -> None:
    penulis = _situs.pop("penulis", None)
    if penulis is not None:
        penulis.save()


# --- the end of a command-line build ------------------------------------------

_tetap: list = []  # the generators, kept so that nothing is freed before the process ends


def _command_line() -> bool:
    """Pelican's own command line runs this build once: not a test or another program
    building in-process (they go on afterwards), not ``--autoreload``/``--listen`` (they
    build again), and not in a terminal (Pelican's progress display must be closed)."""
    from pelican.log import console

    main = getattr(sys.modules.get("__main__"), "main", None)
    if main is not pelican.main or console.is_terminal:
        return False
    try:
        args = pelican.parse_arguments(sys.argv[1:])
    except SystemExit:
        return False
    return not (args.autoreload or args.listen)


def _freeze(*args, **kwargs) -> None:
    gc.freeze()


def _keep(generators) -> None:
    _tetap.extend(generators)


def keluar_cepat(instance) -> None:
    """``initialized``: once ``run`` has written the site and printed its summary, the
    process ends with status 0 without freeing its objects (``os._exit``), after the
    logs and both streams are flushed. A build that fails raises as before."""
    if not _command_line():
        return
    run = instance.run

    def run_then_exit():
        signals.all_generators_finalized.connect(_keep, weak=False)
        signals.article_generator_finalized.connect(_freeze, weak=False)
        signals.get_writer.connect(_freeze, weak=False)
        run()
        log.debug("buletin_cepat: proses berakhir tanpa membebaskan objeknya")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    instance.run = run_then_exit


def register():
    signals.initialized.connect(keluar_cepat)
    signals.article_generator_finalized.connect(fast_groupings)
    signals.article_generator_finalized.connect(write_changed_articles)
    signals.generator_init.connect(memoise_filters)
    signals.article_generator_pretaxonomy.connect(list_digests)
    signals.all_generators_finalized.connect(site_digest)
    signals.get_writer.connect(warm_writer)
    signals.finalized.connect(save_warm_writer)
