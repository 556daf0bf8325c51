"""The project's own settings without the search index (``invoke bench --tanpa-cari``).

Only for measuring: what the Pagefind index costs a cold build. A site built
with these settings has a search page and no index behind it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pelicanconf import *  # noqa: E402,F401,F403
from pelicanconf import PLUGINS as _SEMUA  # noqa: E402

PLUGINS = [p for p in _SEMUA if p != "buletin_cari"]
