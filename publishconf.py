"""Settings for the published site: pelicanconf plus absolute URLs."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://bawaslu.github.io/buletin").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
