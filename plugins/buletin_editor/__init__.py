"""Pelican adapter: the content editor at /admin/ (Decap CMS, issue 15).

The page itself is the direct template ``admin.html``. On ``finalized`` this
plugin puts next to it the editor's configuration and file format (theme/admin/:
config.yml and kunci.js written by ``invoke editor``, buletin.js) and Decap's own
scripts: they are served from the site (no CDN) and never committed (5 MB, npm
package ``decap-cms`` in node_modules, installed by ci/install-test-tools.sh).

Without node_modules the build still succeeds (a fresh clone's ``make html``):
/admin/ then loads no Decap script and says how to install the editor, and the
build logs a warning. ``PENYUNTING_DECAP_DIST`` (a setting) points elsewhere.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bawaslu import editor
from pelican import signals

log = logging.getLogger(__name__)


def _dist(settings) -> Path:
    return Path(settings.get("PENYUNTING_DECAP_DIST") or editor.DECAP_DIST)


def detect_decap(pelican) -> None:
    """Tell the template whether Decap's scripts will be there (PENYUNTING_DECAP)."""
    found = (_dist(pelican.settings) / editor.DECAP_JS).is_file()
    pelican.settings["PENYUNTING_DECAP"] = found
    if not found and pelican.settings.get("ADMIN_SAVE_AS"):
        log.warning("Penyunting /admin/ tanpa Decap CMS: %s tidak ada; jalankan "
                    "ci/install-test-tools.sh lalu bangun ulang", _dist(pelican.settings))


def copy_editor(pelican) -> None:
    save_as = pelican.settings.get("ADMIN_SAVE_AS")
    if not save_as:
        return
    target = Path(pelican.output_path) / Path(save_as).parent
    editor.salin_admin(target)
    if pelican.settings.get("PENYUNTING_DECAP"):
        copied = editor.salin_decap(target, _dist(pelican.settings))
        log.info("Penyunting: %d berkas Decap CMS disalin ke %s", copied, target)


def register():
    signals.initialized.connect(detect_decap)
    signals.finalized.connect(copy_editor)
