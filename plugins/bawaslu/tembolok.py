"""Warm rebuilds: what the previous build of the same site already did.

Staff preview with ``invoke serve`` and CI rebuilds often; after one file is
edited, most of the work of a build is the same as last time. A *tembolok*
(cache) file in Pelican's CACHE_PATH remembers, per content file, the SHA-256
of its bytes, and, for the whole build, a digest of everything else an output
depends on (the project's code, theme and settings, and the list of content
files). When that digest is unchanged, a content file whose bytes are unchanged
gives the same check results and the same item page, so neither is redone.

Pelican's own reader cache keys only on each file, so a change to a setting
(``MARKDOWN``), a plugin or the theme would not be seen by a warm build.
``pasang`` (the ``buletin_tembolok`` plugin, on ``initialized``) therefore puts
CACHE_PATH one folder deeper, under ``kunci(settings)``: a digest of the code,
theme and data files, the installed packages and every setting that can change
the output. Any such change gives a new, empty folder, for Pelican's cache and
the project's alike. ``python -m bawaslu.tembolok`` prints the key (CI caches
by it).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pickle
import re
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent.parent  # the project root
VERSION = 2


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@functools.cache
def _kode() -> bytes:
    """Digest of the code, theme, data and settings files (they do not change during a build)."""
    h = hashlib.sha256(str(VERSION).encode())
    files = [HERE / "pelicanconf.py", HERE / "publishconf.py"]
    for top in ("plugins", "theme"):
        files += [p for p in (HERE / top).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files):
        if path.is_file():
            h.update(str(path.relative_to(HERE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.digest()


def digest_kode(*extra: str) -> str:
    """Digest of the code, theme, data and settings files, plus ``extra`` strings."""
    h = hashlib.sha256(_kode())
    for value in extra:
        h.update(value.encode() + b"\0")
    return h.hexdigest()


def muat(path: Path, digest: str) -> dict:
    """The cache saved at ``path`` if it was made with the same ``digest``; else empty."""
    try:
        with open(path, "rb") as f:
            saved_digest, data = pickle.load(f)
    except (OSError, EOFError, pickle.PickleError, ValueError, TypeError, AttributeError, ImportError):
        return {}
    return data if saved_digest == digest else {}


def simpan(path: Path, digest: str, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        pickle.dump((digest, data), f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


# Settings that steer how the build runs, not what it writes: outside the key.
# (OUTPUT_PATH: publishing builds into a new temporary folder every time.)
BUKAN_KELUARAN = frozenset({
    "CACHE_PATH", "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "CHECK_MODIFIED_METHOD", "GZIP_CACHE",
    "OUTPUT_PATH", "DELETE_OUTPUT_DIRECTORY", "OUTPUT_RETENTION", "WRITE_SELECTED",
    "DEBUG", "PORT", "BIND", "LOG_FILTER", "BULETIN_PEKERJA", "CARI_PROSES",
})
_ALAMAT = re.compile(r" at 0x[0-9a-fA-F]+")
PANJANG_KUNCI = 20  # hex digits of the key (the cache folder's name)
SIMPAN_KUNCI = 3  # cache folders kept beside the current one's (most recent first)


def stabil(value) -> str:
    """A repr that is the same in every process for the same value: sorted
    mappings and sets, functions and classes by qualified name, modules by name,
    no memory addresses."""
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(f"{stabil(k)}: {stabil(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(map(stabil, value))) + "}"
    if isinstance(value, (list, tuple)):
        return type(value).__name__ + "(" + ", ".join(map(stabil, value)) + ")"
    if isinstance(value, types.ModuleType):
        return f"<module {value.__name__}>"
    if callable(value) and hasattr(value, "__qualname__"):
        return f"<{getattr(value, '__module__', '?')}.{value.__qualname__}>"
    return _ALAMAT.sub("", repr(value))


def _folder(h, root: Path) -> None:
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")


# What npm installed (npm writes it): Pagefind's binary writes the search index
# (bawaslu.cari.biner), decap-cms is copied into /admin/.
NPM = HERE / "node_modules" / ".package-lock.json"


@functools.cache
def _paket() -> bytes:
    """Names and versions of the installed packages (Pelican, Markdown, Jinja, plugins),
    and of npm's."""
    names = {f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()}
    npm = NPM.read_bytes() if NPM.is_file() else b""
    return "\n".join(sorted(names)).encode() + b"\0" + npm


def kunci(settings) -> str:
    """The cache key of a build with ``settings``: code, theme, packages, settings."""
    h = hashlib.sha256(_kode())
    h.update(_paket())
    # A theme or plugin folder outside the project (the project's are in _kode()).
    for folder in [settings.get("THEME"), *settings.get("PLUGIN_PATHS", ())]:
        if folder and Path(folder).is_dir():
            root = Path(folder).resolve()
            if not root.is_relative_to(HERE / "theme") and not root.is_relative_to(HERE / "plugins"):
                h.update(str(root).encode() + b"\0")
                _folder(h, root)
    h.update(stabil({k: v for k, v in settings.items() if k not in BUKAN_KELUARAN}).encode())
    return h.hexdigest()[:PANJANG_KUNCI]


_NAMA_KUNCI = re.compile(rf"[0-9a-f]{{{PANJANG_KUNCI}}}")


def pasang(settings) -> Path:
    """Point ``settings["CACHE_PATH"]`` at the folder of this build's key, and
    remove all but the few most recently used folders of other keys."""
    base = Path(settings["CACHE_PATH"])
    if _NAMA_KUNCI.fullmatch(base.name):  # already set (a second Pelican run in one process)
        base = base.parent
    key = kunci(settings)
    folder = base / key
    settings["CACHE_PATH"] = str(folder)
    if base.is_dir():
        others = sorted((p for p in base.iterdir() if p.is_dir() and _NAMA_KUNCI.fullmatch(p.name)
                         and p.name != key), key=lambda p: p.stat().st_mtime, reverse=True)
        import shutil

        for old in others[SIMPAN_KUNCI:]:
            shutil.rmtree(old, ignore_errors=True)
    if folder.is_dir():
        os.utime(folder)  # most recently used
    return folder


def kunci_untuk(conf: str, content: str) -> str:
    """The key of ``pelican CONTENT -s CONF`` as the build computes it (for CI)."""
    from pelican.settings import read_settings

    return kunci(read_settings(conf, override={"PATH": os.path.abspath(os.path.expanduser(content))}))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Cetak kunci tembolok build (kode, tema, pengaturan).")
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    args = parser.parse_args()
    print(kunci_untuk(args.settings, args.content))
