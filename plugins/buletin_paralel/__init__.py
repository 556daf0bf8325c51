"""Files read and item pages rendered in worker processes (issue 16): every core works.

Reading. When the articles generator starts reading the content folder, the
files it is going to read (those neither of Pelican's caches holds) are read and
checked by ``BULETIN_PEKERJA`` forked workers through the reader's own ``baca``
(``buletin_konten``), in blocks of ``BLOK_BACA``. The results come back
pickled, in order, and the reader hands each to Pelican when Pelican asks for
that file (``Terbaca``), so Pelican builds its articles while the workers read
the next files. The schema is pure (a file's bytes and the context give its
result), so the outcome is the same as reading in one process, and the
transient memory of reading (Markdown trees, the guard's working copies) is the
workers', returned when they exit.

Rendering the item pages is most of the writing stage, and it is pure: each
page depends on the finished context, never on another page. So once the
context is built, this plugin forks ``BULETIN_PEKERJA`` workers (default: the
machine's cores; ``1`` = no fork) which share the context copy-on-write and
each write their share of the item pages, while this process writes the rest
of the site (lists, region pages, feeds, data). The output is byte-identical
to a one-process build.

How it hooks in (Pelican 4.12.0, asserted at import), whatever reader and
plugins are in place:

1. On ``all_generators_finalized`` it wraps ``ArticlesGenerator.generate_articles``
   (the loop over item pages, and whatever wrapper another plugin has put
   around it, e.g. buletin_cepat's "skip unchanged pages").
2. The wrapper runs that loop once with a recording ``write``: it renders
   nothing, it notes each write call and each ``article_generator_write_article``
   signal, in order (the signal's receivers are not called yet).
3. The parent creates every output directory once; the workers take blocks of
   ``BLOK`` consecutive pages round-robin, render each page as Pelican's
   ``Writer.write_file`` does (same local context) and write each file once,
   with no temporary file, and report each finished block on a pipe. The
   wrapper returns at once; a thread (``Latar``) follows the reports.
4. That thread sends the recorded signals, and ``content_written`` for each
   page (the sitemap and the search indexer, buletin_cari, listen), in the
   original order, each once every page before it is on disk. So Pagefind
   indexes each bundle of pages as soon as it is written.
5. ``finalized`` is sent only once every item page is on disk (its ``send``
   waits first), so its receivers (search index, sitemap) see the whole site.

Other work that only writes files from the finished context (the feeds,
``buletin_umpan``) can run in a forked child too (``bawaslu.proses.di_latar``), while
this process writes the region pages; ``finalized`` waits for it as well.

A signal receiver that *changes* an article to change its page is not
supported with more than one worker (it runs after the page is rendered);
nothing in the project does that. Write calls this wrapper does not know
(pagination, a file written twice, a custom Writer) make it fall back to the
one-process loop. If a worker fails, the build fails, and every page of the
plan is removed so that a warm rebuild cannot keep a half-written one.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import logging
import multiprocessing
import os
import selectors
import signal
import sys
import threading
import traceback
from functools import partial

import pelican
from bawaslu import proses
from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.utils import file_suffix, get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

PELICAN_VERSI = "4.12.0"
if pelican.__version__ != PELICAN_VERSI:
    raise ImportError(
        f"plugin buletin_paralel ditulis untuk Pelican {PELICAN_VERSI}, terpasang Pelican "
        f"{pelican.__version__}: periksa ulang pembungkus generate_articles dan Writer.write_file "
        "(plugins/buletin_paralel) lalu sesuaikan PELICAN_VERSI")

log = logging.getLogger(__name__)

BLOK = 50  # pages per block: small enough that the search indexer follows closely


class Rencana:
    """What the loop over item pages would do, in order: write calls and signals."""

    def __init__(self):
        self.writes: list[tuple[tuple, dict]] = []
        self.events: list[tuple[str, object]] = []  # ("signal", kwargs) or ("write", index)

    def write(self, *args, **kwargs):
        self.events.append(("write", len(self.writes)))
        self.writes.append((args, kwargs))

    def signal(self, sender, **kwargs):
        self.events.append(("signal", (sender, kwargs)))
        return []


class Halaman:
    """One page to render: Pelican's ``Writer.write_file`` for a page without pagination."""

    __slots__ = ("name", "path", "template", "context", "kwargs", "relative_urls", "override")

    def __init__(self, output_path, name, template, context, relative_urls=False, url=None,
                 override_output=False, **kwargs):
        self.name, self.template, self.context, self.kwargs = name, template, context, kwargs
        self.relative_urls, self.override = relative_urls, override_output
        self.path = sanitised_join(output_path, name)

    def localcontext(self) -> dict:
        localcontext = self.context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if self.relative_urls:
            relative_url = path_to_url(get_relative_path(self.name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = self.name
        localcontext.update(self.kwargs)
        return localcontext

    def tulis(self) -> None:
        text = self.template.render(self.localcontext())
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(text)


def _writer(write) -> Writer | None:
    """The Writer behind ``write`` when it is Pelican's own ``partial(writer.write_file, ...)``,
    or a subclass that writes item pages as Pelican's does (``halaman_item_biasa``)."""
    if not isinstance(write, partial) or write.args:
        return None
    writer = getattr(write.func, "__self__", None)
    cls = type(writer)
    if not (cls is Writer or (isinstance(writer, Writer) and getattr(cls, "halaman_item_biasa", False))):
        return None
    if getattr(write.func, "__func__", None) is not cls.write_file:
        return None
    return writer


def plan_pages(writer: Writer, write, rencana: Rencana) -> list[Halaman] | None:
    """The pages of the recorded write calls, or None when one of them is not a plain,
    new, single page (then the loop runs in one process, as Pelican's)."""
    pages = []
    names = set()
    for args, kwargs in rencana.writes:
        call = dict(write.keywords, **kwargs)
        if len(args) != 3 or not args[0] or {"paginated", "template_name", "articles", "dates"} & set(call):
            return None
        page = Halaman(writer.output_path, *args, **call)
        if page.path in names or page.path in writer._written_files:
            return None
        names.add(page.path)
        pages.append(page)
    return pages


def _worker(pages: list[Halaman], blocks: list[int], out_fd: int) -> None:
    """In the forked child: render and write the pages of ``blocks``, report each block."""
    code, name = 1, ""
    try:
        for b in blocks:
            for page in pages[b * BLOK:(b + 1) * BLOK]:
                name = page.name
                page.tulis()
            os.write(out_fd, json.dumps(b).encode() + b"\n")
        code = 0
    except BaseException:
        try:
            os.write(out_fd, json.dumps(f"{name}: {traceback.format_exc()}").encode() + b"\n")
        except BaseException:
            pass
    finally:
        os._exit(code)


class Render:
    """Workers rendering ``pages``: forked by ``__init__``, followed by ``wait``."""

    def __init__(self, pages: list[Halaman], n: int):
        self.pages = pages
        self.count = -(-len(pages) // BLOK)
        self.n = n = min(n, self.count)
        for folder in sorted({os.path.dirname(p.path) for p in pages}):
            os.makedirs(folder, exist_ok=True)
        sys.stdout.flush()
        sys.stderr.flush()
        thawed = not gc.get_freeze_count()
        gc.freeze()  # the shared context stays shared: the collector does not touch it
        self.children: dict[int, int] = {}  # read end -> pid
        try:
            for w in range(n):
                read_fd, write_fd = os.pipe()
                pid = os.fork()
                if pid == 0:
                    # Only the report pipe stays open: an inherited end of another pipe (the
                    # Pagefind binary's stdin, an earlier worker's pipe) would keep its reader
                    # waiting for an end of file until this worker exits.
                    os.closerange(3, write_fd)
                    os.closerange(write_fd + 1, os.sysconf("SC_OPEN_MAX"))
                    signal.signal(signal.SIGINT, signal.SIG_DFL)
                    _worker(pages, list(range(w, self.count, n)), write_fd)
                os.close(write_fd)
                self.children[read_fd] = pid
        finally:
            _thaw(thawed)

    def wait(self, on_progress) -> None:
        """Follow the workers' reports; ``on_progress(k)`` each time the first ``k`` pages
        are all on disk. Raises when a worker fails."""
        count, children = self.count, self.children
        done = [False] * count
        prefix = 0
        errors: list[str] = []
        buffers = {fd: b"" for fd in children}
        selector = selectors.DefaultSelector()
        try:
            for fd in children:
                selector.register(fd, selectors.EVENT_READ)
            while buffers:
                for key, _ in selector.select():
                    fd = key.fd
                    chunk = os.read(fd, 65536)
                    if not chunk:
                        selector.unregister(fd)
                        os.close(fd)
                        del buffers[fd]
                        continue
                    *lines, buffers[fd] = (buffers[fd] + chunk).split(b"\n")
                    for line in lines:
                        message = json.loads(line)
                        if isinstance(message, int):
                            done[message] = True
                        else:
                            errors.append(message)
                while prefix < count and done[prefix]:
                    prefix += 1
                on_progress(min(prefix * BLOK, len(self.pages)))
        finally:
            selector.close()
            if buffers:  # interrupted: stop the workers
                self.stop()
            for pid in children.values():
                _, status = os.waitpid(pid, 0)
                if status and not errors:
                    errors.append(f"pekerja {pid} berhenti dengan status {status}")
        if errors or prefix < count:
            raise RuntimeError("buletin_paralel: halaman item gagal ditulis:\n" + "\n".join(errors))


    def stop(self) -> None:
        for pid in self.children.values():
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass


def _thaw(thawed: bool) -> None:
    """Undo our ``gc.freeze`` unless objects were frozen before it (buletin_cepat freezes
    what a command-line build keeps to its end): ``unfreeze`` would thaw those too."""
    if thawed:
        gc.unfreeze()


def render_parallel(pages: list[Halaman], n: int, on_progress) -> None:
    """Render ``pages`` in ``n`` forked workers; ``on_progress(k)`` is called in this
    process each time the first ``k`` pages are all on disk. Raises when a worker fails."""
    Render(pages, n).wait(on_progress)


class Latar(threading.Thread):
    """Item pages rendering while this process writes the rest of the site: a thread
    follows the workers (and sends each page's signals in order); ``selesai`` waits."""

    def __init__(self, render: Render, on_progress):
        super().__init__(name="buletin_paralel", daemon=True)
        self.render, self.on_progress, self.error = render, on_progress, None

    def run(self):
        try:
            self.render.wait(self.on_progress)
            log.info("buletin_paralel: %d halaman item ditulis oleh %d proses",
                     len(self.render.pages), self.render.n)
        except BaseException as error:  # raised again by selesai(), in the main thread
            self.error = error

    def selesai(self) -> None:
        self.join()
        if self.error is not None:
            for page in self.render.pages:
                try:
                    os.unlink(page.path)
                except OSError:
                    pass
            raise self.error


_latar: list[Latar] = []


def tunggu_halaman() -> None:
    """Wait for every item page still being rendered; raise if one failed."""
    while _latar:
        _latar.pop(0).selesai()


def _hentikan() -> None:
    """At exit (a build that failed before ``finalized``): no worker outlives the build."""
    for latar in _latar:
        latar.render.stop()
    proses.hentikan_latar()


def _send_after_pages(*args, **kwargs):
    """``finalized``: its receivers (search index, sitemap) see every item page on disk,
    and every file written in the background."""
    tunggu_halaman()
    proses.tunggu_latar()
    return type(signals.finalized).send(signals.finalized, *args, **kwargs)


def write_in_workers(generator, inner, write) -> None:
    """``generate_articles(write)`` with the item pages rendered in worker processes."""
    n = proses.pekerja(generator.settings)
    writer = _writer(write)
    if n <= 1 or writer is None:
        return inner(write)
    rencana = Rencana()
    sent = signals.article_generator_write_article
    sent.send = rencana.signal  # recorded, sent below in order (instance attribute)
    try:
        inner(rencana.write)
    finally:
        del sent.send
    pages = plan_pages(writer, write, rencana)
    if pages is None or len(pages) <= BLOK:
        log.debug("buletin_paralel: satu proses")
        return replay(rencana, write)
    events = rencana.events
    before = _writes_before(events)
    position = 0

    def on_progress(written: int) -> None:
        """Send, in order, what the one-process loop would have sent by now."""
        nonlocal position
        while position < len(events):
            kind, value = events[position]
            if kind == "signal":
                if before[position] > written:
                    return
                sender, kwargs = value
                sent.send(sender, **kwargs)
            else:
                if value >= written:
                    return
                page = pages[value]
                writer._written_files.add(page.path)  # Pelican's overwrite checks stay valid
                if page.override:
                    writer._overridden_files.add(page.path)
                signals.content_written.send(page.path, context=page.localcontext())
            position += 1

    # Pelican's writer leaves the last page's localsiteurl in the context: the rest of
    # the site, written while the workers render, sees what it would see after them.
    last = pages[-1].localcontext()["localsiteurl"] if pages else None
    if last:
        generator.context["localsiteurl"] = last

    latar = Latar(Render(pages, n), on_progress)
    _latar.append(latar)
    latar.start()


def _writes_before(events) -> list[int]:
    counts, seen = [], 0
    for kind, _ in events:
        counts.append(seen)
        seen += kind == "write"
    return counts


def replay(rencana: Rencana, write) -> None:
    """The recorded loop in this process, signals and writes in their order."""
    for kind, value in rencana.events:
        if kind == "signal":
            sender, kwargs = value
            signals.article_generator_write_article.send(sender, **kwargs)
        else:
            args, kwargs = rencana.writes[value]
            write(*args, **kwargs)


BLOK_BACA = 100  # files per reading task


_tugas = None  # the function the reading workers apply (inherited through fork)


def _baca_blok(paths: list[str]) -> list:
    return [_tugas(path) for path in paths]


@contextlib.contextmanager
def peta(fn, items: list, n: int, blok: int = BLOK_BACA):
    """An iterator over ``fn(x) for x in items``, in order, computed by ``n`` forked
    workers while this process goes on; the workers stop when the block ends."""
    global _tugas
    chunks = [items[i:i + blok] for i in range(0, len(items), blok)]
    sys.stdout.flush()
    sys.stderr.flush()
    _tugas = fn
    thawed = not gc.get_freeze_count()
    gc.freeze()  # what the workers inherit is not copied by the collector's visits
    try:
        with multiprocessing.get_context("fork").Pool(max(1, min(n, len(chunks)))) as pool:
            _thaw(thawed)
            yield (result for part in pool.imap(_baca_blok, chunks) for result in part)
    finally:
        _thaw(thawed)
        _tugas = None


class Terbaca:
    """The reading workers' results, handed out by path as the reader asks for them.

    Pelican reads the files in the order they were given to the workers, so each
    request takes the next result as soon as it arrives: the articles generator
    builds its articles while the workers read the files after them."""

    def __init__(self, paths: list[str], results):
        self.paths, self.results, self.ready = iter(paths), results, {}

    def pop(self, path: str, default=None):
        while path not in self.ready:
            following = next(self.paths, None)
            if following is None:
                return default
            self.ready[following] = next(self.results)
        return self.ready.pop(path)


def files_to_read(generator) -> list[str]:
    """The absolute paths the articles generator will read: those neither its own cache
    nor the readers' cache (Pelican's CONTENT_CACHING_LAYER) holds unchanged."""
    settings = generator.settings
    readers = generator.readers
    if not settings.get("LOAD_CONTENT_CACHE"):  # both caches start empty: no file hashed twice
        return [os.path.abspath(os.path.join(generator.path, f))
                for f in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])]
    # Only the layer in use holds anything (and each look-up hashes the file again).
    generator_layer = settings.get("CONTENT_CACHING_LAYER") == "generator"
    paths = []
    for f in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]):
        path = os.path.abspath(os.path.join(generator.path, f))
        cached = (generator.get_cached_data(f, None) is not None if generator_layer
                  else readers.get_cached_data(path, (None, None))[0] is not None)
        if not cached:
            paths.append(path)
    return paths


