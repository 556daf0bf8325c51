"""Where things are published: the one place for the site's generated paths.

Site-relative paths without a leading slash, as Pelican's ``url`` values are.
Item URLs are in ``konten.item_url``; region URLs are ``Wilayah.url``.
"""

from __future__ import annotations

import functools

from .wilayah import Wilayah

FEEDS_PAGE = "feeds/"
OPML = "feeds/index.opml"
DATA = "data/"
SEARCH_PAGE = "cari/"
FORMATS = ("atom", "rss")


def feed_key_wilayah(w: Wilayah) -> str:
    """Feed key of a region: "semua" for the national level (everything)."""
    return "semua" if w.is_nasional else f"wilayah/{w.slug}"


def feed_key_pelanggaran(violation: str) -> str:
    return f"pelanggaran/{violation}"


def feed_path(key: str, fmt: str = "atom") -> str:
    """``feeds/<key>.atom.xml`` or ``feeds/<key>.rss.xml``."""
    return f"feeds/{key}.{fmt}.xml"


def data_path(name: str, w: Wilayah | None = None) -> str:
    """``data/<name>`` for the whole archive; a region's slice under its own folder."""
    if w is None or w.is_nasional:
        return f"{DATA}{name}"
    return f"{DATA}wilayah/{w.slug}/{name}"


def alamat(siteurl: str, path: str = "") -> str:
    """The address of a site-relative ``path`` on the site at ``siteurl``: ``""`` (local
    preview) gives ``/path``; a sub-path (``https://x.github.io/buletin``) is kept."""
    path = str(path or "")
    if path.startswith(("http://", "https://", "#")):
        return path
    return f"{siteurl.rstrip('/')}/{path.lstrip('/')}" if siteurl or path[:1] == "/" \
        else "/" + path


try:
    from jinja2 import pass_context
except ImportError:  # pragma: no cover
    pass_context = lambda f: f


@functools.lru_cache(maxsize=1 << 16)
def _alamat_str(siteurl: str, path: str) -> str:
    return alamat(siteurl, path)


@pass_context
def url(context, path: str = "") -> str:
    """Jinja global ``url(path)``: every link of the theme is built with it, so the site
    works at a domain root and under a sub-path (GitHub project sites). Memoised: each
    page links the menu, its feeds, region and topics, the same paths on many pages."""
    siteurl = context.get("SITEURL", "")
    if type(path) is str and type(siteurl) is str:
        return _alamat_str(siteurl, path)
    return alamat(siteurl, path)


@pass_context
def menu_aktif(context, output_file: str | None) -> str:
    """Jinja global: the main menu's address of the page written to ``output_file``
    (``berita/index.html`` -> ``berita/``), whose item is marked as the current page;
    "" for a page that is not in the menu."""
    halaman = (output_file or "").replace("index.html", "")
    return halaman if any(href == halaman for _, href in context.get("MENU", ())) else ""


def daftar_wilayah(w: Wilayah, jenis: str) -> str:
    """The full list of a region's news (``jenis="berita"``) or case records
    (``"putusan"``), its own and its descendants': ``wilayah/<slug>/berita/``;
    later pages at ``…/berita/page/2/``. The national lists are the site's own
    ``berita/`` and ``putusan/``."""
    return f"{jenis}/" if w.is_nasional else f"{w.url}{jenis}/"
