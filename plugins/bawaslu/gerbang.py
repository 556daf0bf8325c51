"""The output gate: what the built site would publish, checked before it is published.

Defence in depth behind the content checks and the sanitiser: the gate reads the
built files, not the content. ``periksa_situs(out, siteurl, ...)`` returns every problem
as ``path:line: message`` (Indonesian), sorted; empty when the site may go out.

- every HTML file is parsed with the standard library's HTML tokenizer (HTML5
  tokenization: character references decoded in attribute values, script/style
  content as raw text); refused: any ``<script>`` but the search page's own, any
  ``on*`` attribute, any ``javascript:``/``data:``/``vbscript:`` URL, any resource
  (image, stylesheet, script, frame, media, ``url()`` in a style) from another host,
  ``<meta http-equiv="refresh">``, ``<base>``, frames and plugins (object/embed);
- every output file must be one the build is known to produce (``tak_dikenal``):
  pages, listings, feeds, data, search bundles, the theme's static files and the
  content folder's images, byte for byte;
- every internal link is checked as served under the real SITEURL path
  (``periksa.tautan_rusak``): on a project site (``https://x.github.io/buletin``)
  a link to ``/berita/`` leaves the site and is broken.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from . import bersih, editor, jalur, periksa

# The only scripts the site loads, by page: the search page's own (theme/static/js/cari.js)
# and the staff editor's (Decap CMS and its file format, served from the site: /admin/).
SKRIP = {
    "cari/index.html": frozenset({"theme/js/cari.js"}),
    "admin/index.html": frozenset({"admin/decap-cms.js", "admin/kunci.js", "admin/buletin.js"}),
}
# Attributes whose value is a URL (WHATWG HTML, SVG); srcset is a list of them.
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite",
                       "background", "xlink:href", "ping", "manifest", "icon", "lowsrc",
                       "dynsrc", "longdesc", "codebase", "archive", "srcset", "imagesrcset"})
BAD_SCHEMES = frozenset({"javascript", "data", "vbscript", "livescript"})
# Elements whose URL attribute loads something into the page (a link does not).
RESOURCE_TAGS = {"img": ("src", "srcset"), "script": ("src",), "iframe": ("src",),
                 "frame": ("src",), "embed": ("src",), "object": ("data",),
                 "audio": ("src",), "video": ("src", "poster"), "source": ("src", "srcset"),
                 "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"),
                 "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href")}
# <link rel=...> values that load the target.
LOADING_RELS = frozenset({"stylesheet", "icon", "preload", "prefetch", "modulepreload",
                          "manifest", "apple-touch-icon", "preconnect", "dns-prefetch",
                          "prerender", "mask-icon"})
REFUSED_TAGS = frozenset({"base", "iframe", "frame", "frameset", "object", "embed", "applet",
                          "portal", "fencedframe"})
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.IGNORECASE)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class _Halaman(periksa._Page):
    """One page, parsed once: its links and ids (for the link check) and its dangers."""

    def __init__(self, rel: str, siteurl: str):
        super().__init__()
        self.rel = rel
        self.site_host = _host(siteurl)
        folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
        # Each allowed script as the page may write it: site address or beside the page.
        self.skrip = {form for path in SKRIP.get(rel, ()) for form in (
            jalur.alamat(siteurl, path),
            path[len(folder):] if folder and path.startswith(folder) else None) if form}
        self.found: list[tuple[int, str]] = []
        self.in_style = False

    def problem(self, message: str) -> None:
        self.found.append((self.getpos()[0], message))

    def other_host(self, url: str) -> bool:
        cleaned = url.strip()
        if cleaned.startswith("//") or bersih._scheme(cleaned) in ("http", "https"):
            host = _host(cleaned if not cleaned.startswith("//") else "https:" + cleaned)
            return host != self.site_host
        return False

    def check_css(self, css: str) -> None:
        for m in _CSS_URL.finditer(css):
            url = m.group(2) or m.group(4) or ""
            if self.other_host(url):
                self.problem(f"gaya (CSS) memuat sumber dari host lain: {url[:100]}")
            elif bersih._scheme(url) in BAD_SCHEMES:
                self.problem(f"gaya (CSS) memuat URL {bersih._scheme(url)}: yang dilarang")

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            src = values.get("src", "")
            if src not in self.skrip:
                self.problem(f"elemen <script> tidak diizinkan{f' (src={src[:100]})' if src else ''}"
                             "; hanya halaman cari/ dan penyunting admin/ yang memuat skripnya "
                             "sendiri")
        if tag in REFUSED_TAGS:
            self.problem(f"elemen <{tag}> tidak diizinkan di situs")
        if tag == "style":
            self.in_style = True
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self.problem('<meta http-equiv="refresh"> (pengalihan otomatis) tidak diizinkan')
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problem(f"atribut {name} (skrip penanganan kejadian) pada <{tag}> tidak diizinkan")
            if name in URL_ATTRS:
                urls = [u.split()[0] for u in value.split(",") if u.split()] \
                    if name.endswith("srcset") else [value]
                for url in urls:
                    scheme = bersih._scheme(url)
                    if scheme in BAD_SCHEMES:
                        self.problem(f"URL {scheme}: pada <{tag} {name}> tidak diizinkan")
            if name == "style":
                self.check_css(value)
        loads = list(RESOURCE_TAGS.get(tag, ()))
        if tag == "link" and LOADING_RELS & set(values.get("rel", "").lower().split()):
            loads.append("href")
        if tag == "meta" and values.get("property", "") in ("og:image", "og:image:url",
                                                           "og:image:secure_url"):
            loads.append("content")
        for name in loads:
            value = values.get(name, "")
            urls = [u.split()[0] for u in value.split(",") if u.split()] \
                if name.endswith("srcset") else [value]
            for url in urls:
                if url and self.other_host(url):
                    self.problem(f"<{tag} {name}> memuat sumber dari host lain: {url[:100]}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)  # HTMLParser's default: one start tag
        if tag == "style":
            self.in_style = False

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.check_css(data)


def halaman(out: Path, siteurl: str = "") -> dict[Path, _Halaman]:
    """Every HTML file under ``out`` (resolved path -> parsed page), each parsed once."""
    out = Path(out).resolve()
    pages = {}
    for path in sorted(out.rglob("*.html")):
        page = _Halaman(path.relative_to(out).as_posix(), siteurl)
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        page.close()
        pages[path] = page
    return pages


def berbahaya(out: Path, siteurl: str = "", pages: dict | None = None) -> list[str]:
    """Scripts, event handlers, dangerous URLs, foreign resources and redirects in
    every HTML file under ``out``, as ``path:line: message``."""
    pages = halaman(out, siteurl) if pages is None else pages
    return sorted({f"{page.rel}:{line}: {message}"
                   for page in pages.values() for line, message in page.found})


# --- the output inventory ------------------------------------------------------------

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_PAGE = r"(?:page/[1-9][0-9]*/)?index\.html"
SECTIONS = ("berita", "putusan", "wilayah", "topik", "feeds", "cari", "data", "theme",
            "gambar")
KNOWN = [re.compile(p) for p in (
    r"index\.html", r"404\.html", r"robots\.txt", r"sitemap\.xml", r"CNAME", r"\.nojekyll",
    rf"(?:berita|putusan)/{_PAGE}",
    rf"topik/(?:{_SLUG}/)?{_PAGE}",
    rf"wilayah/(?:{_SLUG}/(?:(?:berita|putusan)/)?)?{_PAGE}",
    r"feeds/index\.html", r"feeds/index\.opml",
    rf"feeds/(?:(?:wilayah|pelanggaran)/)?{_SLUG}\.(?:atom|rss)\.xml",
    r"cari/index\.html",
    rf"data/(?:wilayah/{_SLUG}/)?(?:putusan|statistik-wilayah)\.(?:csv|json)",
    r"data/datapackage\.json",
    r"pagefind(?:-[0-9]+)?/[A-Za-z0-9_./-]+",
)]
_ITEM = re.compile(rf"(?:berita/[0-9]{{4}}/[0-9]{{2}}/{_SLUG}|putusan/{_SLUG})/index\.html")
_STANDING = re.compile(rf"({_SLUG})/index\.html")


def tak_dikenal(out: Path, *, content: Path | None = None, theme_static: Path | None = None,
                theme_dir: str = "theme", items: set[str] | None = None,
                static_paths: tuple[str, ...] = ("gambar",)) -> list[str]:
    """Every file under ``out`` that no content file, theme file or plugin produced.

    ``items``: the item pages the content publishes (``berita/…/index.html``); when
    given, any other item page (a draft, a file not in the content) is refused.
    ``theme_static``/``content``: theme files and content images must be copies of
    regular files there (a symlink's target is never a known file)."""
    out = Path(out)
    problems = []
    for path in sorted(p for p in out.rglob("*") if not p.is_dir()):
        rel = path.relative_to(out).as_posix()
        if path.is_symlink():
            problems.append(f"{rel}: tautan simbolik di hasil pembangunan")
            continue
        top = rel.split("/", 1)[0]
        if top == theme_dir and theme_static is not None:
            source = Path(theme_static) / rel.split("/", 1)[1] if "/" in rel else None
            if not _same_regular_file(source, path, Path(theme_static)):
                problems.append(f"{rel}: bukan salinan berkas tema (theme/static)")
            continue
        if top in static_paths and content is not None:
            source = Path(content) / rel
            if not _same_regular_file(source, path, Path(content)):
                problems.append(f"{rel}: bukan salinan berkas biasa di folder konten")
            elif (why := bersih._tidak_aman(source, rel)) is not None:
                problems.append(f"{rel}: {why}")
            continue
        if top == "admin":
            if rel != "admin/index.html" and not any(
                    _same_regular_file(folder / rel.split("/", 1)[1], path, folder)
                    for folder in (editor.ADMIN, editor.DECAP_DIST)):
                problems.append(f"{rel}: bukan salinan berkas penyunting (theme/admin atau "
                                "decap-cms dari node_modules)")
            continue
        if _ITEM.fullmatch(rel):
            if items is not None and rel not in items:
                problems.append(f"{rel}: halaman item yang tidak diterbitkan oleh konten "
                                "(draf atau berkas yang tidak ada di folder konten)")
            continue
        if any(p.fullmatch(rel) for p in KNOWN):
            continue
        m = _STANDING.fullmatch(rel)
        if m and m.group(1) not in SECTIONS:
            continue
        problems.append(f"{rel}: berkas tidak dikenal; tidak dihasilkan oleh konten, tema "
                        "atau plugin situs")
    return problems


def _same_regular_file(source: Path | None, copy: Path, root: Path) -> bool:
    if source is None or not source.is_file():
        return False
    current = source
    while True:  # no symlink on the way from root to the file
        if current.is_symlink():
            return False
        if current == root or current.parent == current:
            break
        current = current.parent
    try:
        source.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return source.stat().st_size == copy.stat().st_size and source.read_bytes() == copy.read_bytes()


def periksa_situs(out: Path, siteurl: str = "", *, content: Path | None = None,
            theme_static: Path | None = None, items: set[str] | None = None) -> list[str]:
    """The whole gate: dangerous HTML, unknown files, links broken as served."""
    out = Path(out)
    pages = halaman(out, siteurl)
    problems = berbahaya(out, siteurl, pages)
    problems += tak_dikenal(out, content=content, theme_static=theme_static, items=items)
    problems += periksa.tautan_rusak(out, siteurl, pages)
    return sorted(set(problems))

