"""Pelican adapter: nothing unsafe is read, written or copied (issue 12).

- ``initialized``: before any file is read, the content folder is checked with
  ``bawaslu.bersih.berkas_tidak_aman``: a symlink anywhere (Pelican's static
  generator would follow it and copy what it points at), a file type not on the
  image allowlist, or an unsafe SVG stops the build with ``path: message``.
- ``content_object_init``: every item's and page's HTML (body and Summary) is
  sanitised with the one allowlist (``bawaslu.bersih.bersihkan``). The content
  check reports what this would strip; this is the defence behind it.
- ``generator_init``: the Jinja filters ``isi`` (sanitised HTML, the one place HTML
  is marked safe) and ``teks`` (plain text), and the ``url()`` global.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bawaslu import bersih, jalur
from markupsafe import Markup
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


def isi(value, situs: str = "") -> Markup:
    """Sanitised HTML of a body or summary, marked safe for the (autoescaping) templates."""
    return Markup(bersih.bersihkan(str(value or ""), situs))


def add_template_helpers(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    situs = generator.settings.get("SITEURL", "")
    env.filters["isi"] = lambda value: isi(value, situs)
    env.filters["teks"] = bersih.teks
    env.globals["url"] = jalur.url


def register():
    signals.initialized.connect(check_files)
    signals.content_object_init.connect(sanitise)
    signals.generator_init.connect(add_template_helpers)
