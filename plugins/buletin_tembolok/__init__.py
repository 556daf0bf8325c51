"""A cache key that covers everything (issue 16): with LOAD_CONTENT_CACHE on, a change
to a setting that changes the output (``MARKDOWN``...), a plugin, the theme or an
installed package starts from an empty cache, Pelican's reader cache and the
project's own (``bawaslu.tembolok``) alike. Pelican's own cache keys only on each
content file.

On ``initialized`` (before any generator reads CACHE_PATH) CACHE_PATH becomes
``CACHE_PATH/<key>``; see ``bawaslu.tembolok.pasang``.
"""

from __future__ import annotations

import logging

from bawaslu import tembolok
from pelican import signals

log = logging.getLogger(__name__)


def cache_under_key(pelican) -> None:
    folder = tembolok.pasang(pelican.settings)
    log.debug("tembolok: %s", folder)
    if not pelican.settings.get("CACHE_CONTENT"):
        # Pelican stamps each content file at every cache look-up, even with no cache:
        # with "sha256" that is four more reads of every file. No cache, no stamp to keep.
        pelican.settings["CHECK_MODIFIED_METHOD"] = "mtime"


def register():
    signals.initialized.connect(cache_under_key)
