"""Settings for the published site: pelicanconf plus absolute URLs, sitemap, robots.txt.

The site's address comes from the environment, so an office configures it
without editing code:

- ``BULETIN_DOMAIN=buletin.bawaslu-contoh.go.id``: a custom domain
  (the site is then ``https://<domain>`` and the build writes ``CNAME``);
- else ``SITEURL`` (GitHub Actions passes the Pages address here);
- else the default below.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

DEFAULT_SITEURL = "https://bawaslu.github.io/buletin"
_domain = os.environ.get("BULETIN_DOMAIN", "").strip().strip("/")
if _domain:
    SITEURL = "https://" + _domain.removeprefix("https://").removeprefix("http://")
else:
    SITEURL = (os.environ.get("SITEURL") or DEFAULT_SITEURL).rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# sitemap.xml (pelican-sitemap) and robots.txt pointing to it.
PLUGINS = PLUGINS + ["pelican.plugins.sitemap", "buletin_terbit"]
load_plugins(PLUGINS)  # noqa: F405 (a missing plugin fails the build)
SITEMAP = {
    "format": "xml",
    # /admin/ is the staff editor (noindex), never a page for the public.
    "exclude": [r"^404\.html$", r"^robots\.txt$", r"^admin/"],
}
DIRECT_TEMPLATES = DIRECT_TEMPLATES + ["robots"]
ROBOTS_SAVE_AS = "robots.txt"
