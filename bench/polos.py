"""Plain Pelican for `invoke bench`: the default theme, no plugins, default settings.

The same corpus is built with these settings and with the project's own
pelicanconf.py, so the two figures compare like with like.
"""

AUTHOR = "Bawaslu"
SITENAME = "Pelican polos"
SITEURL = ""
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
# No plugins at all: without this, Pelican also loads every installed namespace
# plugin (pelican-sitemap is installed for the project).
PLUGINS = []
