"""Checks of a built site: internal links resolve, feeds are well-formed XML.

Used by the tests (quality gates) and by ``invoke publish`` before anything is
deployed. Each check returns a sorted list of problems (empty when all is well).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

_LINK_ATTRS = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
               ("source", "src"), ("iframe", "src"), ("form", "action")}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if (tag, name) in _LINK_ATTRS and value is not None:
                self.links.append((self.getpos()[0], value))
            if tag == "img" and name == "srcset" and value:
                for part in value.split(","):
                    self.links.append((self.getpos()[0], part.split()[0]))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


_LOKAL = "http://situs.lokal"  # a stand-in address when the site is built for the root


def _target(out: Path, page: Path, url: str, siteurl: str) -> tuple[Path | None, str]:
    """The file a link points to as the site is served at ``siteurl`` (None if it is
    another site's, or a mailto:/tel: link) and its fragment. A link that leaves the
    site's path (``/berita/`` on a site under ``/buletin/``) points to no file."""
    site = urlsplit(siteurl.rstrip("/") or _LOKAL)
    prefix = site.path.rstrip("/") + "/"
    here = urljoin(f"{site.scheme}://{site.netloc}{prefix}", page.relative_to(out).as_posix())
    parts = urlsplit(urljoin(here, url.strip()))
    if parts.scheme not in ("http", "https") or (parts.hostname or "") != (site.hostname or ""):
        return None, ""
    path = unquote(parts.path)
    if not (path + "/").startswith(prefix) or "\x00" in path:
        return out / "\x00di-luar-situs", parts.fragment
    target = out / path[len(prefix):]
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def tautan_rusak(out: Path, siteurl: str = "", pages: dict | None = None) -> list[str]:
    """Every internal link, image and fragment in the HTML under ``out`` that does not
    resolve as the site is served at ``siteurl`` (its path included: a project site
    under ``/buletin/`` has nothing at ``/berita/``). ``pages``: the HTML files already
    parsed (resolved path -> ``_Page``), as the output gate does."""
    out = Path(out).resolve()
    if pages is None:
        pages = {p: _parse(p) for p in sorted(out.rglob("*.html"))}
    # Files as served: regular files inside ``out`` (a symlink is not followed).
    inside = {p for p in out.rglob("*") if p.is_file() and not p.is_symlink()}
    problems = []
    for path, page in pages.items():
        for line, url in page.links:
            if url.startswith(("mailto:", "tel:", "data:")):
                continue
            target, fragment = _target(out, path, url, siteurl)
            if target is None:
                continue
            shown = f"{path.relative_to(out)}:{line}"
            if target not in inside:
                problems.append(f"{shown}: tautan rusak {url}")
                continue
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(fragment) not in ids:
                    problems.append(f"{shown}: penanda #{fragment} tidak ada di {url}")
    return sorted(problems)


def umpan_rusak(out: Path) -> list[str]:
    """Every feed or OPML file under ``out/feeds`` that is not well-formed XML."""
    out = Path(out)
    problems = []
    for path in sorted((out / "feeds").rglob("*")):
        if path.suffix in (".xml", ".opml"):
            try:
                ElementTree.parse(path)
            except ElementTree.ParseError as error:
                problems.append(f"{path.relative_to(out)}: XML tidak sah ({error})")
    return problems
