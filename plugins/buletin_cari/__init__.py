"""Pelican adapter: site search with Pagefind.

- ``article_generator_finalized``: each item gets ``saringan_cari``, its search
  filters (region, type, violation, outcome, year), which article.html writes as
  ``data-pagefind-filter`` attributes; the context gets ``cari_pilihan``, every
  filter's values and counts, which the search page lists.
- While the item pages are written, each finished bundle of them (PER_BUNDEL
  pages, in the order they are written) is indexed by Pagefind (Indonesian) in
  a background thread: the binary runs on the second core while Python renders
  the next pages, the lists, region pages, feeds and data.
- ``finalized``: waits for the index; a failure fails the build.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from importlib.metadata import version
from pathlib import Path

from bawaslu import cari, tembolok
from bawaslu.wilayah import registry
from pelican import signals

log = logging.getLogger(__name__)


class Pengindeks:
    """One build's search indexing: bundles queued as their pages are written."""

    def __init__(self, settings, output_path, pages: list[str]):
        self.out = Path(output_path)
        self.per = int(settings.get("CARI_PER_BUNDEL", cari.PER_BUNDEL))
        self.pages = pages
        self.position = {page: i for i, page in enumerate(pages)}
        self.folders = cari.bundel(len(pages), self.per)
        self.cache = Path(settings["CACHE_PATH"]) / "buletin-cari.pickle"
        self.save = bool(settings.get("CACHE_CONTENT"))
        self.key = tembolok.digest_kode(str(self.out.resolve()))
        self.before = tembolok.muat(self.cache, self.key) if settings.get("LOAD_CONTENT_CACHE") else {}
        self.digests: dict[str, str] = {}
        self.count = 0
        self.error: BaseException | None = None
        self.queue: queue.Queue = queue.Queue()
        self.submitted = 0
        self.lock = threading.Lock()
        if pages and cari.biner() is None:
            log.warning("Indeks pencarian dibangun dengan Pagefind dari PyPI (pagefind_bin %s): "
                        "isinya berbeda di tiap build. Pasang Pagefind dari npm dengan "
                        "ci/install-test-tools.sh, lalu bangun ulang", version("pagefind_bin"))
        # Bundles indexed at once (CARI_PROSES, default 2): once the pages are written,
        # the last bundles are what the build waits for, and each Pagefind run keeps
        # about one core busy. Each holds one bundle in memory (see cari.PER_BUNDEL).
        n = max(1, int(settings.get("CARI_PROSES", 2)))
        self.threads = [threading.Thread(target=self.work, name=f"pagefind-{i}", daemon=True) for i in range(n)]
        for thread in self.threads:
            thread.start()

    def work(self):
        while (job := self.queue.get()) is not None:
            if self.error is None:
                try:
                    folder, chunk = job
                    n, self.digests[folder] = cari.indeks_bundel(
                        self.out, folder, chunk, self.before.get(folder), sidik=self.save)
                    with self.lock:
                        self.count += n
                except BaseException as error:  # reported by finish(), in the main thread
                    self.error = error

    def submit_until(self, end: int) -> None:
        """Queue every whole bundle whose pages (positions < ``end``) are written."""
        while self.submitted < len(self.folders) and min((self.submitted + 1) * self.per, len(self.pages)) <= end:
            i = self.submitted
            self.queue.put((self.folders[i], self.pages[i * self.per:(i + 1) * self.per]))
            self.submitted += 1

    def finish(self) -> None:
        self.submit_until(len(self.pages))
        for thread in self.threads:
            self.queue.put(None)
        for thread in self.threads:
            thread.join()
        if self.error is not None:
            raise RuntimeError(f"Pagefind gagal mengindeks situs: {self.error}") from self.error
        cari.bersihkan(self.out, self.folders)
        if self.save:
            tembolok.simpan(self.cache, self.key, self.digests)
        log.info("Pagefind: %d halaman diindeks untuk pencarian (%d bundel)", self.count, len(self.folders))


_current: dict = {}


def add_filters(generator) -> None:
    reg = registry()
    for article in generator.articles + generator.hidden_articles:
        article.saringan_cari = cari.saringan(article.item, reg)
    # The search page's filter options, with the counts of the indexed (published) items.
    generator.context["cari_pilihan"] = cari.pilihan(a.saringan_cari for a in generator.articles)
    # Bundles follow the order in which the item pages are written.
    _current["pengindeks"] = Pengindeks(generator.settings, generator.output_path,
                                        [a.save_as for a in generator.articles])


def page_written(path, context=None) -> None:
    """Sent after each page is on disk, item pages in their order (by Pelican's writer,
    or by buletin_paralel once every page before is written too): each bundle goes to
    Pagefind as soon as its last page is written."""
    pengindeks = _current.get("pengindeks")
    if pengindeks:
        position = pengindeks.position.get(os.path.relpath(path, pengindeks.out))
        if position is not None:
            pengindeks.submit_until(position + 1)


def finish_indexing(pelican) -> None:
    pengindeks = _current.pop("pengindeks", None) or Pengindeks(pelican.settings, pelican.output_path, [])
    pengindeks.finish()


def register():
    signals.article_generator_finalized.connect(add_filters)
    signals.content_written.connect(page_written)
    signals.finalized.connect(finish_indexing)