def read_in_workers(generator, inner) -> None:
    """``generate_context()`` with the files read ahead by worker processes."""
    n = proses.pekerja(generator.settings)
    readers = generator.readers.readers  # extension -> reader
    if n > 1:
        paths = [p for p in files_to_read(generator) if hasattr(readers.get(file_suffix(p)), "terbaca")]
        if len(paths) > BLOK_BACA:
            used = {readers[file_suffix(p)] for p in paths}
            with peta(lambda path: readers[file_suffix(path)].baca(path), paths, n) as results:
                terbaca = Terbaca(paths, results)
                for reader in used:
                    reader.terbaca = terbaca
                try:
                    log.info("buletin_paralel: %d berkas konten dibaca oleh %d proses", len(paths),
                             min(n, -(-len(paths) // BLOK_BACA)))
                    return inner()
                finally:
                    for reader in used:
                        reader.terbaca = {}
    return inner()


def wrap_generate_context(generator) -> None:
    generator.generate_context = partial(read_in_workers, generator, generator.generate_context)


def wrap_generate_articles(generators) -> None:
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            inner = generator.generate_articles
            generator.generate_articles = partial(write_in_workers, generator, inner)


def register():
    proses.menunggu = True
    signals.article_generator_init.connect(wrap_generate_context)
    signals.finalized.send = _send_after_pages  # instance attribute: waits, then sends
    atexit.register(_hentikan)
    signals.all_generators_finalized.connect(wrap_generate_articles)
