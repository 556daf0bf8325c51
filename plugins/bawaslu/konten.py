"""A content folder against the contract: every file through the schema, then the site-wide rules.

``check_folder`` is what ``invoke check`` and ``invoke publish`` run before any
build; the build's reader (``buletin_konten``) calls ``baca_berkas`` for each
file and ``masalah_situs`` once, so both report the same problems.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from . import skema
from .bersih import SYMLINK, berkas_tidak_aman, bersihkan, isi_folder
from .skema import (  # noqa: F401  (the names other modules and tests use)
    Masalah,
    content_files,
    item_url,
    jenis_of,
    news_slug,
    parse_date,
    parse_datetime,
    register_slug,
)
from .wilayah import registry


def konteks(root: Path, settings: dict | None = None, markdown=None) -> skema.Konteks:
    """The schema's context for a content folder (and a build's settings, if any)."""
    settings = settings or {}
    today = settings.get("BULETIN_HARI_INI")
    siteurl = settings.get("SITEURL", "")
    return skema.Konteks(
        registry=registry(), root=Path(root),
        hari_ini=date.fromisoformat(today) if isinstance(today, str) else today,
        markdown=markdown, bersihkan=lambda html: bersihkan(html, siteurl))


def tautan_simbolik(root: Path, rel: str) -> bool:
    """Whether ``rel`` under ``root``, or a folder on the way, is a symbolic link."""
    path = Path(root)
    for part in Path(rel).parts:
        path = path / part
        if path.is_symlink():
            return True
    return False


def baca_berkas(root: Path, rel: str, shown: str, ctx: skema.Konteks):
    """One content file, read without following any symbolic link, through the schema."""
    if tautan_simbolik(root, rel):
        return skema.Ditolak(skema.Berkas(shown, rel, "", masalah=[Masalah(shown, 1, SYMLINK)]),
                             jenis_of(rel) or "halaman", {})
    fd = os.open(Path(root) / rel, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as f:
        data = f.read()
    return skema.baca(data, rel, shown, ctx)


def masalah_situs(root: Path, per_file: dict, show=None) -> list[Masalah]:
    """Every problem of a content folder, sorted: each file's (``per_file`` maps a
    relative path to its ``Item`` or its problems), files the build could not read,
    and the site-wide rules (unique Register numbers and URLs)."""
    show = show or _shown(root)
    problems: list[Masalah] = []
    items = []
    isi = isi_folder(root)
    for rel in content_files(root, isi):
        result = per_file.get(rel)
        if result is None:
            problems.append(Masalah(show(rel), 1, "berkas ini tidak terbaca saat membangun situs; "
                                    "periksa format kepala berkas (Kunci: nilai, lalu satu baris "
                                    "kosong)"))
        else:
            if isinstance(result, list):
                problems += result
            if result.jenis != "halaman":
                items.append((show(rel), result))
    problems += skema.check_unique(items)
    problems += [Masalah(show(rel), 1, message) for rel, message in berkas_tidak_aman(root, isi)]
    return sorted(set(problems))


def _shown(root: Path):
    """``rel`` -> the path as staff see it (relative to where they run the build); the
    folder's relative path is computed once (``relpath`` is lexical)."""
    try:
        base = os.path.relpath(root)
    except ValueError:
        base = str(root)
    return lambda rel: os.path.normpath(os.path.join(base, rel))


def check_folder(root: Path, show=str, ctx: skema.Konteks | None = None) -> list[Masalah]:
    """Every problem of a whole content folder: what ``invoke check`` and ``invoke publish``
    report before any build (the schema without Markdown: nothing is rendered)."""
    root = Path(root)
    ctx = ctx or konteks(root)
    shown = {rel: show(root / rel) for rel in content_files(root)}
    per_file = {rel: baca_berkas(root, rel, s, ctx) for rel, s in shown.items()}
    return masalah_situs(root, per_file, lambda rel: show(root / rel))
