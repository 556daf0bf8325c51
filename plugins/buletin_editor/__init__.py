"""Pelican adapter: the content editor at /admin/ (Decap CMS, issue 15).

The page itself is the direct template ``admin.html``. On ``finalized`` this
plugin puts next to it the editor's configuration and file format (theme/admin/:
config.yml and kunci.js written by ``invoke editor``, buletin.js) and Decap's own
scripts: they are
served from the site (no CDN) and never committed (5 MB, npm package
``decap-cms`` in node_modules, installed by ci/install-test-tools.sh). Without
node_modules the build still succeeds and /admin/ says how to install the editor
(``bawaslu.editor.salin_decap``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from bawaslu import editor
from pelican import signals

log = logging.getLogger(__name__)


def copy_decap(pelican) -> None:
    save_as = pelican.settings.get("ADMIN_SAVE_AS")
    if not save_as:
        return
    target = Path(pelican.output_path) / Path(save_as).parent
    editor.salin_admin(target)
    copied = editor.salin_decap(target)
    if copied:
        log.info("Penyunting: %d berkas Decap CMS disalin ke %s", copied, target)
    else:
        log.warning("Penyunting /admin/ tanpa Decap CMS: %s tidak ada; jalankan "
                    "ci/install-test-tools.sh lalu bangun ulang", editor.DECAP_DIST)


def register():
    signals.finalized.connect(copy_decap)
