"""Pelican adapter: nothing unsafe is read, written or copied (issue 12).

- ``initialized``: before any file is read, the content folder is checked with
  ``bawaslu.bersih.berkas_tidak_aman``: a symlink anywhere (Pelican's static
  generator would follow it and copy what it points at), a file type not on the
  image allowlist, or an unsafe SVG stops the build with ``path: message``.
- ``content_object_init``: every item's and page's HTML (body and Summary) is
  sanitised with the one allowlist (``bawaslu.bersih.bersihkan``). The content
  check reports what this would strip; this is the defence behind it.
The theme's helpers (filters ``isi`` and ``teks``, global ``url()``) are in
pelicanconf.py: JINJA_FILTERS and JINJA_GLOBALS, from bawaslu.bersih and bawaslu.jalur.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bawaslu import bersih
from pelican import signals


class BerkasTidakAman(SystemExit):
    """The content folder holds a file that must not be read: the build stops (exit 1)."""


def shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def check_files(pelican) -> None:
    root = Path(pelican.settings["PATH"])
    problems = bersih.berkas_tidak_aman(root)
    if problems:
        for rel, message in problems:
            print(f"{shown(root / rel)}:1: {message}", file=sys.stderr)
        raise BerkasTidakAman(f"{len(problems)} berkas tidak aman di folder konten; situs tidak "
                              "dibangun. Perbaiki berkas yang disebut di atas, lalu bangun ulang.")


def sanitise(content) -> None:
    situs = content.settings.get("SITEURL", "")
    content._content = bersih.bersihkan(content._content or "", situs)
    if "summary" in content.metadata:
        content.metadata["summary"] = bersih.bersihkan(content.metadata["summary"], situs)
        content._summary = content.metadata["summary"]


def register():
    signals.initialized.connect(check_files)
    signals.content_object_init.connect(sanitise)
