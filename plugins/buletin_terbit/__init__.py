"""Pelican adapter for the published build (publishconf.py only).

pelican-sitemap dates listing pages (home, regions, topics) with the build
clock; for byte-identical output they get the date of the newest content
instead (its last ``Modified``, else ``Date``).
"""

from __future__ import annotations

from pelican import signals


def pin_sitemap_clock(generator) -> None:
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:  # sitemap plugin not installed: nothing to pin
        return
    dates = [getattr(a, "modified", None) or a.date for a in generator.articles]
    if dates:
        sitemap.generator.now = max(dates)


def register():
    signals.article_generator_finalized.connect(pin_sitemap_clock)
