"""A cache key that covers everything (issue 16), and a content cache that keeps whole
articles.

Key: with LOAD_CONTENT_CACHE on, a change to a setting that changes the output
(``MARKDOWN``...), a plugin, the theme or an installed package starts from an empty
cache, Pelican's content cache and the project's own (``bawaslu.tembolok``) alike.
Pelican's own cache keys only on each content file. On ``initialized`` (before any
generator reads CACHE_PATH) CACHE_PATH becomes ``CACHE_PATH/<key>``; see
``bawaslu.tembolok.pasang``.

Articles: pelicanconf sets ``CONTENT_CACHING_LAYER = "generator"``, so a warm
rebuild takes each unchanged file's finished article from the cache instead of
building it again from the reader's output (at 100,000 items that was 35 s of
Pelican's ``read_file`` and ``Content.__init__``). Pelican would pickle each
article with its ``_context``, the whole shared context of the build that saved
it; here the cache is saved without it (and without the settings, which are
the generator's), and a loaded article gets the context and settings of the
build that loads it. Each file's stamp (its SHA-256) is computed once per build,
however many cache look-ups ask for it.

Saving: a forked child pickles the cache while the build goes on; it writes a new
file and renames it over the old one, and ``finalized`` waits for it (a failure is a
warning, as in Pelican).
"""

from __future__ import annotations

import atexit
import copyreg
import gc
import logging
import os
import pickle
from functools import partial

from bawaslu import proses, tembolok
from pelican import signals
from pelican.contents import Content
from pelican.utils import mkdir_p

log = logging.getLogger(__name__)

BUKAN_STATUS = ("_context", "settings")  # given back by the build that loads the cache


def cache_under_key(pelican) -> None:
    folder = tembolok.pasang(pelican.settings)
    log.debug("tembolok: %s", folder)
    if not pelican.settings.get("CACHE_CONTENT"):
        # Pelican stamps each content file at every cache look-up, even with no cache:
        # with "sha256" that is four more reads of every file. No cache, no stamp to keep.
        pelican.settings["CHECK_MODIFIED_METHOD"] = "mtime"


def _konten(cls, state):
    content = cls.__new__(cls)
    content.__dict__.update(state)
    return content


def _reduce_konten(content):
    state = {k: v for k, v in content.__dict__.items() if k not in BUKAN_STATUS}
    return _konten, (type(content), state)


def _classes(cache: dict) -> set[type]:
    return {type(data) for _, data in cache.values() if isinstance(data, Content)}


def _write(generator) -> None:
    """Pickle the cache, articles and pages without this build's context and settings,
    into a new file renamed over the old one."""
    mkdir_p(generator.settings["CACHE_PATH"])
    new = generator._cache_path + ".baru"
    with generator._cache_open(new, "wb") as fhandle:
        pickler = pickle.Pickler(fhandle, pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = dict(copyreg.dispatch_table)
        for cls in _classes(generator._cache):
            pickler.dispatch_table[cls] = _reduce_konten
        pickler.dump(generator._cache)
    os.replace(new, generator._cache_path)


def _write_without_collector(generator) -> None:
    gc.disable()  # in the child: no collector visiting (and copying) the parent's objects
    _write(generator)


_menyimpan: list[tuple[int, str]] = []  # (pid, cache file) of the children saving


def save_cache(generator) -> None:
    """Pelican's ``FileDataCacher.save_cache`` (``_write``), in a forked child."""
    if not generator._cache_data_policy:
        return
    # The child only pickles and writes one file: it takes no lock another thread of the
    # build (Pelican's progress display, the reading pool) could hold.
    pid = proses.anak(partial(_write_without_collector, generator), f"Tembolok {generator._cache_path}")
    if pid is not None:
        _menyimpan.append((pid, generator._cache_path))
        return
    try:
        _write(generator)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as err:
        log.warning("Tembolok %s tidak dapat disimpan\n ... %s", generator._cache_path, err)


def tunggu_simpan(*args) -> None:
    """``finalized`` (and at exit): every cache being saved is on disk."""
    while _menyimpan:
        pid, path = _menyimpan.pop()
        _, status = os.waitpid(pid, 0)
        if status:
            log.warning("Tembolok %s tidak dapat disimpan (status %s)", path, status)


def _stamp_once(cacher, stamps: dict) -> None:
    func = cacher._filestamp_func
    if func is None or getattr(func, "sekali", False):
        return

    def stamp(filename):
        try:
            return stamps[filename]
        except KeyError:
            value = stamps[filename] = func(filename)
            return value

    stamp.sekali = True
    cacher._filestamp_func = stamp


def adopt_cache(generator) -> None:
    """``article_generator_init`` / ``page_generator_init``: the loaded articles get this
    build's context and settings; the cache is saved without them; stamps once."""
    for _, data in generator._cache.values():
        if isinstance(data, Content):
            data._context = generator.context
            data.settings = generator.settings
    generator.save_cache = partial(save_cache, generator)
    stamps: dict = {}
    _stamp_once(generator, stamps)
    _stamp_once(generator.readers, stamps)


def register():
    signals.initialized.connect(cache_under_key)
    signals.article_generator_init.connect(adopt_cache)
    signals.page_generator_init.connect(adopt_cache)
    signals.finalized.connect(tunggu_simpan)
    atexit.register(tunggu_simpan)
