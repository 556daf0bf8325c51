"""Warm rebuilds: what the previous build of the same site already did.

Staff preview with ``invoke serve`` and CI rebuilds often; after one file is
edited, most of the work of a build is the same as last time. A *tembolok*
(cache) file in Pelican's CACHE_PATH remembers, per content file, the SHA-256
of its bytes, and, for the whole build, a digest of everything else an output
depends on (the project's code, theme and settings, and the list of content
files). When that digest is unchanged, a content file whose bytes are unchanged
gives the same check results and the same item page, so neither is redone.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent.parent  # the project root
VERSION = 1


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
